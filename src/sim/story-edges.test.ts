/**
 * The story's harder consequences (DESIGN §1): recovery during the wait, a wait
 * shorter than the expiry, every node failing, and a crash with a lowered update
 * still on the wire. Expected times are derived from the scenario's timers.
 */
import { describe, expect, test } from 'vitest';
import { given } from './testing/harness';
import {
  BASE,
  COALESCE,
  EXPIRY,
  FAIL_MS,
  FIB,
  fibDropOf,
  PROP,
  ROUTER_MS,
  SETUP,
} from './testing/lab';

describe('recovery during the wait', () => {
  const RECOVER_MS = FAIL_MS + 2_000;

  test("literal ('base') rejoin: the returning node gets no traffic until its peers restore", () => {
    const r = given({ nodes: 4, durationMs: 40_000 })
      .fail(4)
      .at(FAIL_MS)
      .recover(4)
      .at(RECOVER_MS)
      .run();
    const up = r.first('session-up', RECOVER_MS, (e) => e.node === 4);
    expect(up.tMs).toBe(RECOVER_MS + SETUP);
    expect(r.first('advertise', up.tMs, (e) => e.node === 4)).toMatchObject({
      tMs: up.tMs,
      metric: BASE,
      reason: 'rejoin',
    });
    const restores = r.all('update-received', (e) => e.metric === BASE && e.node !== 4);
    const restoresAfter = restores.filter((e) => e.tMs > FAIL_MS);
    expect(restoresAfter).toHaveLength(3);
    const lastRestore = restoresAfter.at(-1)!;
    const firstRestore = restoresAfter[0]!;
    // Not in the FIB from the drop until the restores reach the router.
    for (const c of r.fibBetween(FAIL_MS, firstRestore.tMs)) expect(c.ecmp).not.toContain(4);
    const rejoinedAt = r.fibBetween(FAIL_MS).find((c) => c.ecmp.includes(4))!;
    expect(rejoinedAt.tMs).toBeGreaterThanOrEqual(firstRestore.tMs + COALESCE + FIB);
    expect(rejoinedAt.tMs).toBeLessThanOrEqual(lastRestore.tMs + COALESCE + FIB);
    r.expectEcmpAt(40_000, [1, 2, 3, 4]);
  });

  test('while it waits, its route is in the RIB, fresh, but not best', () => {
    const live = given({ nodes: 4, durationMs: 40_000 })
      .fail(4)
      .at(FAIL_MS)
      .recover(4)
      .at(RECOVER_MS)
      .start()
      .at(RECOVER_MS + SETUP + ROUTER_MS + 1)
      .expectEcmp([1, 2, 3]);
    const route = live.sim.snapshot().routes.find((x) => x.node === 4)!;
    expect(route).toMatchObject({ metric: BASE, stale: false, best: false, inFib: false });
    expect(live.sim.snapshot().nodes[3]).toMatchObject({ state: 'active', metric: BASE });
  });

  test("'cluster' rejoin (not from the patent): it joins at the cluster's metric at once", () => {
    const r = given({ nodes: 4, durationMs: 40_000, metric: { rejoin: 'cluster' } })
      .fail(4)
      .at(FAIL_MS)
      .recover(4)
      .at(RECOVER_MS)
      .run();
    const up = r.first('session-up', RECOVER_MS, (e) => e.node === 4);
    expect(r.first('advertise', up.tMs, (e) => e.node === 4)).toMatchObject({
      tMs: up.tMs,
      metric: BASE - 1,
      reason: 'rejoin',
    });
    // It restores together with the cluster, at a peer's deadline.
    const peerDeadlines = r
      .all('timer-start', (e) => e.node !== 4 && e.tMs > FAIL_MS)
      .map((e) => e.firesAtMs);
    const own = r.first('timer-start', up.tMs, (e) => e.node === 4);
    expect(peerDeadlines).toContain(own.firesAtMs);
    expect(r.fibBetween(up.tMs)[0]).toEqual({ tMs: up.tMs + ROUTER_MS, ecmp: [1, 2, 3, 4] });
    r.expectEcmpAt(40_000, [1, 2, 3, 4]);
  });
});

