/**
 * The read-only views of a running simulation: snapshot, figures, epochs and
 * the flow sample. Views are cached per moment, and the snapshot keeps the
 * identity of every part that did not change (`share.ts`), so narrow UI
 * selectors skip work.
 */
import { type Ctx, transmitting } from './context';
import type { Engine } from './engine';
import { nextHopFor } from './hashing';
import { routeViews } from './router';
import { shareSnapshot } from './share';
import { flowHash, flowProcessor, generationAt, generationStart } from './traffic';
import type { Epoch, Figures, FlowSample, NodeView, Snapshot } from './types';

export interface Views {
  snapshot(): Snapshot;
  figures(): Figures;
  epochs(): readonly Epoch[];
  flowSample(limit: number): FlowSample[];
}

function nodeView(ctx: Ctx, index: number): NodeView {
  const n = ctx.st.nodes[index]!;
  const state: NodeView['state'] = !transmitting(n)
    ? 'failed'
    : !n.healthy
      ? 'unhealthy'
      : n.healthUp && n.sessionUp && n.advertised !== null
        ? 'active'
        : 'recovering';
  return {
    node: n.id,
    state,
    failure: n.failure,
    draining: n.draining,
    metric: n.advertised,
    restoreAtMs: n.restoreAtMs,
    activeSet: n.view,
    health: n.health,
    markedUnhealthy: !n.healthUp,
    healthVerdictAtMs: n.healthVerdictAtMs,
  };
}

export function createViews(engine: Engine): Views {
  const { ctx, logs, flows } = engine;
  let figures: Figures | null = null;
  let figuresOf: Epoch | null = null;
  let snapshot: Snapshot | null = null;
  let snapshotKey = '';

  function computeFigures(): Figures {
    const open = engine.openEpoch();
    if (figures && figuresOf === open) return figures;
    const t = ctx.st.traffic;
    const perNode = ctx.st.nodes.map((n, i) => {
      const lost = t.lost[i]! + open.lostByNode[i]!;
      return {
        node: n.id,
        delivered: t.delivered[i]! + open.packetsByNode[i]! - open.lostByNode[i]!,
        lost,
      };
    });
    const delivered = perNode.reduce((sum, n) => sum + n.delivered, 0);
    const unrouted = t.unrouted + open.unrouted;
    const lost = perNode.reduce((sum, n) => sum + n.lost, 0) + unrouted;
    figuresOf = open;
    figures = {
      tMs: ctx.st.nowMs,
      // Counted apart, as clients send, so delivered + lost is checked against it.
      packetsSent: t.sent + open.packetsSent,
      packetsDelivered: delivered,
      packetsLost: lost,
      packetsUnrouted: unrouted,
      flowsBroken: t.flowsBroken + open.flowsBroken,
      flowsReset: t.flowsReset + open.flowsReset,
      flowsStalled: t.flowsBroken + open.flowsBroken - t.flowsReset - open.flowsReset,
      packetsSteered: t.packetsSteered + open.packetsSteered,
      blackholeMs: t.blackholeMs + (open.blackhole ? open.endMs - open.startMs : 0),
      perNode,
    };
    return figures;
  }

  function computeSnapshot(): Snapshot {
    const { st } = ctx;
    const key = `${st.nowMs}/${logs.events.length}`;
    if (snapshot && key === snapshotKey) return snapshot;
    snapshotKey = key;
    snapshot = shareSnapshot(snapshot, {
      tMs: st.nowMs,
      nodes: st.nodes.map((_, i) => nodeView(ctx, i)),
      routes: routeViews(ctx),
      fib: st.fib,
      buckets: ctx.sc.hashing === 'resilient' ? Array.from(st.buckets) : null,
    });
    return snapshot;
  }

  return {
    snapshot: computeSnapshot,
    figures: computeFigures,
    epochs: () => {
      // The open epoch first: computing it accounts the closed ones into the log.
      const open = engine.openEpoch();
      return [...logs.epochs.view(), open];
    },
    flowSample(limit) {
      const { st } = ctx;
      const now = st.nowMs;
      const samples: FlowSample[] = [];
      const count = Math.min(limit, flows.count);
      const current = engine.mapping();
      engine.openEpoch();
      const marks = engine.openMarks();
      for (let k = 0; k < count; k++) {
        const i = Math.floor((k * flows.count) / count);
        const g = generationAt(flows, i, now);
        if (generationStart(flows, i, g) > now) continue;
        const hash = flowHash(flows, i, g);
        const hop = nextHopFor(current.hashing, hash, current.ecmp, current.buckets);
        const before = nextHopFor(current.hashing, hash, st.prevFib, st.prevBuckets);
        samples.push({
          position: hash / 4294967296,
          nextHop: hop === 0 ? null : hop,
          moved: before !== 0 && hop !== 0 && before !== hop,
          processor: flowProcessor(flows, marks, i, g) || null,
        });
      }
      return samples.sort((a, b) => a.position - b.position);
    },
  };
}
