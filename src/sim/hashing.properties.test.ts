/**
 * Hashing properties over random ECMP sets. Rerun a failure with
 * `FC_SEED=<seed> npx vitest run src/sim/hashing.properties.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { fillBuckets, nextHopFor, rebalanceBuckets, updateBuckets } from './hashing';
import { mix32 } from './rng';
import { propertyRuns, propertySeed } from './testing/harness';

const SEED = propertySeed;
const params = (numRuns: number) => ({ numRuns: propertyRuns(numRuns), seed: SEED });
const name = (text: string) => `${text} (FC_SEED=${SEED})`;
// A guard against a hung run, not a timing assertion: a slow machine must not fail.
vi.setConfig({ testTimeout: propertyRuns(60_000) });
const NO_BUCKETS = new Int32Array(0);
const FLOWS = 2_000;

/** An ECMP set: distinct node numbers in address order. */
const ecmpArb = (min: number, max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 64 }), { minLength: min, maxLength: max })
    .map((xs) => xs.sort((a, b) => a - b));
// Flow hashes must be uniform, which fast-check's integers deliberately are not
// (they favour small and edge values): draw a seed and mix it into 2,000 hashes.
const hashesArb = fc
  .nat()
  .map((seed) =>
    Array.from({ length: FLOWS }, (_, i) => mix32(mix32(seed) ^ Math.imul(i, 0x9e3779b9))),
  );

/** The share of flows that changed next hop when `removed` left. */
function share(kind: 'modulo' | 'hash-threshold', ecmp: number[], k: number, hashes: number[]) {
  const after = ecmp.filter((_, i) => i !== k);
  const moved = hashes.filter(
    (h) => nextHopFor(kind, h, ecmp, NO_BUCKETS) !== nextHopFor(kind, h, after, NO_BUCKETS),
  ).length;
  return moved / hashes.length;
}
// Five standard deviations of a share measured over 2,000 flows.
const tolerance = (p: number) => 5 * Math.sqrt((p * (1 - p)) / FLOWS) + 1e-9;

describe('closed forms of the share of flows moved by removing position k of N', () => {
  const arb = ecmpArb(2, 16).chain((ecmp) =>
    fc.record({
      ecmp: fc.constant(ecmp),
      k: fc.integer({ min: 0, max: ecmp.length - 1 }),
      hashes: hashesArb,
    }),
  );

  test(name('hash-threshold: 1/2 − k(N−1−k)/(N(N−1))'), () => {
    fc.assert(
      fc.property(arb, ({ ecmp, k, hashes }) => {
        const n = ecmp.length;
        const expected = 0.5 - (k * (n - 1 - k)) / (n * (n - 1));
        expect(Math.abs(share('hash-threshold', ecmp, k, hashes) - expected)).toBeLessThan(
          tolerance(expected),
        );
      }),
      params(100),
    );
  });

  test(name('modulo: (N−1)/N'), () => {
    fc.assert(
      fc.property(arb, ({ ecmp, k, hashes }) => {
        const expected = (ecmp.length - 1) / ecmp.length;
        expect(Math.abs(share('modulo', ecmp, k, hashes) - expected)).toBeLessThan(
          tolerance(expected),
        );
      }),
      params(100),
    );
  });
});

describe('resilient buckets', () => {
  const arb = fc
    .record({
      before: ecmpArb(1, 16),
      after: ecmpArb(0, 16),
      buckets: fc.integer({ min: 1, max: 512 }),
    })
    .map(({ before, after, buckets }) => {
      const table = new Int32Array(buckets);
      fillBuckets(table, before);
      return { before, after, table };
    });

  test(
    name('a change moves only buckets whose next hop left; added hops wait for the rebalance'),
    () => {
      fc.assert(
        fc.property(arb, ({ before, after, table }) => {
          const next = table.slice();
          const added = updateBuckets(next, after);
          const kept = new Set(after);
          const survivors = before.filter((h) => kept.has(h));
          next.forEach((owner, b) => {
            if (after.length === 0) expect(owner).toBe(0);
            // A surviving hop keeps every bucket; orphaned buckets go to a hop of the new set.
            else if (kept.has(table[b]!)) expect(owner).toBe(table[b]);
            else expect(after).toContain(owner);
          });
          const newcomers = after.filter((h) => !before.includes(h));
          const removedAny = before.some((h) => !kept.has(h));
          if (survivors.length > 0 && !removedAny) {
            // A pure addition moves nothing: added hops wait for the idle timer.
            expect(next).toEqual(table);
            expect(added).toBe(newcomers.length > 0);
          }
          // The rebalance then moves buckets only onto hops below their fair share.
          const balanced = next.slice();
          const moved = rebalanceBuckets(balanced, after);
          let changed = 0;
          balanced.forEach((owner, b) => {
            if (owner !== next[b]) changed++;
          });
          expect(changed).toBe(moved);
          if (after.length > 0) {
            const counts = after.map((h) => balanced.filter((x) => x === h).length);
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          }
        }),
        params(200),
      );
    },
  );

  test(name('flows follow their bucket: only the removed hop’s flows change next hop'), () => {
    fc.assert(
      fc.property(
        ecmpArb(2, 16).chain((ecmp) =>
          fc.record({
            ecmp: fc.constant(ecmp),
            gone: fc.constantFrom(...ecmp),
            hashes: fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 300 }),
          }),
        ),
        ({ ecmp, gone, hashes }) => {
          const table = new Int32Array(256);
          fillBuckets(table, ecmp);
          const after = ecmp.filter((h) => h !== gone);
          const next = table.slice();
          updateBuckets(next, after);
          for (const h of hashes) {
            const a = nextHopFor('resilient', h, ecmp, table);
            const b = nextHopFor('resilient', h, after, next);
            if (a !== gone) expect(b).toBe(a);
            else expect(after).toContain(b);
          }
        },
      ),
      params(150),
    );
  });
});
