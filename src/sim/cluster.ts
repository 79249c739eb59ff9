/**
 * The cluster: heartbeats over the backplane, each node's view of the active
 * set, and the patent's rule (US 8,972,602, figs. 7A–7C): when a node finds the
 * active set has lost a member, it re-advertises the VIP with its metric lowered
 * by a step (relative to what it advertises now, never below the floor) and
 * (re)starts a wait; when the wait ends it restores the base metric.
 *
 * Each node checks membership on its own heartbeat-phase ticks, so the nodes
 * notice a loss at slightly different moments, as real clusters do.
 */
import {
  type Ctx,
  delivering,
  nodeOf,
  participating,
  tickAtOrAfter,
  tickBefore,
  transmitting,
} from './context';
import { PROTOCOLS } from './protocols';
import { Draw, uniform } from './rng';
import type { NodeRt } from './state';
import type { AdvertiseReason, FailureKind } from './types';

// Phases and jitter are whole milliseconds, so that logged times stay readable.
const heartbeatPhase = (ctx: Ctx, node: number) =>
  Math.floor(uniform(ctx.sc.seed, Draw.heartbeatPhase, node) * ctx.sc.cluster.heartbeatMs);
const checkPhase = (ctx: Ctx, node: number) =>
  Math.floor(uniform(ctx.sc.seed, Draw.checkPhase, node) * ctx.sc.cluster.heartbeatMs);

type Change = 'lost' | 'joined' | 'left';

function scheduleMembership(
  ctx: Ctx,
  observer: number,
  atMs: number,
  change: Change,
  about: NodeRt,
) {
  const key = `${observer}@${atMs}`;
  let pending = ctx.st.pending.get(key);
  if (!pending) {
    pending = { lost: [], joined: [], left: [] };
    ctx.st.pending.set(key, pending);
    ctx.schedule({ kind: 'membership', tMs: atMs, observer, key });
  }
  pending[change].push({ node: about.id, incarnation: about.incarnation });
}

/**
 * Tell every other live node, on its own schedule, that `subject` left or joined.
 * A silent node (crash) is found by missed heartbeats; a node that is alive but
 * cut off or unhealthy says so in its next heartbeat.
 */
function announce(ctx: Ctx, subject: NodeRt, change: Change, silent: boolean): void {
  const { heartbeatMs: h, deadAfter, backplaneMs, detectionJitterMs } = ctx.sc.cluster;
  const { nowMs } = ctx.st;
  const phase = heartbeatPhase(ctx, subject.id);
  const news = silent
    ? tickBefore(phase, h, nowMs + 1e-9) + backplaneMs + deadAfter * h
    : tickAtOrAfter(phase, h, nowMs) + backplaneMs;
  for (const observer of ctx.st.nodes) {
    if (observer === subject || !observer.alive) continue;
    const jitter = Math.floor(
      uniform(ctx.sc.seed, Draw.detectionJitter, observer.id, subject.id, subject.incarnation) *
        detectionJitterMs,
    );
    const atMs = Math.max(nowMs, tickAtOrAfter(checkPhase(ctx, observer.id), h, news) + jitter);
    scheduleMembership(ctx, observer.id, atMs, change, subject);
  }
}

export function membership(ctx: Ctx, observer: number, key: string): void {
  const pending = ctx.st.pending.get(key);
  ctx.st.pending.delete(key);
  const n = nodeOf(ctx, observer);
  if (!pending || !n.alive) return;
  const current = (e: { node: number; incarnation: number }) =>
    nodeOf(ctx, e.node).incarnation === e.incarnation;
  const lost = pending.lost.filter((e) => current(e) && n.view.includes(e.node)).map((e) => e.node);
  const joined = pending.joined
    .filter((e) => current(e) && !n.view.includes(e.node))
    .map((e) => e.node);
  if (joined.length) {
    n.view = [...n.view, ...joined].sort((a, b) => a - b);
    ctx.log({ type: 'member-join', node: observer, joined, activeSet: n.view });
  }
  const left = pending.left.filter((e) => current(e) && n.view.includes(e.node)).map((e) => e.node);
  if (left.length) {
    n.view = n.view.filter((x) => !left.includes(x));
    ctx.log({ type: 'member-leave', node: observer, left, activeSet: n.view });
  }
  if (lost.length) {
    n.view = n.view.filter((x) => !lost.includes(x));
    ctx.log({ type: 'detect', node: observer, lost, activeSet: n.view });
    lowerMetric(ctx, n);
  }
}

