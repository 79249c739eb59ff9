/**
 * Properties of the whole simulation over random small scenarios and fault
 * schedules (every failure kind, recoveries, strategies, hashing methods and
 * timers). A failure prints fast-check's seed and shrunk scenario; rerun it
 * with `FC_SEED=<seed> npx vitest run src/sim/properties.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { createSimulation } from './simulation';
import { parseScenario, ScenarioError } from './scenario';
import type { Simulation } from './simulation';
import { everything, faultsArb, scenarioArb, simulate } from './testing/arbitraries';
import { ecmpAt, propertyRuns, propertySeed } from './testing/harness';
import type { Epoch } from './types';

const SEED = propertySeed;
const params = (numRuns: number) => ({ numRuns: propertyRuns(numRuns), seed: SEED });
const name = (text: string) => `${text} (FC_SEED=${SEED})`;
// A guard against a hung run, not a timing assertion: a slow machine must not fail.
vi.setConfig({ testTimeout: propertyRuns(60_000) });

const RIB_EVENTS = new Set(['update-received', 'route-removed']);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Whether each node was down (not delivering) during an epoch, from the event log. */
function downDuring(sim: Simulation, epoch: Epoch): boolean[] {
  const down = new Array<boolean>(sim.scenario().nodes).fill(false);
  for (const e of sim.events()) {
    if (e.tMs > epoch.startMs) break;
    if (e.type === 'node-fail') down[e.node - 1] = true;
    if (e.type === 'node-recover') down[e.node - 1] = false;
  }
  return down;
}

describe('determinism', () => {
  test(name('the same scenario gives the same log, epochs and figures'), () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        expect(everything(simulate(input))).toEqual(everything(simulate(input)));
      }),
      params(60),
    );
  });
});

describe('exact accounting', () => {
  test(
    name('every packet sent is delivered or lost, and faults do not change what clients send'),
    () => {
      fc.assert(
        fc.property(scenarioArb(), (input) => {
          const sim = simulate(input);
          const f = sim.figures();
          const epochs = sim.epochs();
          expect(f.packetsSent).toBe(f.packetsDelivered + f.packetsLost);
          // Independently, from the epochs: what each node was sent, and what had no route.
          const sent = sum(epochs.map((e) => sum(e.packetsByNode) + e.unrouted));
          expect(f.packetsSent).toBe(sent);
          expect(f.packetsUnrouted).toBe(sum(epochs.map((e) => e.unrouted)));
          f.perNode.forEach((n, i) => {
            expect(n.lost).toBe(sum(epochs.map((e) => e.lostByNode[i]!)));
            expect(n.delivered).toBe(
              sum(epochs.map((e) => e.packetsByNode[i]! - e.lostByNode[i]!)),
            );
          });
          expect(f.packetsLost).toBe(sum(f.perNode.map((n) => n.lost)) + f.packetsUnrouted);
          // Clients send the same packets whatever the network does with them.
          const quiet = simulate({ ...input, faults: [] }).figures();
          expect(f.packetsSent).toBe(quiet.packetsSent);
          expect(quiet.packetsLost).toBe(0);
          expect(quiet.flowsBroken).toBe(0);
        }),
        params(150),
      );
    },
  );

  test(
    name('no packet is delivered by a node that is down, and none is lost by one that is up'),
    () => {
      fc.assert(
        fc.property(scenarioArb(), (input) => {
          const sim = simulate(input);
          // Under steering a receiver that is up loses what it steers to a processor that is down.
          const steering = sim.scenario().cluster.connectionState === 'steering';
          for (const epoch of sim.epochs()) {
            const down = downDuring(sim, epoch);
            down.forEach((isDown, i) => {
              if (isDown) expect(epoch.lostByNode[i]).toBe(epoch.packetsByNode[i]);
              else if (steering)
                expect(epoch.lostByNode[i]).toBeLessThanOrEqual(epoch.packetsSteered);
              else expect(epoch.lostByNode[i]).toBe(0);
            });
            // Nothing is sent to a node outside the FIB.
            epoch.packetsByNode.forEach((p, i) => {
              if (!epoch.ecmp.includes(i + 1)) expect(p).toBe(0);
            });
            if (epoch.ecmp.length > 0) expect(epoch.unrouted).toBe(0);
          }
        }),
        params(150),
      );
    },
  );
});

