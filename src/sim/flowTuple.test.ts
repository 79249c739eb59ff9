/**
 * The router's hash of a flow's 5-tuple from tables agrees with the hash word
 * by word. Rerun a failure with `FC_SEED=<seed> npx vitest run src/sim/flowTuple.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tupleHash, tupleHashFrom, tupleTables } from './flowTuple';
import { hashInts } from './rng';
import { propertyRuns, propertySeed } from './testing/harness';

describe('the 5-tuple hash', () => {
  test('is MurmurHash3 of client, VIP, port word and protocol', () => {
    const t = (0x1234 << 17) | 0x1abcd;
    const client = (0xc6120000 | 0x1abcd) >>> 0;
    const port = 1024 + 0x1234;
    expect(tupleHash(7, t)).toBe(
      hashInts(7 ^ 0x5bd1e995, client, 0x0a000064, ((port << 16) | 443) >>> 0, 6),
    );
  });

  test(`from tables, the same bits for any seed and draw (FC_SEED=${propertySeed})`, () => {
    const draws = fc.array(fc.integer({ min: 0, max: 0xffffffff }), {
      minLength: 1,
      maxLength: 200,
    });
    const edges = [0, 1, 0x1ffff, 0x20000, 0x7fffffff, 0x80000000, 0xffffffff];
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), draws, (seed, ts) => {
        const tables = tupleTables(seed);
        for (const t of [...edges, ...ts]) {
          expect(tupleHashFrom(tables, t | 0)).toBe(tupleHash(seed, t));
          expect(tupleHashFrom(tables, t >>> 0)).toBe(tupleHash(seed, t | 0));
        }
      }),
      { numRuns: propertyRuns(40), seed: propertySeed },
    );
  });
});
