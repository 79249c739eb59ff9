/**
 * DESIGN §5: what real routers did in the lab, reproduced with matching
 * settings, and the failure kinds of DESIGN §2 that differ in what the router
 * sees. Expected times come from the scenario's timers.
 */
import { describe, expect, test } from 'vitest';
import { parseScenario } from './scenario';
import { given, type Live, type Run, type Setup } from './testing/harness';
import type { FailureKind } from './types';

const FAIL_MS = 20_000;

/** BGP as measured: keepalive 3 s, hold 9 s. */
const bgpLab = (strategy: Setup['strategy'], seed: number): Setup => ({
  nodes: 4,
  seed,
  durationMs: 40_000,
  strategy,
  protocol: { preset: 'bgp', updateMs: 3_000, expiryMs: 9_000, sessionSetupMs: 3_000 },
  traffic: { flows: 0 },
});

function timersOf(r: Run) {
  const sc = r.sim.scenario();
  return {
    ...sc.protocol,
    ...sc.router,
    ...sc.cluster,
    base: sc.metric.base,
    routerMs: sc.protocol.propagationMs + sc.router.coalesceMs + sc.router.fibInstallMs,
  };
}

/** Time of the first FIB change after `fromMs` that leaves `node` out. */
function fibDrop(r: Run, node: number, fromMs: number): number {
  const change = r.fibBetween(fromMs).find((c) => !c.ecmp.includes(node));
  if (!change) throw new Error(`node ${node} never left the FIB after ${fromMs} ms`);
  return change.tMs;
}

describe('expiry counts from the last message, not from the death', () => {
  // Failure times spread over many keepalive cycles and seeds (so, phases).
  const cases = Array.from({ length: 120 }, (_, i) => ({
    seed: i + 1,
    failMs: 10_000 + ((i * 7_919) % 9_000),
  }));
  const results = cases.map(({ seed, failMs }) => {
    const live = given(bgpLab('none', seed)).start().at(failMs).fail(4).advance(1);
    const lastHeardMs = live.sim.snapshot().routes.find((x) => x.node === 4)!.lastHeardMs;
    live.at(40_000);
    return { failMs, lastHeardMs, live };
  });

  test.each(results.slice(0, 5))(
    'the route expires expiryMs after the last keepalive heard ($failMs ms)',
    ({ failMs, lastHeardMs, live }) => {
      const t = timersOf(live);
      const removed = live.first('route-removed', failMs, (e) => e.node === 4);
      expect(removed).toMatchObject({ reason: 'expiry', tMs: lastHeardMs + t.expiryMs });
      expect(live.fibBetween(failMs)).toEqual([
        { tMs: removed.tMs + t.coalesceMs + t.fibInstallMs, ecmp: [1, 2, 3] },
      ]);
    },
  );

  test('death to removal lies in (expiry − keepalive, expiry] + propagation, spread over the range', () => {
    const t = timersOf(results[0]!.live);
    const spans = results.map(({ failMs, live }) => {
      const removed = live.first('route-removed', failMs, (e) => e.node === 4);
      expect(removed.tMs - failMs).toBeGreaterThanOrEqual(
        t.expiryMs - t.updateMs + t.propagationMs,
      );
      expect(removed.tMs - failMs).toBeLessThanOrEqual(t.expiryMs + t.propagationMs);
      // And the FIB follows coalescing + install later (about 75 ms, as FRR did).
      expect(fibDrop(live, 4, failMs)).toBe(removed.tMs + t.coalesceMs + t.fibInstallMs);
      return removed.tMs - failMs;
    });
    // Where in its keepalive cycle the node died decides the delay: both ends occur.
    expect(Math.min(...spans)).toBeLessThan(t.expiryMs - t.updateMs + t.updateMs / 6);
    expect(Math.max(...spans)).toBeGreaterThan(t.expiryMs - t.updateMs / 6);
  });
});