describe('convergence', () => {
  test(
    name('once quiet, every active node advertises the base metric and the FIB holds exactly them'),
    () => {
      const FAULTS_UNTIL_MS = 15_000;
      const arb = scenarioArb({ faultsUntilMs: FAULTS_UNTIL_MS }).map((input) => {
        const sc = parseScenario(input);
        const { protocol: p, router: r, cluster: c, metric: m } = sc;
        const routerMs = p.propagationMs + r.coalesceMs + r.fibInstallMs;
        const quietMs =
          p.expiryMs +
          m.restoreWaitMs +
          p.sessionSetupMs +
          (c.deadAfter + 2) * c.heartbeatMs +
          c.backplaneMs +
          c.detectionJitterMs +
          sc.bfd.intervalMs * sc.bfd.multiplier +
          (Math.max(c.healthFall, c.healthRise) + 1) * c.healthCheckMs +
          4 * p.minUpdateIntervalMs +
          2 * routerMs +
          1_000;
        const last = Math.max(0, ...sc.faults.map((f) => f.atMs));
        return { ...input, durationMs: last + quietMs };
      });
      fc.assert(
        fc.property(arb, (input) => {
          const sim = simulate(input);
          const sc = sim.scenario();
          const snap = sim.snapshot();
          const failed = new Map<number, string>();
          for (const f of sc.faults) {
            // An unhealthy node can still crash; otherwise a failed node cannot fail again.
            if (f.action === 'fail' && (!failed.has(f.node) || f.kind === 'crash'))
              failed.set(
                f.node,
                failed.get(f.node) === 'unhealthy' && f.kind !== 'crash' ? 'unhealthy' : f.kind,
              );
            else if (f.action === 'recover') failed.delete(f.node);
          }
          // An unhealthy node that keeps advertising stays in the FIB, at the base metric.
          const keeps = (node: number) =>
            failed.get(node) === 'unhealthy' && sc.cluster.unhealthyAction === 'keep-advertising';
          const active = snap.nodes.filter((n) => !failed.has(n.node));
          for (const n of active) {
            expect(n).toMatchObject({ state: 'active', metric: sc.metric.base, restoreAtMs: null });
          }
          for (const n of snap.nodes.filter((x) => failed.has(x.node))) {
            expect(n.state).not.toBe('active');
            if (keeps(n.node)) expect(n.metric).toBe(sc.metric.base);
          }
          const expected = snap.nodes
            .filter((n) => !failed.has(n.node) || keeps(n.node))
            .map((n) => n.node)
            .slice(0, sc.router.maxPaths);
          expect(snap.fib).toEqual(expected);
          expect(sim.fibChanges().at(-1)!.ecmp).toEqual(expected);
          // Nothing of a dead node lingers in the RIB as usable.
          for (const route of snap.routes) {
            if (route.status === 'valid')
              expect(failed.has(route.node) && !keeps(route.node)).toBe(false);
          }
        }),
        params(150),
      );
    },
  );
});

describe('the router against a naive oracle', () => {
  test(
    name('with coalesceMs 0 the FIB at t is the best set of the RIB at t − fibInstallMs'),
    () => {
      const arb = scenarioArb().map((input) => ({
        ...input,
        router: { ...input.router, coalesceMs: 0 },
      }));
      fc.assert(
        fc.property(arb, (input) => {
          const sim = simulate(input);
          const sc = sim.scenario();
          const install = sc.router.fibInstallMs;
          // Replay the RIB from the log: updates set a route, removals drop it.
          const rib = new Map<number, number>();
          // The router holds what it received plus RIP's link cost; RIP's 16 is unreachable.
          for (let n = 1; n <= sc.nodes; n++)
            rib.set(n, sc.metric.base + (sc.protocol.preset === 'rip' ? 1 : 0));
          const unreachable = (m: number) => sc.protocol.preset === 'rip' && m >= 16;
          const best = () => {
            const min = Math.min(...rib.values());
            return [...rib]
              .filter(([, m]) => m === min)
              .map(([n]) => n)
              .sort((a, b) => a - b)
              .slice(0, sc.router.maxPaths);
          };
          const expected: { tMs: number; ecmp: number[] }[] = [];
          const events = sim.events();
          events.forEach((e, i) => {
            if (e.type === 'update-received' && unreachable(e.metric)) rib.delete(e.node);
            else if (e.type === 'update-received') rib.set(e.node, e.metric);
            else if (e.type === 'route-removed') rib.delete(e.node);
            else return;
            // Compare at the end of each millisecond in which the RIB changed.
            if (events.slice(i + 1).some((x) => x.tMs === e.tMs && RIB_EVENTS.has(x.type))) return;
            expected.push({ tMs: e.tMs + install, ecmp: best() });
          });
          for (const { tMs, ecmp } of expected) {
            if (tMs > sc.durationMs) continue;
            expect(ecmpAt(sim.fibChanges(), tMs)).toEqual(ecmp);
          }
        }),
        params(100),
      );
    },
  );
});

