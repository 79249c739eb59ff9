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
  member,
  nodeOf,
  participating,
  tickAtOrAfter,
  tickBefore,
  transmitting,
} from './context';
import { withNodes, withoutNodes } from './nodeSets';
import { Draw, uniform } from './rng';
import type { NodeRt } from './state';
import type { AdvertiseReason, FailureKind } from './types';

// Phases and jitter are whole milliseconds, so that logged times stay readable.
const heartbeatPhase = (ctx: Ctx, node: number) =>
  Math.floor(uniform(ctx.sc.seed, Draw.heartbeatPhase, node) * ctx.sc.cluster.heartbeatMs);
export const checkPhase = (ctx: Ctx, node: number) =>
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
export function announce(ctx: Ctx, subject: NodeRt, change: Change, silent: boolean): void {
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
    n.view = withNodes(n.view, joined);
    ctx.log({ type: 'member-join', node: observer, joined, activeSet: n.view });
  }
  const left = pending.left.filter((e) => current(e) && n.view.includes(e.node)).map((e) => e.node);
  if (left.length) {
    n.view = withoutNodes(n.view, left);
    ctx.log({ type: 'member-leave', node: observer, left, activeSet: n.view });
  }
  if (lost.length) {
    n.view = withoutNodes(n.view, lost);
    ctx.log({ type: 'detect', node: observer, lost, activeSet: n.view });
    lowerMetric(ctx, n, lost);
  }
}

export function advertise(ctx: Ctx, n: NodeRt, metric: number, reason: AdvertiseReason): void {
  n.advertised = metric;
  ctx.log({ type: 'advertise', node: n.id, metric, reason });
  sendUpdate(ctx, n);
}

/**
 * Send what the node advertises now, unless pacing (BGP's MRAI, OSPF's
 * MinLSInterval, RIP's damping) holds it: then the update goes when the
 * interval is over, carrying whatever the node advertises by then.
 */
function sendUpdate(ctx: Ctx, n: NodeRt): void {
  if (!transmitting(n) || !n.sessionUp || n.advertised === null) return;
  const { nowMs } = ctx.st;
  const earliest = n.lastUpdateSentMs + ctx.sc.protocol.minUpdateIntervalMs;
  if (nowMs < earliest) {
    if (n.updateHeldUntilMs === null) {
      n.updateHeldUntilMs = earliest;
      ctx.log({ type: 'update-held', node: n.id, untilMs: earliest });
      ctx.schedule({ kind: 'send-held', tMs: earliest, node: n.id, epoch: n.sessionEpoch });
    }
    return;
  }
  n.lastUpdateSentMs = nowMs;
  ctx.schedule({
    kind: 'update-recv',
    tMs: nowMs + ctx.sc.protocol.propagationMs,
    node: n.id,
    metric: n.advertised,
    epoch: n.sessionEpoch,
  });
}

export function sendHeld(ctx: Ctx, node: number, epoch: number): void {
  const n = nodeOf(ctx, node);
  if (n.sessionEpoch !== epoch || n.updateHeldUntilMs !== ctx.st.nowMs) return;
  n.updateHeldUntilMs = null;
  sendUpdate(ctx, n);
}

/** Withdraw the VIP: sent at once (pacing holds advertisements, not withdrawals). */
export function withdraw(ctx: Ctx, n: NodeRt): void {
  n.advertised = null;
  n.updateHeldUntilMs = null;
  if (!transmitting(n) || !n.sessionUp) return;
  ctx.log({ type: 'withdraw-sent', node: n.id });
  ctx.schedule({
    kind: 'withdraw-recv',
    tMs: ctx.st.nowMs + ctx.sc.protocol.propagationMs,
    node: n.id,
    epoch: n.sessionEpoch,
  });
}

function startRestoreTimer(ctx: Ctx, n: NodeRt, firesAtMs: number): void {
  n.timerEpoch++;
  n.restoreAtMs = firesAtMs;
  ctx.log({ type: 'timer-start', node: n.id, firesAtMs });
  ctx.schedule({ kind: 'restore', tMs: firesAtMs, node: n.id, timerEpoch: n.timerEpoch });
}

export function cancelRestoreTimer(n: NodeRt): void {
  n.timerEpoch++;
  n.restoreAtMs = null;
  n.lostSinceRestore = [];
}

/**
 * The patent's step, read literally (`per-detection`): lower by a step from the
 * current metric at every check that finds a loss, and restart the wait. Or
 * (`agreed`, not from the patent): advertise base − step × the nodes lost since
 * the last restore, so survivors that saw the same losses in different checks
 * end at the same metric.
 */
function lowerMetric(ctx: Ctx, n: NodeRt, lost: readonly number[]): void {
  if (ctx.sc.strategy !== 'metric-lowering' || !participating(n) || n.draining) return;
  const { base, step, floor, restoreWaitMs, lowering } = ctx.sc.metric;
  n.lostSinceRestore = withNodes(n.lostSinceRestore, lost);
  const lowered =
    lowering === 'agreed'
      ? Math.max(floor, base - step * n.lostSinceRestore.length)
      : Math.max(floor, n.advertised! - step);
  if (lowered !== n.advertised) advertise(ctx, n, lowered, 'lower');
  const keep = n.lostSinceRestore;
  startRestoreTimer(ctx, n, ctx.st.nowMs + restoreWaitMs);
  n.lostSinceRestore = keep;
}