export function advertise(ctx: Ctx, n: NodeRt, metric: number, reason: AdvertiseReason): void {
  n.advertised = metric;
  ctx.log({ type: 'advertise', node: n.id, metric, reason });
  if (transmitting(n) && n.sessionUp) {
    ctx.schedule({
      kind: 'update-recv',
      tMs: ctx.st.nowMs + ctx.sc.protocol.propagationMs,
      node: n.id,
      metric,
      epoch: n.sessionEpoch,
    });
  }
}

function startRestoreTimer(ctx: Ctx, n: NodeRt, firesAtMs: number): void {
  n.timerEpoch++;
  n.restoreAtMs = firesAtMs;
  ctx.log({ type: 'timer-start', node: n.id, firesAtMs });
  ctx.schedule({ kind: 'restore', tMs: firesAtMs, node: n.id, timerEpoch: n.timerEpoch });
}

function cancelRestoreTimer(n: NodeRt): void {
  n.timerEpoch++;
  n.restoreAtMs = null;
}

/** The patent's step: lower relative to the current metric, and restart the wait. */
function lowerMetric(ctx: Ctx, n: NodeRt): void {
  if (ctx.sc.strategy !== 'metric-lowering' || !participating(n) || n.draining) return;
  const { step, floor, restoreWaitMs } = ctx.sc.metric;
  const lowered = Math.max(floor, n.advertised! - step);
  if (lowered !== n.advertised) advertise(ctx, n, lowered, 'lower');
  startRestoreTimer(ctx, n, ctx.st.nowMs + restoreWaitMs);
}

export function restoreMetric(ctx: Ctx, node: number, timerEpoch: number): void {
  const n = nodeOf(ctx, node);
  if (n.timerEpoch !== timerEpoch || n.restoreAtMs === null) return;
  n.restoreAtMs = null;
  ctx.log({ type: 'timer-fire', node });
  if (participating(n) && !n.draining && n.advertised !== ctx.sc.metric.base) {
    advertise(ctx, n, ctx.sc.metric.base, 'restore');
  }
}

/**
 * The metric a returning node advertises: the patent's literal base metric, or
 * (an option not from the patent) the cluster's current metric, with the
 * cluster's restore deadline.
 */
function rejoin(ctx: Ctx, n: NodeRt): void {
  const { base, rejoin: policy } = ctx.sc.metric;
  let metric = base;
  let restoreAtMs: number | null = null;
  if (policy === 'cluster' && ctx.sc.strategy === 'metric-lowering') {
    for (const peer of ctx.st.nodes) {
      if (peer === n || !participating(peer) || peer.draining || peer.advertised! >= metric)
        continue;
      metric = peer.advertised!;
      restoreAtMs = peer.restoreAtMs;
    }
  }
  advertise(ctx, n, metric, 'rejoin');
  if (restoreAtMs !== null && metric !== base) startRestoreTimer(ctx, n, restoreAtMs);
}

export function failNode(ctx: Ctx, n: NodeRt, kind: FailureKind): boolean {
  // A failed node cannot fail again, except that an unhealthy one can still crash.
  if (n.failure !== null && !(n.failure === 'unhealthy' && kind === 'crash')) return false;
  ctx.dataPlaneChanging();
  // A crash loses the node's connection state: the flows it held are reset.
  if (kind === 'crash') ctx.st.traffic.stateLost.push(n.id);
  const wasTransmitting = transmitting(n) && n.sessionUp;
  n.draining = false;
  n.failure = kind;
  n.incarnation++;
  cancelRestoreTimer(n);
  ctx.log({ type: 'node-fail', node: n.id, kind });
  if (kind === 'unhealthy') {
    n.healthy = false;
    // Health falls well below the threshold (what makes the node unhealthy).
    n.health = ctx.sc.cluster.healthThreshold * 0.4;
    if (n.sessionUp && n.advertised !== null) {
      ctx.log({ type: 'withdraw-sent', node: n.id });
      ctx.schedule({
        kind: 'withdraw-recv',
        tMs: ctx.st.nowMs + ctx.sc.protocol.propagationMs,
        node: n.id,
        epoch: n.sessionEpoch,
      });
    }
  } else if (kind === 'crash') {
    n.alive = false;
  } else {
    n.linkUp = false;
  }
  n.advertised = null;
  if (kind !== 'unhealthy') {
    n.sessionUp = false;
    n.silentSinceMs = ctx.st.nowMs;
  }
  n.view = kind === 'crash' ? [] : n.view.filter((x) => x !== n.id);
  announce(ctx, n, 'lost', kind === 'crash');
  return wasTransmitting && kind !== 'unhealthy';
}

