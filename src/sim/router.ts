/**
 * The router: a RIB with one route per neighbor (node) for the VIP, best-path
 * selection (lowest metric wins; all routes tied at the best form the ECMP set,
 * up to maximum-paths, in address order), a decision run that coalesces updates
 * arriving close together, and a FIB installed after a processing delay.
 * Expiry counts from the last message heard, never from the failure itself.
 */
import { type Ctx, nodeOf, tickBefore, transmitting } from './context';
import { RIP_UNREACHABLE, routeMetric } from './protocols';
import { Draw, uniform } from './rng';
import type { RouteRt } from './state';
import type { RouteRemoval, RouteView } from './types';

function keepalivePhaseMs(ctx: Ctx, node: number, epoch: number): number {
  return Math.floor(
    uniform(ctx.sc.seed, Draw.keepalivePhase, node, epoch) * ctx.sc.protocol.updateMs,
  );
}

/** Last periodic message (keepalive, hello, update) the router received from a node before `tMs`. */
function lastPeriodicRecvMs(ctx: Ctx, node: number, sendLimitMs: number): number | null {
  const n = nodeOf(ctx, node);
  const { updateMs } = ctx.sc.protocol;
  const phase = n.sessionStartMs + keepalivePhaseMs(ctx, node, n.sessionEpoch);
  if (sendLimitMs <= phase) return null;
  return tickBefore(phase, updateMs, sendLimitMs) + ctx.sc.protocol.propagationMs;
}

export function lastHeardMs(ctx: Ctx, node: number, route: RouteRt, atMs: number): number {
  if (route.finalHeardMs !== null) return route.finalHeardMs;
  const periodic = lastPeriodicRecvMs(ctx, node, atMs - ctx.sc.protocol.propagationMs + 1e-9);
  return Math.max(route.updateRecvMs, periodic ?? route.updateRecvMs);
}

/**
 * The node stopped reaching the router (crash or cut link). Messages already on
 * the wire still arrive; the route lives until expiry after the last of them,
 * or until BFD or loss of carrier removes it sooner.
 */
export function neighborSilent(ctx: Ctx, node: number, carrierLost: boolean): void {
  const route = ctx.st.routes[node - 1];
  const n = nodeOf(ctx, node);
  if (!route || route.epoch !== n.sessionEpoch) return;
  const { nowMs } = ctx.st;
  const periodic = lastPeriodicRecvMs(ctx, node, nowMs);
  route.finalHeardMs = Math.max(route.updateRecvMs, periodic ?? route.updateRecvMs);
  ctx.schedule({
    kind: 'route-expire',
    tMs: Math.max(nowMs, route.finalHeardMs + ctx.sc.protocol.expiryMs),
    node,
    epoch: route.epoch,
  });
  if (carrierLost) {
    ctx.schedule({
      kind: 'carrier-down',
      tMs: nowMs + ctx.sc.router.carrierDetectMs,
      node,
      epoch: route.epoch,
    });
  }
  if (ctx.sc.strategy === 'bfd') {
    const { intervalMs, multiplier } = ctx.sc.bfd;
    const phase =
      n.sessionStartMs +
      Math.floor(uniform(ctx.sc.seed, Draw.bfdPhase, node, n.sessionEpoch) * intervalMs);
    const lastSent = nowMs > phase ? tickBefore(phase, intervalMs, nowMs) : n.sessionStartMs;
    ctx.schedule({
      kind: 'bfd-down',
      tMs: Math.max(nowMs, lastSent + ctx.sc.protocol.propagationMs + multiplier * intervalMs),
      node,
      epoch: route.epoch,
    });
  }
}

export function ribChanged(ctx: Ctx): void {
  if (ctx.st.decisionPending) return;
  ctx.st.decisionPending = true;
  ctx.schedule({ kind: 'decide', tMs: ctx.st.nowMs + ctx.sc.router.coalesceMs });
}

