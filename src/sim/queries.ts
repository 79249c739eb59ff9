/**
 * The Simulation object: time control plus read-only views of the state.
 * Views are cached per moment, and unchanged node views keep their identity so
 * that narrow UI selectors skip work.
 */
import type { Checkpoints } from './checkpoints';
import { type Ctx, transmitting } from './context';
import type { Logs } from './engine';
import { nextHopFor } from './hashing';
import { routeViews } from './router';
import type { Scenario } from './scenario';
import type { FlowSample, Simulation } from './simulation';
import {
  type Flows,
  flowHash,
  generationAt,
  generationStart,
  type Mapping,
  sweepEpochs,
} from './traffic';
import type { Command, Epoch, Figures, NodeView, Snapshot } from './types';

interface Parts {
  ctx: Ctx;
  /** Account the data-plane epochs closed since the last read. */
  settle(): void;
  logs: Logs;
  flows: Flows;
  mapping(): Mapping;
  deliverable(): boolean[];
  serving(): boolean[];
  advanceTo(tMs: number): void;
  nextDueMs(): number;
  checkpoints: Checkpoints;
  horizon(): number;
  setHorizon(tMs: number): void;
  act(command: Command): void;
}

function nodeView(ctx: Ctx, index: number): NodeView {
  const n = ctx.st.nodes[index]!;
  const state: NodeView['state'] = !transmitting(n)
    ? 'failed'
    : !n.healthy
      ? 'unhealthy'
      : n.sessionUp && n.advertised !== null
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
  };
}

function sameNode(a: NodeView | undefined, b: NodeView): boolean {
  return (
    a !== undefined &&
    a.state === b.state &&
    a.failure === b.failure &&
    a.draining === b.draining &&
    a.metric === b.metric &&
    a.restoreAtMs === b.restoreAtMs &&
    a.health === b.health &&
    a.activeSet.length === b.activeSet.length &&
    a.activeSet.every((x, i) => x === b.activeSet[i])
  );
}

export function createQueries(p: Parts): Simulation {
  const { ctx, logs, flows } = p;
  let cacheKey = '';
  let openEpoch: Epoch | null = null;
  let figures: Figures | null = null;
  let snapshot: Snapshot | null = null;

  const key = () => `${ctx.st.nowMs}/${logs.events.length}/${logs.epochs.length}`;
  function fresh(): void {
    p.settle();
    const k = key();
    if (k === cacheKey) return;
    cacheKey = k;
    openEpoch = null;
    figures = null;
  }

  function currentEpoch(): Epoch {
    fresh();
    if (openEpoch) return openEpoch;
    const { st } = ctx;
    const from = st.traffic.epochStartMs;
    const [r] = sweepEpochs(
      flows,
      st.traffic.marks,
      [
        {
          fromMs: from,
          toMs: st.nowMs,
          current: p.mapping(),
          deliverable: p.deliverable(),
          serving: p.serving(),
          stateLost: st.traffic.stateLost,
        },
      ],
      false,
    );
    openEpoch = {
      startMs: from,
      endMs: st.nowMs,
      ecmp: [...st.fib],
      packetsSent: r!.sent,
      packetsByNode: Array.from(r!.sentByNode),
      lostByNode: Array.from(r!.lostByNode),
      unrouted: r!.unrouted,
      flowsBroken: r!.broken,
      flowsReset: r!.reset,
      packetsSteered: r!.steered,
      blackhole: r!.blackhole,
    };
    return openEpoch;
  }

  function computeFigures(): Figures {
    fresh();
    if (figures) return figures;
    const open = currentEpoch();
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
    const flowsBroken = t.flowsBroken + open.flowsBroken;
    const flowsReset = t.flowsReset + open.flowsReset;
    figures = {
      tMs: ctx.st.nowMs,
      // Counted apart, as clients send, so delivered + lost is checked against it.
      packetsSent: t.sent + open.packetsSent,
      packetsDelivered: delivered,
      packetsLost: lost,
      packetsUnrouted: unrouted,
      flowsBroken,
      flowsReset,
      flowsStalled: flowsBroken - flowsReset,
      packetsSteered: t.packetsSteered + open.packetsSteered,
      blackholeMs: t.blackholeMs + (open.blackhole ? open.endMs - open.startMs : 0),
      perNode,
    };
    return figures;
  }

  function computeSnapshot(): Snapshot {
    const { st } = ctx;
    const nodes = st.nodes.map((_, i) => {
      const view = nodeView(ctx, i);
      const previous = snapshot?.nodes[i];
      return sameNode(previous, view) ? previous! : view;
    });
    snapshot = {
      tMs: st.nowMs,
      nodes,
      routes: routeViews(ctx),
      fib: st.fib,
      buckets: ctx.sc.hashing === 'resilient' ? Array.from(st.buckets) : null,
    };
    return snapshot;
  }

  return {
    scenario: (): Scenario => structuredClone(ctx.sc),
    now: () => ctx.st.nowMs,
    advanceTo: p.advanceTo,
    nextEventMs() {
      const due = p.nextDueMs();
      return Number.isFinite(due) && due <= ctx.sc.durationMs ? due : null;
    },
    step() {
      const before = logs.events.length;
      for (;;) {
        const due = p.nextDueMs();
        if (!Number.isFinite(due) || due > ctx.sc.durationMs) return false;
        p.advanceTo(due);
        if (logs.events.length > before) return true;
      }
    },
    seek(tMs) {
      const target = Math.min(Math.max(tMs, 0), ctx.sc.durationMs);
      // Replay from the nearest checkpoint unless running on from now is shorter.
      if (target < ctx.st.nowMs || p.checkpoints.latestAtOrBefore(target) > ctx.st.nowMs) {
        p.checkpoints.restore(target);
      }
      const horizon = p.horizon();
      p.advanceTo(target);
      p.setHorizon(Math.max(horizon, target));
    },
    act: p.act,
    snapshot() {
      if (snapshot && snapshot.tMs === ctx.st.nowMs && cacheKey === key()) return snapshot;
      fresh();
      return computeSnapshot();
    },
    figures: computeFigures,
    events: () => logs.events.view(),
    fibChanges: () => logs.fibChanges.view(),
    epochs: () => {
      // The open epoch first: computing it accounts the closed ones into the log.
      const open = currentEpoch();
      return [...logs.epochs.view(), open];
    },
    horizonMs: p.horizon,
    flowSample(limit) {
      const { st } = ctx;
      const now = st.nowMs;
      const samples: FlowSample[] = [];
      const count = Math.min(limit, flows.count);
      const current = p.mapping();
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
        });
      }
      return samples.sort((a, b) => a.position - b.position);
    },
  };
}
