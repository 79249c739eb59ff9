/**
 * Protocol details of the second wave: update pacing, an update in flight
 * when carrier is lost, RIP's link cost and poisoning, and a planned drain.
 * Expected times come from the scenario's timers.
 */
import { describe, expect, test } from 'vitest';
import { RIP_UNREACHABLE } from './protocols';
import { given } from './testing/harness';

const FAIL_MS = 20_000;

describe('update pacing', () => {
  test('OSPF (MinLSInterval 5 s): a second lowering within the interval waits for it', () => {
    const r = given({ nodes: 4, durationMs: 60_000, protocol: { preset: 'ospf' } })
      .fail(4)
      .at(FAIL_MS)
      .fail(3)
      .at(FAIL_MS + 1_000)
      .run();
    const sc = r.sim.scenario();
    expect(sc.protocol.minUpdateIntervalMs).toBe(5_000);
    for (const node of [1, 2]) {
      const lowers = r.all('advertise', (e) => e.node === node && e.reason === 'lower');
      expect(lowers.map((e) => e.metric)).toEqual([sc.metric.base - 1, sc.metric.base - 2]);
      const held = r.first('update-held', lowers[1]!.tMs, (e) => e.node === node);
      expect(held).toMatchObject({ tMs: lowers[1]!.tMs, untilMs: lowers[0]!.tMs + 5_000 });
      const heard = r.all('update-received', (e) => e.node === node && e.tMs > FAIL_MS);
      expect(heard.map((e) => [e.tMs, e.metric])).toEqual([
        [lowers[0]!.tMs + sc.protocol.propagationMs, sc.metric.base - 1],
        [lowers[0]!.tMs + 5_000 + sc.protocol.propagationMs, sc.metric.base - 2],
      ]);
    }
  });

  test('BGP (MRAI 0 here, as for iBGP): nothing waits', () => {
    const r = given({ nodes: 4, durationMs: 60_000, protocol: { preset: 'bgp' } })
      .fail(4)
      .at(FAIL_MS)
      .fail(3)
      .at(FAIL_MS + 1_000)
      .run();
    expect(r.all('update-held')).toEqual([]);
  });
});

test('an update in flight when carrier is lost does not bring the route back', () => {
  const setup = {
    nodes: 4,
    durationMs: 40_000,
    protocol: { propagationMs: 50 },
    router: { carrierDetectMs: 10 },
    traffic: { flows: 0 },
  };
  const first = given(setup).fail(1).at(FAIL_MS).run();
  const lower = first.first('advertise', FAIL_MS, (e) => e.node === 4 && e.reason === 'lower');
  // Node 4 sends its lowered update, and its carrier goes 1 ms later.
  const live = given(setup)
    .fail(1)
    .at(FAIL_MS)
    .start()
    .at(lower.tMs + 1)
    .fail(4, 'carrier')
    .at(40_000);
  const removed = live.first('route-removed', lower.tMs, (e) => e.node === 4);
  expect(removed).toMatchObject({ reason: 'carrier', tMs: lower.tMs + 1 + 10 });
  expect(live.all('update-received', (e) => e.node === 4 && e.tMs > lower.tMs)).toEqual([]);
  expect(live.sim.snapshot().routes.find((x) => x.node === 4)).toBeUndefined();
  expect(live.fibBetween(removed.tMs).every((c) => !c.ecmp.includes(4))).toBe(true);
});

describe('RIP', () => {
  test('the router adds its link cost: advertised 8 is held as 9', () => {
    const r = given({ nodes: 2, durationMs: 1_000, protocol: { preset: 'rip' } }).run();
    expect(r.sim.scenario().metric.base).toBe(8);
    expect(r.sim.snapshot().routes.map((x) => x.metric)).toEqual([9, 9]);
  });

  test('a withdrawal poisons the route at 16 and starts garbage collection', () => {
    const r = given({
      nodes: 3,
      durationMs: 200_000,
      protocol: { preset: 'rip' },
      cluster: { unhealthyAction: 'withdraw' },
      traffic: { flows: 0 },
    })
      .fail(3, 'unhealthy')
      .at(FAIL_MS)
      .start();
    const removed = r.at(30_000).first('route-removed', FAIL_MS, (e) => e.node === 3);
    expect(removed.reason).toBe('withdraw');
    expect(r.sim.snapshot().routes.find((x) => x.node === 3)).toMatchObject({
      status: 'garbage',
      metric: RIP_UNREACHABLE,
      inFib: false,
    });
    const garbageMs = r.sim.scenario().protocol.garbageMs;
    r.at(removed.tMs + garbageMs);
    expect(r.first('route-flushed', FAIL_MS)).toMatchObject({
      node: 3,
      tMs: removed.tMs + garbageMs,
    });
    expect(r.sim.snapshot().routes.find((x) => x.node === 3)).toBeUndefined();
  });

  test('an advertised 15 arrives as 16, unreachable: a drain under RIP poisons its own route', () => {
    const r = given({
      nodes: 3,
      durationMs: 30_000,
      protocol: { preset: 'rip' },
      traffic: { flows: 0 },
    })
      .start()
      .at(FAIL_MS);
    r.sim.act({ type: 'drain-node', node: 2 });
    r.at(FAIL_MS + 1_000);
    expect(r.first('advertise', FAIL_MS, (e) => e.node === 2)).toMatchObject({ metric: 15 });
    expect(r.first('update-received', FAIL_MS, (e) => e.node === 2).metric).toBe(RIP_UNREACHABLE);
    expect(r.first('route-removed', FAIL_MS, (e) => e.node === 2).reason).toBe('poison');
  });
});

