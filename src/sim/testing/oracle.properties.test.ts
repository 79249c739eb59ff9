/**
 * The closed-form accounting against the per-packet oracle, on small random
 * scenarios (every failure kind, strategy, hashing, connection-state mode and
 * timer). A failure prints fast-check's seed and the shrunk scenario; rerun it
 * with `FC_SEED=<seed> npx vitest run src/sim/testing/oracle.properties.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { createSimulation } from '../simulation';
import { parseScenario } from '../scenario';
import { scenarioArb } from './arbitraries';
import { propertyRuns, propertySeed } from './harness';
import { packetOracle } from './oracle';
import { createFlows, flowDraw, generationAt } from '../traffic';

const params = (numRuns: number) => ({ numRuns: propertyRuns(numRuns), seed: propertySeed });
const name = (text: string) => `${text} (FC_SEED=${propertySeed})`;
vi.setConfig({ testTimeout: propertyRuns(120_000) });

// Few, slow-ish flows keep the per-packet replay short; at least one flow, so
// that no case is vacuous.
const small = scenarioArb({ drains: true }).map((input) => ({
  ...input,
  traffic: {
    ...input.traffic,
    flows: Math.max(1, Math.min(input.traffic.flows, 60)),
    packetsPerSecond: Math.min(input.traffic.packetsPerSecond, 20),
  },
}));

function check(input: Parameters<typeof parseScenario>[0], untilMs: number) {
  const sc = parseScenario(input);
  const sim = createSimulation(sc);
  sim.advanceTo(untilMs);
  const f = sim.figures();
  const { processors, ...o } = packetOracle(sc, sim.events(), sim.now());
  // Each open flow's processor, as the views sample it: one sample per slot, in hash order.
  const flows = createFlows(sc);
  const now = sim.now();
  const expected = processors
    .map((node, i) => {
      const g = generationAt(flows, i, now);
      const flow = flowDraw(flows, i, g);
      return flow.startMs > now ? null : { position: flow.hash / 2 ** 32, node: node || null };
    })
    .filter((x) => x !== null)
    .sort((a, b) => a.position - b.position);
  const sampled = sim
    .flowSample(sc.traffic.flows)
    .map((s) => ({ position: s.position, node: s.processor }));
  expect(sampled).toEqual(expected);
  // The engine's own count of what clients sent, against delivered + lost.
  expect(f.packetsDelivered + f.packetsLost).toBe(f.packetsSent);
  expect({
    sent: f.packetsSent,
    delivered: f.packetsDelivered,
    lost: f.packetsLost,
    unrouted: f.packetsUnrouted,
    perNode: f.perNode,
    flowsReset: f.flowsReset,
    flowsStalled: f.flowsStalled,
    flowsBroken: f.flowsBroken,
    packetsSteered: f.packetsSteered,
  }).toEqual(o);
}

describe('the accounting against the per-packet oracle', () => {
  test(
    name('every figure and flow processor equals a packet-by-packet count, at the end of the run'),
    () => {
      fc.assert(
        fc.property(small, (input) => check(input, Number.POSITIVE_INFINITY)),
        params(100),
      );
    },
  );

  test(name('and at any moment in between (an open epoch)'), () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 30_000 }), (input, untilMs) =>
        check(input, untilMs),
      ),
      params(40),
    );
  });

  test(name('flow by flow, the oracle sees what the scenario predicts in a known case'), () => {
    // Node 2 crashes; under local state its flows are reset by the crash and
    // the flows that move to survivors are reset when they arrive there.
    const input = {
      version: 1 as const,
      nodes: 2,
      durationMs: 20_000,
      strategy: 'none' as const,
      traffic: { flows: 40, packetsPerSecond: 5, longLivedShare: 1 },
      faults: [{ atMs: 5_000, node: 2, action: 'fail' as const, kind: 'crash' as const }],
    };
    const sc = parseScenario(input);
    const sim = createSimulation(sc);
    sim.advanceTo(Number.POSITIVE_INFINITY);
    const o = packetOracle(sc, sim.events(), sim.now());
    expect(o.flowsReset).toBeGreaterThan(0);
    expect(o.flowsReset).toBe(sim.figures().flowsReset);
    // Long-lived flows on node 1 never move: node 1 never loses a packet.
    expect(o.perNode[0]!.lost).toBe(0);
  });
});
