/**
 * Health: the patent's own case. A node whose health falls below the
 * threshold cannot serve (packets hashed to it are lost at once), but its
 * routing daemon still talks to the router, so neither expiry nor BFD ever
 * removes its route. Only the cluster knows, and it knows only when the
 * node's health check, run every `healthCheckMs` on its own phase, has failed
 * `healthFall` times in a row; `healthRise` passes in a row bring it back.
 *
 * On the verdict the node leaves the active set (its peers hear it in its next
 * heartbeat and lower their metric), and, with `unhealthyAction: withdraw`,
 * withdraws the VIP itself, as many modern speakers do. By default it keeps
 * advertising, at the base metric.
 */
import { advertise, announce, cancelRestoreTimer, rejoin, withdraw } from './cluster';
import { type Ctx, nodeOf, tickAtOrAfter } from './context';
import { withNodes, withoutNodes } from './nodeSets';
import { Draw, uniform } from './rng';
import type { NodeRt } from './state';

const healthPhase = (ctx: Ctx, node: number) =>
  Math.floor(uniform(ctx.sc.seed, Draw.healthPhase, node) * ctx.sc.cluster.healthCheckMs);

/** The moment the `count`-th health check at or after now runs. */
function checkNumber(ctx: Ctx, n: NodeRt, count: number): number {
  const period = ctx.sc.cluster.healthCheckMs;
  return tickAtOrAfter(healthPhase(ctx, n.id), period, ctx.st.nowMs) + (count - 1) * period;
}

function expectVerdict(ctx: Ctx, n: NodeRt, up: boolean): void {
  const { healthFall, healthRise } = ctx.sc.cluster;
  const atMs = checkNumber(ctx, n, up ? healthRise : healthFall);
  n.healthVerdictAtMs = atMs;
  ctx.schedule({ kind: 'health-verdict', tMs: atMs, node: n.id, healthEpoch: n.healthEpoch, up });
}

/** Health falls below the threshold: the node stops serving now; the checks will tell. */
export function loseHealth(ctx: Ctx, n: NodeRt): boolean {
  if (n.failure !== null) return false;
  ctx.dataPlaneChanging();
  n.failure = 'unhealthy';
  n.healthy = false;
  // Health falls well below the threshold (what makes the node unhealthy).
  n.health = ctx.sc.cluster.healthThreshold * 0.4;
  n.healthEpoch++;
  n.healthVerdictAtMs = null;
  ctx.log({ type: 'node-fail', node: n.id, kind: 'unhealthy' });
  // A node the checks still pass starts failing them; one still marked down stays so.
  if (n.healthUp) expectVerdict(ctx, n, false);
  return true;
}

/** Health is back above the threshold: the node serves again now; the checks will tell. */
export function regainHealth(ctx: Ctx, n: NodeRt): boolean {
  if (n.failure !== 'unhealthy') return false;
  ctx.dataPlaneChanging();
  n.failure = null;
  n.healthy = true;
  n.health = 1;
  n.healthEpoch++;
  n.healthVerdictAtMs = null;
  ctx.log({ type: 'node-recover', node: n.id });
  if (!n.healthUp) expectVerdict(ctx, n, true);
  return true;
}

export function healthVerdict(ctx: Ctx, node: number, healthEpoch: number, up: boolean): void {
  const n = nodeOf(ctx, node);
  if (n.healthEpoch !== healthEpoch || !n.alive) return;
  n.healthVerdictAtMs = null;
  n.incarnation++;
  const { healthFall, healthRise, unhealthyAction } = ctx.sc.cluster;
  if (!up) {
    const withdraws = unhealthyAction === 'withdraw';
    n.healthUp = false;
    ctx.log({ type: 'health-down', node, checks: healthFall, withdraws });
    cancelRestoreTimer(n);
    n.view = withoutNodes(n.view, [node]);
    if (withdraws && n.advertised !== null) withdraw(ctx, n);
    // Out of the cluster's metric logic, it rests at the base metric.
    else if (n.advertised !== null && n.advertised !== ctx.sc.metric.base)
      advertise(ctx, n, ctx.sc.metric.base, 'restore');
    if (n.linkUp) announce(ctx, n, 'lost', false);
    return;
  }
  n.healthUp = true;
  ctx.log({ type: 'health-up', node, checks: healthRise });
  if (!n.linkUp) return;
  n.view = withNodes(n.view, [node]);
  announce(ctx, n, 'joined', false);
  if (n.sessionUp) rejoin(ctx, n);
}
