/**
 * Planned maintenance (`faults[].action: "drain"`): the node makes its own
 * route the worst, waits until the router sends it nothing, then stops. Its
 * peers see a planned leave and keep their metric; nothing is lost on the way.
 */
import { advertise, announce, cancelRestoreTimer, checkPhase, withdraw } from './cluster';
import { type Ctx, nodeOf, participating, tickAtOrAfter } from './context';
import { PROTOCOLS } from './protocols';
import type { NodeRt } from './state';

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
  n.life++;
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
    life: n.life,
  });
}

export function drainCheck(ctx: Ctx, node: number, life: number): void {
  const n = nodeOf(ctx, node);
  if (n.life !== life || !n.draining) return;
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
  n.life++;
  ctx.log({ type: 'drain-done', node: n.id });
  withdraw(ctx, n);
  n.alive = false;
  n.sessionUp = false;
  n.view = [];
  announce(ctx, n, 'left', false);
}
