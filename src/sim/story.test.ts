/**
 * The patent's story (DESIGN §1): the basic failure, staggered detection and a
 * cascade. Expected times are derived from the scenario's timers, never copied
 * from a run: detection from heartbeats, FIB changes from propagation +
 * coalescing + FIB install, restores from the wait, expiry from the last message heard.
 */
import { describe, expect, test } from 'vitest';
import { given } from './testing/harness';
import {
  BACKPLANE,
  BASE,
  COALESCE,
  DEAD_AFTER,
  EXPIRY,
  expectCrashDetectionWindow,
  FAIL_MS,
  FIB,
  fibDropOf,
  H,
  PROP,
  ROUTER_MS,
  SETUP,
  lab,
} from './testing/lab';

describe('the basic story: fail 1 of 4 (figs. 7A–7C)', () => {
  const RECOVER_MS = 45_000;
  const r = given({ nodes: 4, durationMs: 60_000 })
    .fail(4, 'crash')
    .at(FAIL_MS)
    .recover(4)
    .at(RECOVER_MS)
    .run();

  test('every survivor, and only the survivors, detect the loss through missed heartbeats', () => {
    const detects = r.all('detect', (e) => e.lost.includes(4));
    expect(detects.map((d) => d.node).sort()).toEqual([1, 2, 3]);
    for (const d of detects) {
      expectCrashDetectionWindow(d.tMs, FAIL_MS);
      expect(d.activeSet).toEqual([1, 2, 3]);
    }
  });

  test('each survivor lowers its metric by one step at the moment it detects', () => {
    for (const d of r.all('detect', (e) => e.lost.includes(4))) {
      const adv = r.first('advertise', d.tMs, (e) => e.node === d.node);
      expect(adv).toMatchObject({ tMs: d.tMs, metric: BASE - 1, reason: 'lower' });
    }
  });

  test('the FIB drops the dead node detection + propagation + coalescing + install after the failure', () => {
    const firstLowered = r.first('update-received', FAIL_MS, (e) => e.metric === BASE - 1);
    const firstAdvertise = r.first('advertise', FAIL_MS, (e) => e.reason === 'lower');
    expect(firstLowered.tMs).toBe(firstAdvertise.tMs + PROP);
    const [drop] = r.fibBetween(FAIL_MS);
    expect(drop?.tMs).toBe(firstAdvertise.tMs + ROUTER_MS);
    expect(drop?.ecmp).not.toContain(4);
    // Far before the earliest moment the stale route could expire.
    expect(drop!.tMs).toBeLessThan(FAIL_MS + EXPIRY - lab.protocol.updateMs);
    // Once every lowered update is in, the ECMP set is exactly the survivors.
    const lastLowered = r.all('update-received', (e) => e.metric === BASE - 1).at(-1)!;
    r.expectEcmpAt(lastLowered.tMs + COALESCE + FIB, [1, 2, 3]);
  });

  test('packets are lost only between the failure and the FIB change', () => {
    const dropMs = fibDropOf(r, 4, FAIL_MS);
    expect(r.sim.figures().blackholeMs).toBe(dropMs - FAIL_MS);
    const lossy = r.sim.epochs().filter((e) => e.lostByNode.some((x) => x > 0));
    expect(lossy.length).toBeGreaterThan(0);
    for (const e of lossy) {
      expect(e.startMs).toBeGreaterThanOrEqual(FAIL_MS);
      expect(e.endMs).toBeLessThanOrEqual(dropMs);
    }
  });

  test('each survivor waits restoreWaitMs, then restores the base metric; the stale route expired first', () => {
    for (const d of r.all('detect', (e) => e.lost.includes(4))) {
      const start = r.first('timer-start', d.tMs, (e) => e.node === d.node);
      expect(start.firesAtMs).toBe(d.tMs + lab.metric.restoreWaitMs);
      expect(r.first('timer-fire', d.tMs, (e) => e.node === d.node).tMs).toBe(start.firesAtMs);
      expect(r.first('advertise', start.firesAtMs, (e) => e.node === d.node)).toMatchObject({
        tMs: start.firesAtMs,
        metric: BASE,
        reason: 'restore',
      });
    }
    const expiry = r.first('route-removed', FAIL_MS, (e) => e.node === 4);
    expect(expiry.reason).toBe('expiry');
    const firstRestore = r.first('advertise', FAIL_MS, (e) => e.reason === 'restore');
    expect(expiry.tMs).toBeLessThan(firstRestore.tMs);
    // Restoring does not bring anything back: the FIB stays on the survivors.
    r.expectEcmpAt(RECOVER_MS - 1, [1, 2, 3]);
  });

  test('after recovery the node rejoins: session setup, update, then the FIB holds all four', () => {
    const up = r.first('session-up', RECOVER_MS, (e) => e.node === 4);
    expect(up.tMs).toBe(RECOVER_MS + SETUP);
    const back = r.fibBetween(RECOVER_MS);
    expect(back).toEqual([{ tMs: up.tMs + ROUTER_MS, ecmp: [1, 2, 3, 4] }]);
  });

  test('live commands tell the same story, step by step', () => {
    const live = given({ nodes: 4, durationMs: 60_000 })
      .start()
      .at(FAIL_MS)
      .fail(4)
      .advance(1)
      .expectEcmp([1, 2, 3, 4]);
    const route = live.sim.snapshot().routes.find((x) => x.node === 4)!;
    expect(route).toMatchObject({ stale: true, inFib: true, metric: BASE });
    expect(route.expiresAtMs).toBe(route.lastHeardMs + EXPIRY);
    live.advance((DEAD_AFTER + 1) * H + BACKPLANE + ROUTER_MS + COALESCE).expectEcmp([1, 2, 3]);
    for (const node of [1, 2, 3]) live.expectMetric(node, BASE - 1);
    live.expectMetric(4, null);
    const stale = live.sim.snapshot().routes.find((x) => x.node === 4)!;
    expect(stale).toMatchObject({ stale: true, inFib: false, best: false, metric: BASE });
  });
});

