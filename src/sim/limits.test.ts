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

describe('timers that meet on a rounding error', () => {
  test('a resilient bucket check due when a busy bucket falls idle runs once, and time goes on', () => {
    // Found by the router property: a bucket last used at t read as still busy
    // at t + idleTimerMs after rounding, so the check rescheduled itself at the
    // same moment for ever (16,384.48… ms into this run).
    const sc = parseScenario({
      version: 1,
      seed: 873197396,
      durationMs: 30_000,
      nodes: 6,
      protocol: {
        preset: 'bgp',
        updateMs: 2991,
        expiryMs: 11964,
        garbageMs: 1500,
        sessionSetupMs: 2741,
        propagationMs: 4,
        minUpdateIntervalMs: 5000,
      },
      router: { coalesceMs: 0, fibInstallMs: 46, maxPaths: 5, carrierDetectMs: 7 },
      strategy: 'metric-lowering',
      metric: { step: 3, restoreWaitMs: 13420, rejoin: 'base', lowering: 'per-detection' },
      cluster: {
        heartbeatMs: 15,
        deadAfter: 3,
        backplaneMs: 2,
        detectionJitterMs: 333,
        unhealthyAction: 'withdraw',
        healthCheckMs: 1647,
        healthFall: 3,
        healthRise: 2,
        connectionState: 'local',
      },
      hashing: 'resilient',
      resilient: { buckets: 63, idleTimerMs: 13, unbalancedTimerMs: 10000 },
      traffic: { flows: 196, packetsPerSecond: 35, longLivedShare: 0, shortFlowMeanMs: 14813 },
      faults: [
        { atMs: 2565, node: 4, action: 'fail', kind: 'link' },
        { atMs: 6856, node: 5, action: 'recover' },
        { atMs: 27549, node: 5, action: 'fail', kind: 'crash' },
      ],
    });
    const sim = createSimulation(sc);
    let steps = 0;
    while (sim.step() && steps < 100_000) steps++;
    // Before the fix, step() never returned from 16,384.48 ms (now the engine's
    // guard throws there instead); after it, the run ends and the check ran.
    expect(steps).toBeLessThan(100_000);
    expect(sim.now()).toBeGreaterThan(16_385);
    sim.advanceTo(Number.POSITIVE_INFINITY);
    expect(sim.now()).toBe(sc.durationMs);
    const checks = sim.events().filter((e) => e.type === 'buckets-rebalanced').length;
    expect(checks).toBeGreaterThan(0);
  });
});
