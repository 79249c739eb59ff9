/** Router details of DESIGN §2: maximum paths, RIP's garbage collection, the RIB views. */
import { describe, expect, test } from 'vitest';
import { given } from './testing/harness';

const FAIL_MS = 20_000;

describe('maximum paths', () => {
  test('the ECMP set is the lowest-addressed best routes, up to maxPaths', () => {
    const live = given({ nodes: 4, durationMs: 40_000, router: { maxPaths: 2 } })
      .fail(1)
      .at(FAIL_MS)
      .start()
      .at(FAIL_MS - 1)
      .expectEcmp([1, 2]);
    const routes = live.sim.snapshot().routes;
    expect(routes.filter((r) => r.best).map((r) => r.node)).toEqual([1, 2, 3, 4]);
    expect(routes.filter((r) => r.inFib).map((r) => r.node)).toEqual([1, 2]);
    // Node 1 dies: the survivors lower, and the next two by address fill the set.
    live.at(FAIL_MS + 2_000).expectEcmp([2, 3]);
    live.at(40_000).expectEcmp([2, 3]);
  });
});

describe('RIP-like garbage collection', () => {
  const setup = {
    nodes: 3,
    durationMs: 60_000,
    strategy: 'none',
    protocol: { preset: 'rip', updateMs: 3_000, expiryMs: 18_000, garbageMs: 12_000 },
  } as const;

  test('a timed-out route is kept, unusable, for garbageMs and then flushed', () => {
    const live = given(setup)
      .fail(3)
      .at(FAIL_MS)
      .start()
      .at(FAIL_MS + 1);
    const heard = live.sim.snapshot().routes.find((r) => r.node === 3)!.lastHeardMs;
    const expiryMs = heard + setup.protocol.expiryMs;
    live.at(expiryMs);
    expect(live.first('route-removed', FAIL_MS, (e) => e.node === 3)).toMatchObject({
      tMs: expiryMs,
      reason: 'expiry',
    });
    const garbage = live.sim.snapshot().routes.find((r) => r.node === 3)!;
    expect(garbage).toMatchObject({ status: 'garbage', expiresAtMs: null, best: false });
    const { coalesceMs, fibInstallMs } = live.sim.scenario().router;
    live.at(expiryMs + coalesceMs + fibInstallMs).expectEcmp([1, 2]);
    live.at(expiryMs + setup.protocol.garbageMs);
    expect(live.first('route-flushed', FAIL_MS)).toMatchObject({
      node: 3,
      tMs: expiryMs + setup.protocol.garbageMs,
    });
    expect(live.sim.snapshot().routes.map((r) => r.node)).toEqual([1, 2]);
  });

  test('RIP metrics are hop counts: base 8, lowered to 7', () => {
    const r = given({ ...setup, strategy: 'metric-lowering' })
      .fail(3)
      .at(FAIL_MS)
      .run(30_000);
    expect(r.all('advertise', (e) => e.reason === 'lower').map((e) => e.metric)).toEqual([7, 7]);
  });
});

describe('a node that returns after its route expired', () => {
  test('it comes back through a new session at the base metric', () => {
    const r = given({ nodes: 4, durationMs: 60_000, strategy: 'none' })
      .fail(4)
      .at(FAIL_MS)
      .recover(4)
      .at(40_000)
      .run();
    const sc = r.sim.scenario();
    const removed = r.first('route-removed', FAIL_MS, (e) => e.node === 4);
    expect(removed.tMs).toBeLessThan(40_000);
    const up = r.first('session-up', 40_000, (e) => e.node === 4);
    expect(up.tMs).toBe(40_000 + sc.protocol.sessionSetupMs);
    expect(r.first('update-received', up.tMs, (e) => e.node === 4)).toMatchObject({
      tMs: up.tMs + sc.protocol.propagationMs,
      metric: sc.metric.base,
    });
    r.expectEcmpAt(60_000, [1, 2, 3, 4]);
  });
});

describe('an unhealthy node that then crashes', () => {
  test('the crash is logged, the node is failed, and a recovery brings it back healthy', () => {
    const r = given({ nodes: 4, durationMs: 60_000, cluster: { unhealthyAction: 'withdraw' } })
      .fail(2, 'unhealthy')
      .at(FAIL_MS)
      .fail(2, 'crash')
      .at(FAIL_MS + 5_000)
      .recover(2)
      .at(40_000)
      .run();
    const fails = r.all('node-fail', (e) => e.node === 2);
    expect(fails.map((e) => [e.tMs, e.kind])).toEqual([
      [FAIL_MS, 'unhealthy'],
      [FAIL_MS + 5_000, 'crash'],
    ]);
    // Its route was already withdrawn: the crash changes nothing at the router.
    expect(r.fibBetween(FAIL_MS + 5_000, 40_000).every((c) => !c.ecmp.includes(2))).toBe(true);
    r.expectEcmpAt(60_000, [1, 2, 3, 4]);
    expect(r.sim.snapshot().nodes[1]).toMatchObject({ state: 'active', failure: null, health: 1 });
  });

  test('a failed node cannot fail again in another way', () => {
    const r = given({ nodes: 4, durationMs: 30_000 })
      .fail(3, 'crash')
      .at(FAIL_MS)
      .fail(3, 'unhealthy')
      .at(FAIL_MS + 1_000)
      .run();
    expect(r.all('node-fail', (e) => e.node === 3)).toHaveLength(1);
    expect(r.sim.snapshot().nodes[2]).toMatchObject({ state: 'failed', failure: 'crash' });
  });
});