describe('the failure kinds differ in what the router sees', () => {
  const kindRun = (kind: FailureKind, strategy: Setup['strategy'] = 'metric-lowering') =>
    given({ nodes: 4, durationMs: 40_000, strategy })
      .fail(4, kind)
      .at(FAIL_MS)
      .start()
      .at(FAIL_MS + 1);

  test('BFD removes a silent node about multiplier × interval after its last BFD packet', () => {
    const live = kindRun('crash', 'bfd').at(40_000);
    const { intervalMs, multiplier } = live.sim.scenario().bfd;
    const t = timersOf(live);
    const removed = live.first('route-removed', FAIL_MS, (e) => e.node === 4);
    expect(removed.reason).toBe('bfd');
    // The last BFD packet left in [fail − interval, fail).
    expect(removed.tMs).toBeGreaterThan(FAIL_MS + (multiplier - 1) * intervalMs + t.propagationMs);
    expect(removed.tMs).toBeLessThanOrEqual(FAIL_MS + multiplier * intervalMs + t.propagationMs);
    expect(fibDrop(live, 4, FAIL_MS)).toBe(removed.tMs + t.coalesceMs + t.fibInstallMs);
    // BFD is the router's detection: nobody changes a metric.
    expect(live.all('advertise', (e) => e.reason === 'lower')).toEqual([]);
  });

  test('loss of carrier removes the route within carrierDetectMs: no black hole to speak of', () => {
    // Strategy none: the router's own detection alone (the peers' lowering would add
    // its own, phase-dependent FIB transients on top).
    const live = kindRun('carrier', 'none').at(40_000);
    const t = timersOf(live);
    const removed = live.first('route-removed', FAIL_MS, (e) => e.node === 4);
    expect(removed).toMatchObject({ reason: 'carrier', tMs: FAIL_MS + t.carrierDetectMs });
    expect(live.fibBetween(FAIL_MS)).toEqual([
      { tMs: FAIL_MS + t.carrierDetectMs + t.coalesceMs + t.fibInstallMs, ecmp: [1, 2, 3] },
    ]);
    expect(live.sim.figures().blackholeMs).toBe(t.carrierDetectMs + t.coalesceMs + t.fibInstallMs);
  });

  const unhealthyRun = (strategy: Setup['strategy'], extra: Setup['cluster'] = {}) =>
    given({ nodes: 4, durationMs: 40_000, strategy, cluster: extra })
      .fail(4, 'unhealthy')
      .at(FAIL_MS)
      .start()
      .at(FAIL_MS + 1);

  /** The health check marks the node down at its fall-th check at or after the fault. */
  function expectVerdictInTime(live: Live) {
    const t = timersOf(live);
    const down = live.first('health-down', FAIL_MS, (e) => e.node === 4);
    expect(down.checks).toBe(t.healthFall);
    expect(down.tMs).toBeGreaterThanOrEqual(FAIL_MS + (t.healthFall - 1) * t.healthCheckMs);
    expect(down.tMs).toBeLessThan(FAIL_MS + t.healthFall * t.healthCheckMs);
    return down;
  }

  test('an unhealthy node keeps advertising: expiry and BFD never remove it, only lowering does', () => {
    for (const strategy of ['none', 'bfd'] as const) {
      const live = unhealthyRun(strategy);
      const t = timersOf(live);
      // It cannot serve from the moment its health falls, but the router cannot tell.
      expect(live.sim.snapshot().nodes[3]).toMatchObject({ state: 'unhealthy', metric: t.base });
      live.at(40_000);
      expectVerdictInTime(live);
      expect(live.all('route-removed', (e) => e.node === 4)).toEqual([]);
      expect(live.sim.snapshot().fib).toContain(4);
      // Every packet hashed to it after the fault is lost, until the end of the run.
      const after = live.sim.epochs().filter((e) => e.startMs >= FAIL_MS);
      const sent = after.reduce((sum, e) => sum + e.packetsByNode[3]!, 0);
      expect(sent).toBeGreaterThan(0);
      expect(after.reduce((sum, e) => sum + e.lostByNode[3]!, 0)).toBe(sent);
    }
    const live = unhealthyRun('metric-lowering').at(40_000);
    const t = timersOf(live);
    const down = expectVerdictInTime(live);
    // Its peers hear it in its next heartbeat and lower; the router then drops it.
    for (const d of live.all('detect', (e) => e.lost.includes(4))) {
      expect(d.tMs).toBeGreaterThanOrEqual(down.tMs + t.backplaneMs);
      expect(d.tMs).toBeLessThan(down.tMs + 2 * t.heartbeatMs + t.backplaneMs);
    }
    const firstLower = live.first('advertise', down.tMs, (e) => e.reason === 'lower');
    expect(fibDrop(live, 4, FAIL_MS)).toBe(firstLower.tMs + t.routerMs);
    expect(live.all('route-removed', (e) => e.node === 4)).toEqual([]);
  });

  test('with unhealthyAction withdraw, the node withdraws its route itself at the verdict', () => {
    const live = unhealthyRun('none', { unhealthyAction: 'withdraw' }).at(40_000);
    const t = timersOf(live);
    const down = expectVerdictInTime(live);
    expect(live.first('withdraw-sent', FAIL_MS, (e) => e.node === 4).tMs).toBe(down.tMs);
    expect(live.first('route-removed', FAIL_MS, (e) => e.node === 4)).toMatchObject({
      reason: 'withdraw',
      tMs: down.tMs + t.propagationMs,
    });
    expect(fibDrop(live, 4, FAIL_MS)).toBe(down.tMs + t.routerMs);
  });

  test('health is back only after rise passing checks; a short dip below fall changes nothing', () => {
    const dip = given({ nodes: 4, durationMs: 40_000, cluster: { healthFall: 3 } })
      .fail(4, 'unhealthy')
      .at(FAIL_MS)
      .recover(4)
      .at(FAIL_MS + 1_500)
      .run();
    // Fewer than `fall` failed checks: the cluster never marks it down.
    expect(dip.all('health-down')).toEqual([]);
    expect(dip.all('detect')).toEqual([]);
    const back = given({ nodes: 4, durationMs: 40_000 })
      .fail(4, 'unhealthy')
      .at(FAIL_MS)
      .recover(4)
      .at(30_000)
      .run();
    const t = timersOf(back);
    const up = back.first('health-up', 30_000, (e) => e.node === 4);
    expect(up.checks).toBe(t.healthRise);
    expect(up.tMs).toBeGreaterThanOrEqual(30_000 + (t.healthRise - 1) * t.healthCheckMs);
    expect(up.tMs).toBeLessThan(30_000 + t.healthRise * t.healthCheckMs);
    // Its peers see it join only then.
    const joins = back.all('member-join', (e) => e.joined.includes(4));
    for (const j of joins) expect(j.tMs).toBeGreaterThanOrEqual(up.tMs);
  });

  test('a cut link is silent to the router, but the node tells its peers at once', () => {
    const live = kindRun('link');
    const t = timersOf(live);
    const lastHeardMs = live.sim.snapshot().routes.find((x) => x.node === 4)!.lastHeardMs;
    live.at(40_000);
    expect(live.first('route-removed', FAIL_MS, (e) => e.node === 4)).toMatchObject({
      reason: 'expiry',
      tMs: lastHeardMs + t.expiryMs,
    });
    const detects = live.all('detect', (e) => e.lost.includes(4));
    expect(detects.map((d) => d.node).sort()).toEqual([1, 2, 3]);
    for (const d of detects)
      expect(d.tMs).toBeLessThan(FAIL_MS + 2 * t.heartbeatMs + t.backplaneMs);
    // The node itself is alive and keeps its view, but cannot lower: it has no session.
    expect(live.all('advertise', (e) => e.node === 4 && e.tMs > 0)).toEqual([]);
    const firstLower = live.first('advertise', FAIL_MS, (e) => e.reason === 'lower');
    expect(fibDrop(live, 4, FAIL_MS)).toBe(firstLower.tMs + t.routerMs);
  });
});