describe('a planned drain', () => {
  test('the node makes its route the worst, waits until it carries nothing, then stops; nothing is lost', () => {
    const r = given({ nodes: 4, durationMs: 40_000, traffic: { flows: 500 } })
      .start()
      .at(FAIL_MS);
    r.sim.act({ type: 'drain-node', node: 2 });
    r.at(40_000);
    const sc = r.sim.scenario();
    const routerMs = sc.protocol.propagationMs + sc.router.coalesceMs + sc.router.fibInstallMs;
    expect(r.first('drain-start', FAIL_MS)).toMatchObject({ node: 2, metric: 1_000_000 });
    r.expectEcmpAt(FAIL_MS + routerMs, [1, 3, 4]);
    const done = r.first('drain-done', FAIL_MS);
    expect(done.tMs).toBeGreaterThanOrEqual(FAIL_MS + routerMs);
    // It checks on its heartbeat ticks, the first a heartbeat after the drain began.
    expect(done.tMs).toBeLessThan(FAIL_MS + 2 * sc.cluster.heartbeatMs);
    // Its peers see a planned leave: nobody lowers.
    expect(
      r
        .all('member-leave')
        .map((e) => e.node)
        .sort(),
    ).toEqual([1, 3, 4]);
    expect(r.all('advertise', (e) => e.reason === 'lower')).toEqual([]);
    const f = r.sim.figures();
    expect(f.packetsLost).toBe(0);
    expect(f.flowsStalled).toBe(0);
    expect(r.sim.snapshot().nodes[1]).toMatchObject({ state: 'failed', failure: 'drain' });
  });

  test('under steering the moved flows survive the drain until the node stops', () => {
    const run = (connectionState: 'local' | 'steering') => {
      const r = given({
        nodes: 4,
        durationMs: 40_000,
        cluster: { connectionState },
        traffic: { flows: 500, longLivedShare: 1 },
      })
        .start()
        .at(FAIL_MS);
      r.sim.act({ type: 'drain-node', node: 2 });
      r.at(40_000);
      return r.sim.figures();
    };
    const local = run('local');
    const steering = run('steering');
    // Local: node 2's flows are reset when they reach their new nodes.
    expect(local.flowsReset).toBeGreaterThan(0);
    expect(local.packetsSteered).toBe(0);
    // Steering: they are steered back to node 2 until it stops, and only those
    // are reset; flows that hash-threshold moved between the other nodes survive.
    expect(steering.packetsSteered).toBeGreaterThan(0);
    expect(steering.flowsReset).toBeGreaterThan(0);
    expect(steering.flowsReset).toBeLessThan(local.flowsReset);
  });
});

describe('health verdicts and a node coming back', () => {
  test('a node that turns unhealthy while its session comes up still advertises (keep-advertising)', () => {
    // Recovered from a crash, unhealthy 1 ms later: the checks' verdict comes before the
    // routing session is up, and must not cancel it.
    const r = given({ nodes: 3, durationMs: 200_000, protocol: { preset: 'bgp' } })
      .fail(3)
      .at(1_000)
      .recover(3)
      .at(FAIL_MS)
      .fail(3, 'unhealthy')
      .at(FAIL_MS + 1)
      .run();
    const sc = r.sim.scenario();
    expect(sc.cluster.unhealthyAction).toBe('keep-advertising');
    const verdict = r.first('health-down', FAIL_MS, (e) => e.node === 3);
    const up = r.first('session-up', FAIL_MS, (e) => e.node === 3);
    expect(verdict!.tMs).toBeLessThan(up!.tMs);
    // Once the survivors have restored, the unhealthy node's route is as good as theirs.
    expect(r.sim.snapshot().nodes.map((n) => [n.state, n.metric])).toEqual([
      ['active', sc.metric.base],
      ['active', sc.metric.base],
      ['unhealthy', sc.metric.base],
    ]);
    expect(r.sim.snapshot().fib).toEqual([1, 2, 3]);
  });

  test('a node whose carrier drops while its health recovers is active again once back', () => {
    const r = given({ nodes: 2, durationMs: 200_000, protocol: { preset: 'bgp' } })
      .fail(1, 'unhealthy')
      .at(1_000)
      .recover(1)
      .at(FAIL_MS)
      .fail(1, 'carrier')
      .at(FAIL_MS + 1)
      .recover(1)
      .at(FAIL_MS + 2)
      .run();
    expect(r.first('health-up', FAIL_MS, (e) => e.node === 1)).toBeTruthy();
    const base = r.sim.scenario().metric.base;
    expect(r.sim.snapshot().nodes[0]).toMatchObject({ state: 'active', metric: base });
    expect(r.sim.snapshot().fib).toEqual([1, 2]);
  });
});