export function recoverNode(ctx: Ctx, n: NodeRt): boolean {
  const kind = n.failure;
  if (kind === null && n.draining) {
    // Back into service before the drain ended: advertise as a returning node does.
    n.draining = false;
    n.incarnation++;
    ctx.log({ type: 'node-recover', node: n.id });
    rejoin(ctx, n);
    return true;
  }
  if (kind === null) return false;
  ctx.dataPlaneChanging();
  n.failure = null;
  n.incarnation++;
  ctx.log({ type: 'node-recover', node: n.id });
  const { heartbeatMs: h, backplaneMs } = ctx.sc.cluster;
  if (kind === 'crash' || kind === 'drain') {
    n.alive = true;
    n.health = 1;
    n.healthy = true;
    ctx.schedule({
      kind: 'learn-view',
      tMs: tickAtOrAfter(checkPhase(ctx, n.id), h, ctx.st.nowMs + h + backplaneMs),
      node: n.id,
      incarnation: n.incarnation,
    });
  } else {
    if (kind === 'unhealthy') {
      n.healthy = true;
      n.health = 1;
    } else {
      n.linkUp = true;
    }
    n.view = [...n.view, n.id].sort((a, b) => a - b);
  }
  announce(ctx, n, 'joined', false);
  if (kind === 'unhealthy' && n.sessionUp) {
    rejoin(ctx, n);
  } else {
    ctx.schedule({
      kind: 'session-up',
      tMs: ctx.st.nowMs + ctx.sc.protocol.sessionSetupMs,
      node: n.id,
      incarnation: n.incarnation,
    });
  }
  return true;
}

export function learnView(ctx: Ctx, node: number, incarnation: number): void {
  const n = nodeOf(ctx, node);
  if (n.incarnation !== incarnation || !n.alive) return;
  n.view = ctx.st.nodes.filter(delivering).map((x) => x.id);
  ctx.log({ type: 'member-join', node, joined: n.view, activeSet: n.view });
}

export function sessionUp(ctx: Ctx, node: number, incarnation: number): void {
  const n = nodeOf(ctx, node);
  if (n.incarnation !== incarnation || !transmitting(n)) return;
  n.sessionEpoch++;
  n.sessionUp = true;
  n.sessionStartMs = ctx.st.nowMs;
  n.silentSinceMs = null;
  ctx.log({ type: 'session-up', node });
  if (n.healthy) rejoin(ctx, n);
}

/**
 * Planned maintenance: advertise the protocol's worst metric (OSPF's
 * max-metric, BGP graceful shutdown's spirit), so the router moves traffic to
 * the peers while nothing is lost, and check on each heartbeat tick whether the
 * router still sends anything here; when it does not, stop.
 */
export function drainNode(ctx: Ctx, n: NodeRt): boolean {
  if (n.failure !== null || n.draining || !participating(n)) return false;
  n.draining = true;
  n.incarnation++;
  cancelRestoreTimer(n);
  const worst = PROTOCOLS[ctx.sc.protocol.preset].maxMetric;
  ctx.log({ type: 'drain-start', node: n.id, metric: worst });
  advertise(ctx, n, worst, 'drain');
  scheduleDrainCheck(ctx, n);
  return true;
}

function scheduleDrainCheck(ctx: Ctx, n: NodeRt): void {
  const h = ctx.sc.cluster.heartbeatMs;
  ctx.schedule({
    kind: 'drain-check',
    tMs: tickAtOrAfter(checkPhase(ctx, n.id), h, ctx.st.nowMs + h),
    node: n.id,
    incarnation: n.incarnation,
  });
}

export function drainCheck(ctx: Ctx, node: number, incarnation: number): void {
  const n = nodeOf(ctx, node);
  if (n.incarnation !== incarnation || !n.draining) return;
  if (ctx.st.fib.includes(n.id)) {
    scheduleDrainCheck(ctx, n);
    return;
  }
  // It carries nothing: stop. Its connection state goes with it.
  ctx.dataPlaneChanging();
  ctx.st.traffic.stateLost.push(n.id);
  n.draining = false;
  n.failure = 'drain';
  n.incarnation++;
  ctx.log({ type: 'drain-done', node: n.id });
  if (n.sessionUp) {
    ctx.log({ type: 'withdraw-sent', node: n.id });
    ctx.schedule({
      kind: 'withdraw-recv',
      tMs: ctx.st.nowMs + ctx.sc.protocol.propagationMs,
      node: n.id,
      epoch: n.sessionEpoch,
    });
  }
  n.alive = false;
  n.sessionUp = false;
  n.advertised = null;
  n.view = [];
  announce(ctx, n, 'left', false);
}
