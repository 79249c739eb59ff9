import { routeMetric } from './protocols';
import type { Scenario } from './scenario';
import { createFlowMarks, emptySweepResult, type Flows, longFlows } from './traffic';
import type { NodeRt, RouteRt, State } from './state';

/** Every node up, every session established, every route in the RIB at the base metric. */
export function initialState(sc: Scenario, flows: Flows): State {
  const ids = Array.from({ length: sc.nodes }, (_, i) => i + 1);
  const nodes: NodeRt[] = ids.map((id) => ({
    id,
    alive: true,
    linkUp: true,
    healthy: true,
    health: 1,
    healthUp: true,
    healthEpoch: 0,
    healthVerdictAtMs: null,
    lostSinceRestore: [],
    lastUpdateSentMs: Number.NEGATIVE_INFINITY,
    updateHeldUntilMs: null,
    failure: null,
    draining: false,
    incarnation: 0,
    life: 0,
    sessionEpoch: 1,
    sessionUp: true,
    sessionStartMs: 0,
    silentSinceMs: null,
    advertised: sc.metric.base,
    restoreAtMs: null,
    timerEpoch: 0,
    view: ids,
  }));
  const routes: RouteRt[] = ids.map(() => ({
    metric: routeMetric(sc.protocol.preset, sc.metric.base),
    epoch: 1,
    updateRecvMs: 0,
    finalHeardMs: null,
    status: 'valid',
  }));
  return {
    nowMs: 0,
    queue: { items: [], nextSeq: 0 },
    faultCursor: 0,
    nodes,
    routes,
    decisionPending: false,
    lastBest: [],
    fib: [],
    prevFib: [],
    buckets: new Int32Array(sc.resilient.buckets),
    prevBuckets: new Int32Array(sc.resilient.buckets),
    unbalancedSinceMs: null,
    rebalanceAtMs: null,
    pending: new Map(),
    traffic: {
      epochStartMs: 0,
      accountedMs: 0,
      open: emptySweepResult(sc.nodes),
      marks: createFlowMarks(sc.traffic.flows, longFlows(flows).slots.length),
      stateLost: [],
      sent: 0,
      delivered: new Float64Array(sc.nodes),
      lost: new Float64Array(sc.nodes),
      unrouted: 0,
      flowsBroken: 0,
      flowsReset: 0,
      packetsSteered: 0,
      blackholeMs: 0,
    },
  };
}