describe('robustness', () => {
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
  // Mostly valid values, sometimes not: the validator must catch the bad ones.
  const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
    fc.oneof({ arbitrary: valid, weight: 15 }, { arbitrary: invalid, weight: 1 });
  // Numbers a user might type: in range, at the edges, fractional, or out of range.
  const num = (min: number, max: number) =>
    mostly(
      fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.constantFrom(min, max),
      ),
      fc.oneof(fc.constantFrom(min - 1, max + 1, 0.5, -1), fc.double({ min, max, noNaN: true })),
    );
  const oneOf = (valid: string[], invalid: string) =>
    mostly(fc.constantFrom(...valid), fc.constant(invalid));
  const strip = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const validish = fc.integer({ min: 1, max: 8 }).chain((nodes) =>
    fc
      .record({
        version: mostly(fc.constant(1), fc.constant(2)),
        seed: maybe(num(0, 2 ** 32 - 1)),
        durationMs: maybe(num(1, 60_000)),
        nodes: mostly(fc.constant(nodes), fc.constantFrom(0, 300)),
        protocol: maybe(
          fc
            .record({
              preset: maybe(oneOf(['lab', 'bgp', 'ospf', 'rip'], 'isis')),
              updateMs: maybe(num(1, 5_000)),
              expiryMs: maybe(num(1, 20_000)),
              garbageMs: maybe(num(0, 5_000)),
              sessionSetupMs: maybe(num(0, 5_000)),
              propagationMs: maybe(num(0, 100)),
            })
            .map(strip),
        ),
        router: maybe(
          fc
            .record({
              coalesceMs: maybe(num(0, 500)),
              fibInstallMs: maybe(num(0, 500)),
              maxPaths: maybe(num(1, 8)),
              carrierDetectMs: maybe(num(0, 100)),
            })
            .map(strip),
        ),
        strategy: maybe(oneOf(['none', 'metric-lowering', 'bfd'], 'magic')),
        metric: maybe(
          fc
            .record({
              base: maybe(num(0, 20)),
              step: maybe(num(1, 10)),
              restoreWaitMs: maybe(num(0, 30_000)),
              floor: maybe(num(0, 20)),
              rejoin: maybe(oneOf(['base', 'cluster'], 'never')),
            })
            .map(strip),
        ),
        cluster: maybe(
          fc
            .record({
              heartbeatMs: maybe(num(1, 1_000)),
              deadAfter: maybe(num(1, 10)),
              backplaneMs: maybe(num(0, 50)),
              detectionJitterMs: maybe(num(0, 2_000)),
              healthThreshold: maybe(num(0, 1)),
            })
            .map(strip),
        ),
        bfd: maybe(
          fc.record({ intervalMs: maybe(num(1, 1_000)), multiplier: maybe(num(1, 10)) }).map(strip),
        ),
        hashing: maybe(oneOf(['modulo', 'hash-threshold', 'resilient'], 'random')),
        resilient: maybe(
          fc.record({ buckets: maybe(num(1, 512)), idleTimerMs: maybe(num(0, 60_000)) }).map(strip),
        ),
        traffic: maybe(
          fc
            .record({
              flows: maybe(num(0, 200)),
              packetsPerSecond: maybe(num(0.001, 100)),
              longLivedShare: maybe(num(0, 1)),
              shortFlowMeanMs: maybe(num(100, 30_000)),
            })
            .map(strip),
        ),
        faults: maybe(mostly(faultsArb(nodes, 60_000, 8), faultsArb(nodes + 1, 60_000, 8))),
      })
      .map(strip),
  );

  test(name('anything that passes parseScenario simulates to its end without throwing'), () => {
    let accepted = 0;
    fc.assert(
      fc.property(validish, (input) => {
        let sc: ReturnType<typeof parseScenario>;
        try {
          sc = parseScenario(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ScenarioError);
          expect((error as ScenarioError).problems.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const sim = createSimulation(sc);
        while (sim.step()) {
          sim.snapshot();
        }
        expect(sim.now()).toBeLessThanOrEqual(sc.durationMs);
        sim.advanceTo(Number.POSITIVE_INFINITY);
        expect(sim.now()).toBe(sc.durationMs);
        const f = sim.figures();
        expect(Number.isFinite(f.packetsSent)).toBe(true);
        sim.seek(sc.durationMs / 2);
        sim.flowSample(50);
      }),
      params(150),
    );
    // The generator must exercise the simulator, not only the validator.
    expect(accepted).toBeGreaterThan(30);
  });
});
