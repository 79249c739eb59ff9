/**
 * The per-packet oracle: every packet of every flow, one at a time, in time
 * order: naive, slow and obviously right. It reads the control plane (node
 * failures, forwarding-table installs, bucket moves) from the simulation's own
 * event log and shares nothing with the closed-form accounting in `traffic.ts`
 * but the draws (5-tuples, lifetimes, packet phases) and the one hashing rule,
 * `nextHopFor`. The rules, per packet at time t:
 *
 * - no route: unrouted; the receiver (the next hop ECMP picks) is crashed or
 *   cut off, or unhealthy: lost there;
 * - `local`: the first node to take one of the flow's packets holds its state;
 *   a packet taken by any other node resets the flow, and that node holds it;
 * - `steering`: a receiver without the state steers the packet over the
 *   backplane to the node that holds it; lost if that node is down or unhealthy;
 * - `consistent`: nothing depends on which node takes the packet;
 * - a crash (or a drained node stopping) loses the node's state: an open flow it
 *   held is reset (local, steering);
 * - a flow that lost a packet and was never reset is stalled.
 */
import { nextHopFor } from '../hashing';
import type { Scenario } from '../scenario';
import { createFlows, flowDraw, generationAt } from '../traffic';
import type { SimEvent } from '../types';

export interface OracleFigures {
  sent: number;
  delivered: number;
  lost: number;
  unrouted: number;
  perNode: { node: number; delivered: number; lost: number }[];
  flowsReset: number;
  flowsStalled: number;
  flowsBroken: number;
  packetsSteered: number;
  /**
   * Per slot, for its flow open at the end, the node holding its state (its
   * flow processor; 0 for none, and always 0 without connection state).
   */
  processors: number[];
}

/** The data plane from one moment on: what the router does and what each node can do. */
interface Moment {
  tMs: number;
  ecmp: readonly number[];
  buckets: Int32Array;
  /** Per node: alive and its link to the router up. */
  reachable: boolean[];
  healthy: boolean[];
  alive: boolean[];
  /** Nodes whose state was lost at this moment. */
  stateLost: number[];
}

type Failure = 'crash' | 'link' | 'carrier' | 'unhealthy' | 'stopped' | null;

/** Replay the event log into the data plane's moments, in time order. */
function moments(sc: Scenario, events: readonly SimEvent[]): Moment[] {
  const n = sc.nodes;
  const failure: Failure[] = new Array(n).fill(null);
  const alive = new Array(n).fill(true);
  const link = new Array(n).fill(true);
  const healthy = new Array(n).fill(true);
  let ecmp: readonly number[] = [];
  let buckets = new Int32Array(sc.resilient.buckets);
  const out: Moment[] = [];
  for (const e of events) {
    const lost: number[] = [];
    const i = 'node' in e ? e.node - 1 : -1;
    switch (e.type) {
      case 'node-fail':
        if (e.kind === 'crash') {
          alive[i] = false;
          lost.push(e.node);
        } else if (e.kind === 'unhealthy') healthy[i] = false;
        else link[i] = false;
        failure[i] = e.kind;
        break;
      case 'drain-done':
        alive[i] = false;
        failure[i] = 'stopped';
        lost.push(e.node);
        break;
      case 'node-recover':
        if (failure[i] === 'crash' || failure[i] === 'stopped') {
          alive[i] = true;
          healthy[i] = true;
        } else if (failure[i] === 'unhealthy') healthy[i] = true;
        else link[i] = true;
        failure[i] = null;
        break;
      case 'fib-install':
        ecmp = e.ecmp;
        if (e.buckets) buckets = Int32Array.from(e.buckets);
        break;
      case 'buckets-rebalanced':
        buckets = Int32Array.from(e.buckets);
        break;
      default:
        continue;
    }
    out.push({
      tMs: e.tMs,
      ecmp,
      buckets,
      reachable: alive.map((a, k) => a && link[k]!),
      healthy: [...healthy],
      alive: [...alive],
      stateLost: lost,
    });
  }
  return out;
}

/** Simulate every packet sent in [0, untilMs) and tally what became of it and of its flow. */
export function packetOracle(
  sc: Scenario,
  events: readonly SimEvent[],
  untilMs: number,
): OracleFigures {
  const flows = createFlows(sc);
  const plane = moments(sc, events).filter((m) => m.tMs <= untilMs);
  const periodMs = 1000 / sc.traffic.packetsPerSecond;
  const mode = sc.cluster.connectionState;
  const perNode = Array.from({ length: sc.nodes }, (_, k) => ({
    node: k + 1,
    delivered: 0,
    lost: 0,
  }));
  const total = { sent: 0, unrouted: 0, reset: 0, stalled: 0, steered: 0 };
  const processors: number[] = new Array(flows.count).fill(0);

  for (let i = 0; i < flows.count; i++) {
    const lastGen = generationAt(flows, i, untilMs);
    for (let g = generationAt(flows, i, 0); g <= lastGen; g++) {
      const flow = flowDraw(flows, i, g);
      let owner = 0;
      let reset = false;
      let lostAny = false;
      let at = -1; // index of the moment in force
      // Take in every change up to `due(tMs)`; a crash drops the state the node held.
      const enter = (due: (tMs: number) => boolean) => {
        while (at + 1 < plane.length && due(plane[at + 1]!.tMs)) {
          at++;
          if (owner !== 0 && plane[at]!.stateLost.includes(owner)) {
            reset = true;
            owner = 0;
          }
        }
      };
      for (let k = 0; ; k++) {
        const t = flow.firstPacketMs + k * periodMs;
        if (t >= flow.endMs || t >= untilMs) break;
        if (t < 0) continue;
        enter((tMs) => tMs <= t);
        total.sent++;
        const m = plane[at]!;
        const hop = nextHopFor(sc.hashing, flow.hash, m.ecmp, m.buckets);
        if (hop === 0) {
          total.unrouted++;
          lostAny = true;
          continue;
        }
        const receiver = perNode[hop - 1]!;
        if (!m.reachable[hop - 1] || !m.healthy[hop - 1]) {
          receiver.lost++;
          lostAny = true;
          continue;
        }
        if (mode === 'consistent' || owner === 0 || owner === hop) {
          if (mode !== 'consistent') owner = hop;
          receiver.delivered++;
        } else if (mode === 'local') {
          reset = true;
          owner = hop;
          receiver.delivered++;
        } else {
          total.steered++;
          if (m.alive[owner - 1] && m.healthy[owner - 1]) receiver.delivered++;
          else {
            receiver.lost++;
            lostAny = true;
          }
        }
      }
      // Changes after its last packet still matter while the flow is open.
      enter((tMs) => tMs < flow.endMs);
      if (reset) total.reset++;
      else if (lostAny) total.stalled++;
      if (g === lastGen) processors[i] = owner;
    }
  }
  const delivered = perNode.reduce((s, x) => s + x.delivered, 0);
  const lost = perNode.reduce((s, x) => s + x.lost, 0) + total.unrouted;
  return {
    sent: total.sent,
    delivered,
    lost,
    unrouted: total.unrouted,
    perNode,
    flowsReset: total.reset,
    flowsStalled: total.stalled,
    flowsBroken: total.reset + total.stalled,
    packetsSteered: total.steered,
    processors,
  };
}