/** Best-path selection over the RIB. */
export function bestPaths(ctx: Ctx): { ecmp: number[]; metric: number | null } {
  let best = Number.POSITIVE_INFINITY;
  for (const route of ctx.st.routes) {
    if (route && route.status === 'valid' && route.metric < best) best = route.metric;
  }
  const ecmp: number[] = [];
  ctx.st.routes.forEach((route, i) => {
    if (route && route.status === 'valid' && route.metric === best) ecmp.push(i + 1);
  });
  return {
    ecmp: ecmp.slice(0, ctx.sc.router.maxPaths),
    metric: ecmp.length ? best : null,
  };
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function decide(ctx: Ctx): void {
  ctx.st.decisionPending = false;
  const { ecmp, metric } = bestPaths(ctx);
  if (sameList(ecmp, ctx.st.lastBest)) return;
  ctx.st.lastBest = ecmp;
  ctx.log({ type: 'best-path', ecmp, metric });
  ctx.schedule({ kind: 'fib-install', tMs: ctx.st.nowMs + ctx.sc.router.fibInstallMs, ecmp });
}

export function receiveUpdate(ctx: Ctx, node: number, advertised: number, epoch: number): void {
  const n = nodeOf(ctx, node);
  if (n.sessionEpoch !== epoch) return;
  const silent = !n.sessionUp;
  // A link without carrier carries nothing: an update still on it is lost, and
  // must not bring back the route the router removed.
  if (silent && n.failure === 'carrier') return;
  const metric = routeMetric(ctx.sc.protocol.preset, advertised);
  ctx.log({ type: 'update-received', node, metric });
  if (ctx.sc.protocol.preset === 'rip' && metric >= RIP_UNREACHABLE) {
    // RIP: a route at 16 is unreachable: poisoned, then garbage-collected.
    poison(ctx, node, epoch, 'poison');
    return;
  }
  // An update still on the wire when its sender fell silent arrives all the same,
  // and it is the last message the router will hear: expiry counts from it.
  ctx.st.routes[node - 1] = {
    metric,
    epoch,
    updateRecvMs: ctx.st.nowMs,
    finalHeardMs: silent ? ctx.st.nowMs : null,
    status: 'valid',
  };
  if (silent) {
    ctx.schedule({
      kind: 'route-expire',
      tMs: ctx.st.nowMs + ctx.sc.protocol.expiryMs,
      node,
      epoch,
    });
  }
  ribChanged(ctx);
}

export function removeRoute(ctx: Ctx, node: number, epoch: number, reason: RouteRemoval): void {
  const route = ctx.st.routes[node - 1];
  if (!route || route.epoch !== epoch || route.status !== 'valid') return;
  // Timers of a neighbor that came back (same session) no longer apply.
  if (reason !== 'withdraw' && route.finalHeardMs === null) return;
  // An expiry set before a late update arrived is superseded by the one it set.
  if (reason === 'expiry' && ctx.st.nowMs < route.finalHeardMs! + ctx.sc.protocol.expiryMs) return;
  if (reason === 'withdraw') ctx.log({ type: 'withdraw-received', node });
  if (reason === 'expiry' || reason === 'withdraw') poison(ctx, node, epoch, reason);
  else {
    ctx.st.routes[node - 1] = null;
    ctx.log({ type: 'route-removed', node, reason });
    ribChanged(ctx);
  }
}

/**
 * A route that timed out or was withdrawn: with garbage collection (RIP), kept
 * at metric 16 (unreachable, so peers learn it is gone) until flushed; without
 * it, removed at once.
 */
function poison(ctx: Ctx, node: number, epoch: number, reason: RouteRemoval): void {
  const route = ctx.st.routes[node - 1];
  if (route?.status !== 'valid') return;
  if (ctx.sc.protocol.garbageMs > 0) {
    route.status = 'garbage';
    if (ctx.sc.protocol.preset === 'rip') route.metric = RIP_UNREACHABLE;
    route.epoch = epoch;
    ctx.schedule({
      kind: 'route-flush',
      tMs: ctx.st.nowMs + ctx.sc.protocol.garbageMs,
      node,
      epoch,
    });
  } else {
    ctx.st.routes[node - 1] = null;
  }
  ctx.log({ type: 'route-removed', node, reason });
  ribChanged(ctx);
}

export function flushRoute(ctx: Ctx, node: number, epoch: number): void {
  const route = ctx.st.routes[node - 1];
  if (!route || route.epoch !== epoch || route.status !== 'garbage') return;
  ctx.st.routes[node - 1] = null;
  ctx.log({ type: 'route-flushed', node });
}

export function routeViews(ctx: Ctx): RouteView[] {
  const { nowMs } = ctx.st;
  const { metric: bestMetric } = bestPaths(ctx);
  const views: RouteView[] = [];
  ctx.st.routes.forEach((route, i) => {
    if (!route) return;
    const node = i + 1;
    const heard = lastHeardMs(ctx, node, route, nowMs);
    const n = nodeOf(ctx, node);
    views.push({
      node,
      metric: route.metric,
      lastHeardMs: heard,
      expiresAtMs: route.status === 'garbage' ? null : heard + ctx.sc.protocol.expiryMs,
      status: route.status,
      best: route.status === 'valid' && route.metric === bestMetric,
      inFib: ctx.st.fib.includes(node),
      stale: !transmitting(n) || route.epoch !== n.sessionEpoch,
    });
  });
  return views;
}
