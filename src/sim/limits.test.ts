/**
 * Scenarios near the size limits. The real limits take a minute each (the
 * benchmark's "worst valid" section runs them); here the same shapes, scaled
 * to a budget a test can afford, must run to their end without throwing and
 * cost no more than validation estimated. A failure prints the seed and the
 * shrunk size; rerun with `FC_SEED=<seed> npx vitest run src/sim/limits.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { parseScenario, ScenarioError } from './scenario';
import { createSimulation } from './simulation';
import { propertyRuns, propertySeed } from './testing/harness';
import { sizedScenario } from './testing/worst';
import { estimateWorkload, MEMORY_LIMIT_BYTES, WORK_LIMIT } from './workload';

const SEED = propertySeed;
const name = (text: string) => `${text} (FC_SEED=${SEED})`;
// A guard against a hung run, not a timing assertion.
vi.setConfig({ testTimeout: propertyRuns(120_000) });

/** What a test can afford: about a thousandth of the real limit. */
const TEST_WORK = WORK_LIMIT / 1000;

const sizeArb = fc
  .record({
    nodes: fc.integer({ min: 1, max: 256 }),
    flows: fc.integer({ min: 0, max: 50_000 }),
    faults: fc.integer({ min: 0, max: 3_000 }),
    hours: fc.integer({ min: 1, max: 24 }),
  })
  .map(({ hours, ...size }) => ({ ...size, durationMs: hours * 3_600_000 }))
  .filter((size) => {
    const work = estimateWorkload(parseScenario(sizedScenario(size))).work;
    // Near the scaled limit: at least a tenth of it, and within it.
    return work >= TEST_WORK / 10 && work <= TEST_WORK;
  });

describe('near the limits', () => {
  test(name('a large valid scenario runs to its end, within what validation estimated'), () => {
    fc.assert(
      fc.property(sizeArb, (size) => {
        const scenario = parseScenario(sizedScenario(size));
        const estimate = estimateWorkload(scenario);
        const sim = createSimulation(scenario);
        sim.advanceTo(scenario.durationMs);
        const f = sim.figures();
        expect(sim.now()).toBe(scenario.durationMs);
        expect(f.packetsSent).toBe(f.packetsDelivered + f.packetsLost);
        // The estimate is a model, not a bound; it must not be off by more than twice
        // (plus the few events any run has), or the limit would let through what cannot fit.
        expect(sim.events().length).toBeLessThanOrEqual(2 * estimate.events + 64);
        expect(sim.epochs().length).toBeLessThanOrEqual(2 * estimate.epochs + 16);
        // A seek back into the run replays from a checkpoint and agrees with the way forward.
        const mid = Math.floor(scenario.durationMs / 2);
        const ahead = createSimulation(scenario);
        ahead.advanceTo(mid);
        sim.seek(mid);
        expect(sim.figures()).toEqual(ahead.figures());
      }),
      { numRuns: propertyRuns(6), seed: SEED },
    );
  });

  test('what cannot fit is refused before it runs, naming the fields and the limit', () => {
    const huge = sizedScenario({
      nodes: 256,
      flows: 1_000_000,
      faults: 10_000,
      durationMs: 86_400_000,
    });
    expect(() => parseScenario(huge)).toThrow(ScenarioError);
    try {
      parseScenario(huge);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(
        /nodes 256, faults 10000, durationMs 86400000, traffic\.flows 1000000/,
      );
      expect(message).toMatch(/limit/);
    }
  });

  test('the largest scenarios the issue measured are valid and estimated within the limits', () => {
    for (const size of [
      { nodes: 256, flows: 1_000, faults: 10_000, durationMs: 86_400_000 },
      { nodes: 64, flows: 100_000, faults: 10_000, durationMs: 86_400_000 },
    ]) {
      const w = estimateWorkload(parseScenario(sizedScenario(size)));
      expect(w.work).toBeLessThanOrEqual(WORK_LIMIT);
      expect(w.memoryBytes).toBeLessThanOrEqual(MEMORY_LIMIT_BYTES);
    }
  });
});
