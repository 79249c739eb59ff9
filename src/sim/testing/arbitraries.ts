/**
 * Generators and helpers shared by the property tests: small valid scenarios
 * with random timers and fault schedules, and a way to run and compare them.
 */
import fc from 'fast-check';
import { createSimulation } from '../simulation';
import { parseScenario, type ScenarioInput } from '../scenario';
import type { Simulation } from '../simulation';
import type { FailureKind } from '../types';

type Fault = NonNullable<ScenarioInput['faults']>[number];
export const KINDS: FailureKind[] = ['crash', 'link', 'carrier', 'unhealthy'];

export const faultsArb = (
  nodes: number,
  untilMs: number,
  max = 6,
  drains = false,
): fc.Arbitrary<Fault[]> =>
  fc.array(
    fc.oneof(
      ...(drains
        ? [
            fc.record({
              atMs: fc.integer({ min: 0, max: untilMs }),
              node: fc.integer({ min: 1, max: nodes }),
              action: fc.constant('drain' as const),
            }),
          ]
        : []),
      fc.record({
        atMs: fc.integer({ min: 0, max: untilMs }),
        node: fc.integer({ min: 1, max: nodes }),
        action: fc.constant('fail' as const),
        kind: fc.constantFrom(...KINDS),
      }),
      fc.record({
        atMs: fc.integer({ min: 0, max: untilMs }),
        node: fc.integer({ min: 1, max: nodes }),
        action: fc.constant('recover' as const),
      }),
    ),
    { maxLength: max },
  );

/** A small valid scenario: up to 8 nodes, 200 flows, 30 s, short random timers. */
export const scenarioArb = (
  opts: { faultsUntilMs?: number; durationMs?: number; drains?: boolean } = {},
) =>
  fc
    .record({
      nodes: fc.integer({ min: 1, max: 8 }),
      updateMs: fc.integer({ min: 100, max: 3_000 }),
      expiryFactor: fc.integer({ min: 2, max: 4 }),
    })
    .chain(({ nodes, updateMs, expiryFactor }) => {
      const durationMs = opts.durationMs ?? 30_000;
      const expiryMs = updateMs * expiryFactor;
      return fc.record({
        version: fc.constant(1 as const),
        seed: fc.nat(),
        durationMs: fc.constant(durationMs),
        nodes: fc.constant(nodes),
        protocol: fc.record({
          preset: fc.constantFrom('lab' as const, 'bgp' as const, 'ospf' as const, 'rip' as const),
          updateMs: fc.constant(updateMs),
          expiryMs: fc.constant(expiryMs),
          garbageMs: fc.integer({ min: 0, max: 3_000 }),
          sessionSetupMs: fc.integer({ min: 0, max: 3_000 }),
          propagationMs: fc.integer({ min: 0, max: 20 }),
          minUpdateIntervalMs: fc.constantFrom(0, 0, 500, 5_000),
        }),
        router: fc.record({
          coalesceMs: fc.integer({ min: 0, max: 100 }),
          fibInstallMs: fc.integer({ min: 0, max: 50 }),
          maxPaths: fc.integer({ min: 1, max: 8 }),
          carrierDetectMs: fc.integer({ min: 0, max: 20 }),
        }),
        strategy: fc.constantFrom('none' as const, 'metric-lowering' as const, 'bfd' as const),
        metric: fc.record({
          step: fc.integer({ min: 1, max: 3 }),
          restoreWaitMs: fc.integer({ min: expiryMs, max: expiryMs + 2_000 }),
          rejoin: fc.constantFrom('base' as const, 'cluster' as const),
          lowering: fc.constantFrom('per-detection' as const, 'agreed' as const),
        }),
        cluster: fc.record({
          heartbeatMs: fc.integer({ min: 10, max: 300 }),
          deadAfter: fc.integer({ min: 1, max: 4 }),
          backplaneMs: fc.integer({ min: 0, max: 5 }),
          detectionJitterMs: fc.integer({ min: 0, max: 500 }),
          unhealthyAction: fc.constantFrom('keep-advertising' as const, 'withdraw' as const),
          healthCheckMs: fc.integer({ min: 50, max: 2_000 }),
          healthFall: fc.integer({ min: 1, max: 4 }),
          healthRise: fc.integer({ min: 1, max: 4 }),
          connectionState: fc.constantFrom(
            'local' as const,
            'steering' as const,
            'consistent' as const,
          ),
        }),
        hashing: fc.constantFrom(
          'modulo' as const,
          'hash-threshold' as const,
          'resilient' as const,
        ),
        resilient: fc.record({
          buckets: fc.integer({ min: 1, max: 64 }),
          idleTimerMs: fc.integer({ min: 0, max: 20_000 }),
          unbalancedTimerMs: fc.constantFrom(0, 0, 1_000, 10_000),
        }),
        traffic: fc.record({
          flows: fc.integer({ min: 0, max: 200 }),
          packetsPerSecond: fc.integer({ min: 1, max: 50 }),
          longLivedShare: fc.double({ min: 0, max: 1, noNaN: true }),
          shortFlowMeanMs: fc.integer({ min: 100, max: 20_000 }),
        }),
        faults: faultsArb(nodes, opts.faultsUntilMs ?? durationMs, 6, opts.drains),
      });
    });

export const simulate = (input: ScenarioInput, untilMs = Number.POSITIVE_INFINITY): Simulation => {
  const sim = createSimulation(parseScenario(input));
  sim.advanceTo(untilMs);
  return sim;
};

export const everything = (sim: Simulation) => ({
  events: sim.events(),
  fibChanges: sim.fibChanges(),
  epochs: sim.epochs(),
  figures: sim.figures(),
  snapshot: sim.snapshot(),
});