export function restoreMetric(ctx: Ctx, node: number, timerEpoch: number): void {
  const n = nodeOf(ctx, node);
  if (n.timerEpoch !== timerEpoch || n.restoreAtMs === null) return;
  n.restoreAtMs = null;
  n.lostSinceRestore = [];
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
export function rejoin(ctx: Ctx, n: NodeRt): void {
  const { base, rejoin: policy } = ctx.sc.metric;
  let metric = base;
  let like: NodeRt | null = null;
  if (policy === 'cluster' && ctx.sc.strategy === 'metric-lowering') {
    for (const peer of ctx.st.nodes) {
      if (peer === n || !participating(peer) || peer.draining || peer.advertised! >= metric)
        continue;
      metric = peer.advertised!;
      like = peer;
    }
  }
  // A node that kept advertising through its trouble need not repeat itself.
  if (n.advertised !== metric || !n.sessionUp) advertise(ctx, n, metric, 'rejoin');
  if (like?.restoreAtMs != null && metric !== base) {
    startRestoreTimer(ctx, n, like.restoreAtMs);
    n.lostSinceRestore = [...like.lostSinceRestore];
  }
}

/** A crash, a cut link or a lost carrier (health is `health.ts`). */
export function failNode(ctx: Ctx, n: NodeRt, kind: Exclude<FailureKind, 'unhealthy'>): boolean {
  // A failed node cannot fail again, except that an unhealthy one can still crash.
  if (n.failure !== null && !(n.failure === 'unhealthy' && kind === 'crash')) return false;
  ctx.dataPlaneChanging();
  // A crash loses the node's connection state: the flows it held are reset.
  if (kind === 'crash') ctx.st.traffic.stateLost.push(n.id);
  const wasTransmitting = transmitting(n) && n.sessionUp;
  // Was it already out of the cluster (marked unhealthy)? Then its peers know.
  const wasMember = member(n);
  n.draining = false;
  n.failure = kind;
  n.incarnation++;
  n.life++;
  // A crash stops the node's own health checks; a cut link or lost carrier does not,
  // so a verdict they were about to reach still comes.
  if (kind === 'crash') {
    n.healthEpoch++;
    n.healthVerdictAtMs = null;
  }
  n.updateHeldUntilMs = null;
  cancelRestoreTimer(n);
  ctx.log({ type: 'node-fail', node: n.id, kind });
  if (kind === 'crash') n.alive = false;
  else n.linkUp = false;
  n.advertised = null;
  n.sessionUp = false;
  n.silentSinceMs = ctx.st.nowMs;
  n.view = kind === 'crash' ? [] : withoutNodes(n.view, [n.id]);
  if (wasMember) announce(ctx, n, 'lost', kind === 'crash');
  return wasTransmitting;
}

/** Back from a crash, a cut link, a lost carrier or a finished drain. */
export function recoverNode(ctx: Ctx, n: NodeRt): boolean {
  const kind = n.failure;
  if (kind === null && n.draining) {
    // Back into service before the drain ended: advertise as a returning node does.
    n.draining = false;
    n.incarnation++;
    n.life++;
    ctx.log({ type: 'node-recover', node: n.id });
    rejoin(ctx, n);
    return true;
  }
  if (kind === null || kind === 'unhealthy') return false;
  ctx.dataPlaneChanging();
  n.failure = null;
  n.incarnation++;
  n.life++;
  ctx.log({ type: 'node-recover', node: n.id });
  const { heartbeatMs: h, backplaneMs } = ctx.sc.cluster;
  if (kind === 'crash' || kind === 'drain') {
    // A restarted node is healthy, as its first checks will find.
    n.alive = true;
    n.health = 1;
    n.healthy = true;
    n.healthUp = true;
    ctx.schedule({
      kind: 'learn-view',
      tMs: tickAtOrAfter(checkPhase(ctx, n.id), h, ctx.st.nowMs + h + backplaneMs),
      node: n.id,
      life: n.life,
    });
  } else {
    n.linkUp = true;
    if (n.healthUp) n.view = withNodes(n.view, [n.id]);
  }
  if (n.healthUp) announce(ctx, n, 'joined', false);
  ctx.schedule({
    kind: 'session-up',
    tMs: ctx.st.nowMs + ctx.sc.protocol.sessionSetupMs,
    node: n.id,
    life: n.life,
  });
  return true;
}

export function learnView(ctx: Ctx, node: number, life: number): void {
  const n = nodeOf(ctx, node);
  if (n.life !== life || !n.alive) return;
  n.view = ctx.st.nodes.filter(member).map((x) => x.id);
  ctx.log({ type: 'member-join', node, joined: n.view, activeSet: n.view });
}

export function sessionUp(ctx: Ctx, node: number, life: number): void {
  const n = nodeOf(ctx, node);
  if (n.life !== life || !transmitting(n)) return;
  n.sessionEpoch++;
  n.sessionUp = true;
  n.sessionStartMs = ctx.st.nowMs;
  n.silentSinceMs = null;
  // A new session: nothing has been sent on it yet, so nothing paces the first update.
  n.lastUpdateSentMs = Number.NEGATIVE_INFINITY;
  ctx.log({ type: 'session-up', node });
  if (n.healthUp || ctx.sc.cluster.unhealthyAction === 'keep-advertising') rejoin(ctx, n);
}