describe('metric lowering against the baseline, same fault schedule', () => {
  test.each([1, 2, 3, 4, 5, 6])(
    'seed %i: the dead node leaves the FIB about 100× sooner after the lowered updates',
    (seed) => {
      const none = given(bgpLab('none', seed)).fail(4).at(FAIL_MS).run();
      const lowering = given(bgpLab('metric-lowering', seed)).fail(4).at(FAIL_MS).run();
      const t = timersOf(none);
      const baselineMs = fibDrop(none, 4, FAIL_MS) - FAIL_MS;
      const sent = lowering.first('advertise', FAIL_MS, (e) => e.reason === 'lower');
      const afterUpdatesMs = fibDrop(lowering, 4, FAIL_MS) - sent.tMs;
      // Within the 75–105 ms FRR showed: propagation + coalescing + install.
      expect(afterUpdatesMs).toBe(t.routerMs);
      const after = t.coalesceMs + t.fibInstallMs;
      expect(baselineMs).toBeGreaterThanOrEqual(t.expiryMs - t.updateMs + t.propagationMs + after);
      expect(baselineMs).toBeLessThanOrEqual(t.expiryMs + t.propagationMs + after);
      const ratio = baselineMs / afterUpdatesMs;
      expect(ratio).toBeGreaterThan(70);
      expect(ratio).toBeLessThan(120);
    },
  );

  test.each([1, 2, 3, 4, 5, 6])(
    'seed %i, with traffic, end to end from the death: packets lost follow the time in the FIB',
    (seed) => {
      const withFlows = (s: Setup): Setup => ({
        ...s,
        traffic: { flows: 800, packetsPerSecond: 20, longLivedShare: 1 },
      });
      const none = given(withFlows(bgpLab('none', seed)))
        .fail(4)
        .at(FAIL_MS)
        .run();
      const lowering = given(withFlows(bgpLab('metric-lowering', seed)))
        .fail(4)
        .at(FAIL_MS)
        .run();
      const t = timersOf(none);
      // Death to removal, detection included.
      const baselineMs = fibDrop(none, 4, FAIL_MS) - FAIL_MS;
      const loweringMs = fibDrop(lowering, 4, FAIL_MS) - FAIL_MS;
      expect(loweringMs).toBeLessThanOrEqual(
        (t.deadAfter + 1) * t.heartbeatMs + t.backplaneMs + t.detectionJitterMs + t.routerMs,
      );
      const lost = (r: Run) => r.sim.figures().packetsLost;
      expect(lost(lowering)).toBeGreaterThan(0);
      // Node 4's long-lived flows send at a constant rate, so what is lost grows
      // with the time its route stays installed, and nothing else.
      const lossRatio = lost(none) / lost(lowering);
      const timeRatio = baselineMs / loweringMs;
      expect(lossRatio).toBeGreaterThan(timeRatio * 0.9);
      expect(lossRatio).toBeLessThan(timeRatio * 1.1);
      expect(lost(none)).toBe(none.sim.figures().perNode[3]!.lost);
      expect(lowering.sim.figures().packetsSent).toBe(none.sim.figures().packetsSent);
    },
  );

  test('with traffic, the black hole shrinks from seconds to under a second', () => {
    const withFlows = (s: Setup): Setup => ({ ...s, traffic: { flows: 500 } });
    const none = given(withFlows(bgpLab('none', 3)))
      .fail(4)
      .at(FAIL_MS)
      .run();
    const lowering = given(withFlows(bgpLab('metric-lowering', 3)))
      .fail(4)
      .at(FAIL_MS)
      .run();
    const bfd = given(withFlows(bgpLab('bfd', 3)))
      .fail(4)
      .at(FAIL_MS)
      .run();
    const t = timersOf(none);
    expect(none.sim.figures().blackholeMs).toBeGreaterThan(t.expiryMs - t.updateMs);
    expect(lowering.sim.figures().blackholeMs).toBeLessThan(1_000);
    expect(bfd.sim.figures().blackholeMs).toBeLessThan(1_000);
    expect(lowering.sim.figures().packetsLost).toBeLessThan(none.sim.figures().packetsLost / 5);
    // All three strategies see the same traffic.
    expect(lowering.sim.figures().packetsSent).toBe(none.sim.figures().packetsSent);
    expect(bfd.sim.figures().packetsSent).toBe(none.sim.figures().packetsSent);
  });
});