describe('restore wait shorter than the expiry (misconfiguration)', () => {
  const WAIT_MS = 2_000;
  const live = given({ nodes: 4, durationMs: 40_000, metric: { restoreWaitMs: WAIT_MS } })
    .fail(4)
    .at(FAIL_MS)
    .start()
    .at(FAIL_MS + 1);
  const lastHeardMs = live.sim.snapshot().routes.find((x) => x.node === 4)!.lastHeardMs;
  live.at(40_000);

  test('the stale route re-enters the FIB at the restore and leaves at its expiry', () => {
    const drop = fibDropOf(live, 4, FAIL_MS);
    const restores = live.all('update-received', (e) => e.metric === BASE && e.tMs > FAIL_MS);
    expect(restores).toHaveLength(3);
    const reentry = live.fibBetween(drop).find((c) => c.ecmp.includes(4))!;
    expect(reentry.tMs).toBeGreaterThanOrEqual(restores[0]!.tMs + COALESCE + FIB);
    expect(reentry.tMs).toBeLessThanOrEqual(restores.at(-1)!.tMs + COALESCE + FIB);
    const expiry = live.first('route-removed', FAIL_MS, (e) => e.node === 4);
    expect(expiry).toMatchObject({ reason: 'expiry', tMs: lastHeardMs + EXPIRY });
    expect(reentry.tMs).toBeLessThan(expiry.tMs);
    expect(fibDropOf(live, 4, reentry.tMs)).toBe(expiry.tMs + COALESCE + FIB);
    live.expectEcmpAt(40_000, [1, 2, 3]);
  });

  test('the black hole reopens for exactly as long as the stale route is back', () => {
    const drop = fibDropOf(live, 4, FAIL_MS);
    const reentry = live.fibBetween(drop).find((c) => c.ecmp.includes(4))!.tMs;
    const final = fibDropOf(live, 4, reentry);
    expect(live.sim.figures().blackholeMs).toBe(drop - FAIL_MS + (final - reentry));
    const reopened = live.sim.epochs().filter((e) => e.startMs >= reentry && e.endMs <= final);
    expect(reopened.reduce((sum, e) => sum + e.lostByNode[3]!, 0)).toBeGreaterThan(0);
  });
});

describe('every node fails', () => {
  const live = given({ nodes: 3, durationMs: 40_000 })
    .fail(1)
    .at(FAIL_MS)
    .fail(2)
    .at(FAIL_MS)
    .fail(3)
    .at(FAIL_MS)
    .start()
    .at(FAIL_MS + 1);
  const heard = live.sim.snapshot().routes.map((x) => x.lastHeardMs);
  const deliveredAtFail = live.sim.figures().packetsDelivered;
  live.at(40_000);

  test('nobody is left to detect or lower; each route expires from its own last message', () => {
    expect(live.all('detect')).toEqual([]);
    expect(live.all('advertise', (e) => e.tMs > 0)).toEqual([]);
    for (const node of [1, 2, 3]) {
      expect(live.first('route-removed', FAIL_MS, (e) => e.node === node)).toMatchObject({
        reason: 'expiry',
        tMs: heard[node - 1]! + EXPIRY,
      });
    }
    const lastExpiry = Math.max(...heard) + EXPIRY;
    live.expectEcmpAt(lastExpiry + COALESCE + FIB, []);
    expect(live.sim.snapshot().routes).toEqual([]);
  });

  test('with an empty FIB every packet is unrouted, and nothing is delivered after the failure', () => {
    const figures = live.sim.figures();
    expect(figures.packetsDelivered).toBe(deliveredAtFail);
    expect(figures.packetsUnrouted).toBeGreaterThan(0);
    const empty = live.sim.epochs().filter((e) => e.ecmp.length === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const e of empty) expect(e.packetsByNode.every((x) => x === 0)).toBe(true);
    const unrouted = live.sim.epochs().reduce((sum, e) => sum + e.unrouted, 0);
    expect(figures.packetsUnrouted).toBe(unrouted);
  });
});

describe('a node that crashes with its lowered update still on the wire', () => {
  // Find when the first survivor lowers, then crash it at that very moment.
  const first = given({ nodes: 4, durationMs: 40_000 })
    .fail(4)
    .at(FAIL_MS)
    .run()
    .first('advertise', FAIL_MS, (e) => e.reason === 'lower');
  const r = given({ nodes: 4, durationMs: 40_000 })
    .fail(4)
    .at(FAIL_MS)
    .fail(first.node)
    .at(first.tMs)
    .run();
  const others = [1, 2, 3].filter((n) => n !== first.node);

  test('the update still arrives, and the route expires expiryMs after it, not never', () => {
    const arrived = r.first('update-received', first.tMs, (e) => e.node === first.node);
    expect(arrived).toMatchObject({ tMs: first.tMs + PROP, metric: BASE - 1 });
    expect(r.first('route-removed', first.tMs, (e) => e.node === first.node)).toMatchObject({
      reason: 'expiry',
      tMs: arrived.tMs + EXPIRY,
    });
    r.expectEcmpAt(40_000, others);
    expect(r.sim.snapshot().routes.map((x) => x.node)).toEqual(others);
  });
});
