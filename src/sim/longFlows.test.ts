/**
 * The aggregate count of long-lived flows' packets against the per-flow
 * formula. Rerun a failure with `FC_SEED=<seed> npx vitest run src/sim/longFlows.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { packetsBefore } from './longFlows';
import { propertyRuns, propertySeed } from './testing/harness';

const params = (numRuns: number) => ({ numRuns: propertyRuns(numRuns), seed: propertySeed });
const name = (text: string) => `${text} (FC_SEED=${propertySeed})`;

/** The per-flow count `sweepEpochs` uses: packets sent before t from phase p. */
const before = (p: number, t: number, periodMs: number) =>
  t <= p ? 0 : Math.ceil((t - p) / periodMs);

describe('packetsBefore', () => {
  test(name('equals the sum of the per-flow count over any group of sorted phases'), () => {
    fc.assert(
      fc.property(
        fc.constantFrom(100, 1000 / 3, 1, 1000 / 7, 12.5),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          maxLength: 60,
        }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.nat(60),
        fc.nat(60),
        (periodMs, units, t, a, b) => {
          const phases = Float64Array.from(units, (u) => u * periodMs).sort();
          // Times on a packet's own instant and just either side are the hard cases.
          const times = [
            t,
            ...Array.from(phases.slice(0, 3), (p) => p + periodMs * Math.floor(t / periodMs)),
          ];
          const from = Math.min(a, b, phases.length);
          const to = Math.min(Math.max(a, b), phases.length);
          for (const at of times.flatMap((x) => [x, x - 1e-9, x + 1e-9, 0])) {
            let sum = 0;
            for (let j = from; j < to; j++) sum += before(phases[j]!, at, periodMs);
            expect(packetsBefore(phases, from, to, at, periodMs)).toBe(sum);
          }
        },
      ),
      params(400),
    );
  });
});