describe('batching decides the transients', () => {
  // A fast heartbeat puts every detection inside one coalescing window.
  const setup = (coalesceMs: number): Setup => ({
    nodes: 4,
    durationMs: 40_000,
    router: { coalesceMs },
    cluster: { heartbeatMs: 20 },
    traffic: { flows: 0 },
  });

  test('FRR-like (coalesceMs 50): near-simultaneous updates make one FIB change', () => {
    const r = given(setup(50)).fail(4).at(FAIL_MS).run();
    const t = timersOf(r);
    const lowered = r.all('update-received', (e) => e.metric === t.base - 1);
    expect(lowered).toHaveLength(3);
    expect(lowered.at(-1)!.tMs - lowered[0]!.tMs).toBeLessThan(t.coalesceMs); // premise
    const firstRestore = r.first('advertise', FAIL_MS, (e) => e.reason === 'restore');
    expect(r.fibBetween(FAIL_MS, firstRestore.tMs)).toEqual([
      { tMs: lowered[0]!.tMs + t.coalesceMs + t.fibInstallMs, ecmp: [1, 2, 3] },
    ]);
  });

  test('BIRD-like (coalesceMs 0): the same updates each make their own change', () => {
    const r = given(setup(0)).fail(4).at(FAIL_MS).run();
    const t = timersOf(r);
    const lowered = r.all('update-received', (e) => e.metric === t.base - 1);
    const distinct = [...new Set(lowered.map((e) => e.tMs))];
    expect(distinct.length).toBeGreaterThan(1); // premise
    const firstRestore = r.first('advertise', FAIL_MS, (e) => e.reason === 'restore');
    const changes = r.fibBetween(FAIL_MS, firstRestore.tMs);
    expect(changes.map((c) => c.tMs)).toEqual(distinct.map((u) => u + t.fibInstallMs));
    expect(changes.at(-1)!.ecmp).toEqual([1, 2, 3]);
    expect(changes[0]!.ecmp.length).toBeLessThan(3);
  });

  test('updates some time apart give that long of one node taking all the traffic', () => {
    // Two survivors whose lowered updates are spaced by detection jitter; the gap
    // is read from the log rather than assumed.
    const r = given({
      nodes: 3,
      durationMs: 40_000,
      seed: 11,
      router: { coalesceMs: 0 },
      cluster: { detectionJitterMs: 1_000 },
    })
      .fail(3)
      .at(FAIL_MS)
      .run();
    const t = timersOf(r);
    const [a, b] = r.all('update-received', (e) => e.metric === t.base - 1);
    const gapMs = b!.tMs - a!.tMs;
    expect(gapMs).toBeGreaterThan(0); // premise
    r.expectEcmpAt(a!.tMs + t.fibInstallMs, [a!.node]);
    r.expectEcmpAt(b!.tMs + t.fibInstallMs - 1, [a!.node]);
    r.expectEcmpAt(b!.tMs + t.fibInstallMs, [1, 2]);
    const firstRestore = r.first('advertise', FAIL_MS, (e) => e.reason === 'restore');
    const alone = r.sim.epochs().filter((e) => e.ecmp.length === 1 && e.endMs <= firstRestore.tMs);
    expect(alone.reduce((s, e) => s + e.endMs - e.startMs, 0)).toBe(gapMs);
    for (const e of alone)
      expect(e.packetsByNode[a!.node - 1]).toBe(e.packetsByNode.reduce((x, y) => x + y));
  });
});