describe('staggered detection (BIRD-like router, coalesceMs 0)', () => {
  const r = given({
    nodes: 4,
    durationMs: 40_000,
    seed: 7,
    router: { coalesceMs: 0 },
    cluster: { detectionJitterMs: 1_000 },
  })
    .fail(4)
    .at(FAIL_MS)
    .run();
  const fibInstallMs = r.sim.scenario().router.fibInstallMs;

  /** A naive router: apply each update at once, install fibInstallMs later. */
  function oracle(): { tMs: number; ecmp: number[] }[] {
    const metric = new Map<number, number>([1, 2, 3, 4].map((n) => [n, BASE]));
    const out: { tMs: number; ecmp: number[] }[] = [];
    let last = '1,2,3,4';
    for (const e of r.events) {
      if (e.tMs <= FAIL_MS) continue;
      if (e.type === 'update-received') metric.set(e.node, e.metric);
      else if (e.type === 'route-removed') metric.delete(e.node);
      else continue;
      const best = Math.min(...metric.values());
      const ecmp = [...metric].filter(([, m]) => m === best).map(([n]) => n);
      ecmp.sort((a, b) => a - b);
      if (ecmp.join() !== last) {
        last = ecmp.join();
        // Several updates in the same millisecond are one decision.
        if (out.at(-1)?.tMs === e.tMs + fibInstallMs) out.pop();
        out.push({ tMs: e.tMs + fibInstallMs, ecmp });
      }
    }
    return out;
  }

  test('each update makes its own FIB change, exactly as a per-update router would', () => {
    expect(r.fibBetween(FAIL_MS)).toEqual(oracle());
  });

  test('on the way down the first node to lower is alone, then the set grows one node at a time', () => {
    const lowered = r.all('update-received', (e) => e.metric === BASE - 1);
    const times = lowered.map((e) => e.tMs);
    expect(new Set(times).size).toBe(3); // premise: the jitter spread the detections apart
    const order = lowered.map((e) => e.node);
    const down = r.fibBetween(FAIL_MS).slice(0, 3);
    expect(down.map((c) => c.ecmp)).toEqual([
      [order[0]],
      order.slice(0, 2).sort(),
      order.slice(0, 3).sort(),
    ]);
    expect(down.map((c) => c.tMs)).toEqual(times.map((t) => t + fibInstallMs));
  });

  test('the lone first node takes all the traffic until the second lowers', () => {
    const lowered = r.all('update-received', (e) => e.metric === BASE - 1);
    const k = lowered[0]!.node;
    const alone = r.sim.epochs().filter((e) => e.ecmp.length === 1 && e.ecmp[0] === k);
    const aloneMs = alone.reduce((sum, e) => sum + e.endMs - e.startMs, 0);
    expect(aloneMs).toBe(lowered[1]!.tMs - lowered[0]!.tMs);
    for (const e of alone) {
      const total = e.packetsByNode.reduce((a, b) => a + b, 0);
      expect(e.packetsByNode[k - 1]).toBe(total);
    }
    expect(alone.some((e) => e.packetsByNode[k - 1]! > 0)).toBe(true);
  });

  test('on the way back the set shrinks to the last node still lowered, then holds everyone', () => {
    const restored = r.all('update-received', (e) => e.metric === BASE && e.tMs > FAIL_MS);
    expect(restored.map((e) => e.node)).toEqual(
      r.all('update-received', (e) => e.metric === BASE - 1).map((e) => e.node),
    );
    const order = restored.map((e) => e.node);
    const up = r.fibBetween(restored[0]!.tMs);
    expect(up.map((c) => c.ecmp)).toEqual([order.slice(1).sort(), order.slice(2), [1, 2, 3]]);
  });
});