describe('resilient hashing in the simulation', () => {
  const IDLE_MS = 10_000;
  const RECOVER_MS = 30_000;
  // Only the router's own changes (carrier loss, return): the peers' lowering
  // would add transient sets of their own.
  const returning = (extra: Omit<Setup, 'nodes'>) =>
    given({
      nodes: 4,
      durationMs: 90_000,
      hashing: 'resilient',
      strategy: 'none',
      ...extra,
      resilient: { buckets: 256, idleTimerMs: IDLE_MS, ...extra.resilient },
    })
      .fail(4, 'carrier')
      .at(FAIL_MS)
      .recover(4)
      .at(RECOVER_MS)
      .start();
  const installOf = (live: Live) => {
    const t = timersOf(live);
    return RECOVER_MS + t.sessionSetupMs + t.routerMs;
  };

  test('under steady load a returning next hop gets no bucket: every bucket stays busy', () => {
    // Long-lived flows on every bucket: none is ever idle for the idle timer.
    const live = returning({ traffic: { flows: 2_000, longLivedShare: 1 } }).at(RECOVER_MS);
    const before = [...live.sim.snapshot().buckets!];
    expect(before).not.toContain(4);
    const installMs = installOf(live);
    live.at(installMs).expectEcmp([1, 2, 3, 4]);
    const resetAtInstall = live.sim.figures().flowsReset;
    live.at(installMs + 3 * IDLE_MS);
    expect(live.sim.snapshot().buckets).toEqual(before);
    expect(live.all('buckets-rebalanced')).toHaveLength(0);
    const after = live.sim.epochs().filter((e) => e.startMs >= installMs);
    expect(after.reduce((s, e) => s + e.packetsByNode[3]!, 0)).toBe(0);
    expect(live.sim.figures().flowsReset).toBe(resetAtInstall);
  });

  test('the unbalanced timer forces busy buckets to move; those flows are reset', () => {
    const UNBALANCED_MS = 20_000;
    const live = returning({
      traffic: { flows: 2_000, longLivedShare: 1 },
      resilient: { unbalancedTimerMs: UNBALANCED_MS },
    }).at(RECOVER_MS);
    const before = [...live.sim.snapshot().buckets!];
    const installMs = installOf(live);
    live.at(installMs + UNBALANCED_MS - 1);
    expect(live.sim.snapshot().buckets).toEqual(before);
    const resetBefore = live.sim.figures().flowsReset;
    live.at(installMs + UNBALANCED_MS + 1_000);
    const rebalanced = live.first('buckets-rebalanced', installMs);
    expect(rebalanced).toMatchObject({ tMs: installMs + UNBALANCED_MS, moved: 64, forced: true });
    const owners = live.sim.snapshot().buckets!;
    expect(owners.filter((x) => x === 4)).toHaveLength(64);
    owners.forEach((owner, b) => {
      if (owner !== 4) expect(owner).toBe(before[b]);
    });
    // The flows of the moved buckets reach node 4, which holds no state for them.
    expect(live.sim.figures().flowsReset).toBeGreaterThan(resetBefore);
  });

  test('with no traffic every bucket is idle: the returning next hop gets its share at once', () => {
    const live = returning({ traffic: { flows: 0 } }).at(RECOVER_MS);
    const installMs = installOf(live);
    live.at(installMs);
    const rebalanced = live.first('buckets-rebalanced', installMs);
    expect(rebalanced).toMatchObject({ tMs: installMs, moved: 64, forced: false });
  });
});

test('the lab preset is what the model facts say', () => {
  const sc = parseScenario({ version: 1, nodes: 4 });
  expect(sc.protocol).toMatchObject({
    preset: 'lab',
    updateMs: 3_000,
    expiryMs: 9_000,
    sessionSetupMs: 2_000,
    propagationMs: 5,
  });
  expect(sc.router).toMatchObject({ coalesceMs: 50, fibInstallMs: 25 });
  expect(sc.metric).toMatchObject({ base: 100, step: 1, floor: 0, restoreWaitMs: 9_000 });
  expect(sc.hashing).toBe('hash-threshold');
});