describe('cascade: a second failure during the wait', () => {
  const SECOND_MS = FAIL_MS + 4_000;
  const setup = { nodes: 4, durationMs: 50_000 } as const;

  test('survivors lower again relative to their current metric and restart the wait', () => {
    const r = given(setup).fail(4).at(FAIL_MS).fail(3).at(SECOND_MS).run();
    for (const node of [1, 2]) {
      const lowers = r.all('advertise', (e) => e.node === node && e.reason === 'lower');
      expect(lowers.map((e) => e.metric)).toEqual([BASE - 1, BASE - 2]);
      const second = r.first('detect', SECOND_MS, (e) => e.node === node && e.lost.includes(3));
      expectCrashDetectionWindow(second.tMs, SECOND_MS);
      const starts = r.all('timer-start', (e) => e.node === node);
      expect(starts.at(-1)).toEqual({
        type: 'timer-start',
        node,
        tMs: second.tMs,
        firesAtMs: second.tMs + lab.metric.restoreWaitMs,
      });
      // The first wait was replaced: one fire only, at the end of the second.
      expect(r.all('timer-fire', (e) => e.node === node).map((e) => e.tMs)).toEqual([
        second.tMs + lab.metric.restoreWaitMs,
      ]);
    }
    // Node 3's lowered (n−1) route stays in the RIB, but n−2 beats it at once.
    const dropMs = fibDropOf(r, 3, SECOND_MS);
    const lowered2 = r.first('advertise', SECOND_MS, (e) => e.metric === BASE - 2);
    expect(dropMs).toBe(lowered2.tMs + ROUTER_MS);
    r.expectEcmpAt(50_000, [1, 2]);
    expect(r.sim.snapshot().nodes.map((n) => n.metric)).toEqual([BASE, BASE, null, null]);
  });

  test('a larger step lowers by that step each time', () => {
    const r = given({ ...setup, metric: { step: 5 } })
      .fail(4)
      .at(FAIL_MS)
      .fail(3)
      .at(SECOND_MS)
      .run(SECOND_MS + 2_000);
    const lowers = r.all('advertise', (e) => e.node === 1 && e.reason === 'lower');
    expect(lowers.map((e) => e.metric)).toEqual([BASE - 5, BASE - 10]);
  });

  test('the floor stops the lowering, but the wait still restarts', () => {
    const r = given({ ...setup, metric: { floor: BASE - 1 } })
      .fail(4)
      .at(FAIL_MS)
      .fail(3)
      .at(SECOND_MS)
      .run();
    for (const node of [1, 2]) {
      const lowers = r.all('advertise', (e) => e.node === node && e.reason === 'lower');
      expect(lowers.map((e) => e.metric)).toEqual([BASE - 1]);
      const second = r.first('detect', SECOND_MS, (e) => e.node === node);
      expect(r.first('timer-start', SECOND_MS, (e) => e.node === node)).toMatchObject({
        tMs: second.tMs,
        firesAtMs: second.tMs + lab.metric.restoreWaitMs,
      });
    }
    // Node 3's stale route is tied with the survivors at the floor: it stays in the
    // FIB until it expires (the floor trades safety for room to lower).
    const expiry = r.first('route-removed', SECOND_MS, (e) => e.node === 3);
    expect(expiry.reason).toBe('expiry');
    expect(fibDropOf(r, 3, SECOND_MS)).toBe(expiry.tMs + COALESCE + FIB);
  });
});
