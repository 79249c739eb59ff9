/**
 * The simulation's whole mutable state as plain data, so that a checkpoint is a
 * plain copy (`clone.ts`). Logs are append-only and live outside it (a checkpoint
 * keeps only their lengths).
 */
import type { Heap, Timed } from './queue';
import type { FlowMarks } from './marks';
import type { SweepResult } from './traffic';
import type { DownReason } from './types';

export interface NodeRt {
  id: number;
  alive: boolean;
  linkUp: boolean;
  /** Can serve (the truth; the data plane reads it). */
  healthy: boolean;
  health: number;
  /** The cluster's verdict from its health checks (fall / rise), which lags the truth. */
  healthUp: boolean;
  /** Bumped at every change of the truth: a pending verdict about an older one is void. */
  healthEpoch: number;
  /** When the pending health verdict lands, or null. */
  healthVerdictAtMs: number | null;
  /**
   * Agreed lowering: the nodes this node has seen lost since its last restore;
   * sorted, never changed in place (see `nodeSets.ts`).
   */
  lostSinceRestore: number[];
  /** When this node last sent an update to the router (pacing), −Infinity for never. */
  lastUpdateSentMs: number;
  /** A paced update waits until then, or null. */
  updateHeldUntilMs: number | null;
  failure: DownReason | null;
  draining: boolean;
  /** Bumped at every fail, recover and health verdict: stale membership news is ignored. */
  incarnation: number;
  /**
   * Bumped at every fail, recover and drain, not at health verdicts: a session set-up,
   * view learning or drain check pending from an older life is ignored, while one
   * pending when the health checks change their verdict still happens.
   */
  life: number;
  /** Routing session generation; router-side timers carry it and die with it. */
  sessionEpoch: number;
  sessionUp: boolean;
  sessionStartMs: number;
  /** When the node stopped reaching the router (crash or link), or null while it does. */
  silentSinceMs: number | null;
  advertised: number | null;
  restoreAtMs: number | null;
  timerEpoch: number;
  /** This node's view of the active node set: sorted, never changed in place (see `nodeSets.ts`). */
  view: number[];
}

export interface RouteRt {
  metric: number;
  /** Session generation of the node that advertised it. */
  epoch: number;
  /** When the last triggered update from this node arrived. */
  updateRecvMs: number;
  /** Fixed once the node falls silent: the last message the router will ever hear. */
  finalHeardMs: number | null;
  status: 'valid' | 'garbage';
}

export type Item = Timed &
  (
    | { kind: 'membership'; observer: number; key: string }
    | { kind: 'learn-view'; node: number; life: number }
    | { kind: 'session-up'; node: number; life: number }
    | { kind: 'update-recv'; node: number; metric: number; epoch: number }
    | { kind: 'withdraw-recv'; node: number; epoch: number }
    | { kind: 'route-expire'; node: number; epoch: number }
    | { kind: 'route-flush'; node: number; epoch: number }
    | { kind: 'bfd-down'; node: number; epoch: number }
    | { kind: 'carrier-down'; node: number; epoch: number }
    | { kind: 'restore'; node: number; timerEpoch: number }
    | { kind: 'drain-check'; node: number; life: number }
    | { kind: 'health-verdict'; node: number; healthEpoch: number; up: boolean }
    | { kind: 'send-held'; node: number; epoch: number }
    | { kind: 'decide' }
    | { kind: 'fib-install'; ecmp: number[] }
    | { kind: 'rebalance' }
  );

/** News an observer will act on at one check tick: nodes it will find lost or joined. */
export interface PendingMembership {
  lost: { node: number; incarnation: number }[];
  joined: { node: number; incarnation: number }[];
  left: { node: number; incarnation: number }[];
}

export interface TrafficState {
  /** Start of the open data-plane epoch. */
  epochStartMs: number;
  /** The open epoch is accounted up to here (into `open`), as time goes. */
  accountedMs: number;
  open: SweepResult;
  /** What the accounting remembers of each flow (see `FlowMarks`). */
  marks: FlowMarks;
  /** Nodes that lost their connection state at `epochStartMs`. */
  stateLost: number[];
  sent: number;
  delivered: Float64Array;
  lost: Float64Array;
  unrouted: number;
  flowsBroken: number;
  flowsReset: number;
  packetsSteered: number;
  blackholeMs: number;
}

export interface State {
  nowMs: number;
  queue: Heap<Item>;
  /** Index of the next scenario fault to apply. */
  faultCursor: number;
  nodes: NodeRt[];
  routes: (RouteRt | null)[];
  decisionPending: boolean;
  lastBest: number[];
  fib: number[];
  prevFib: number[];
  buckets: Int32Array;
  prevBuckets: Int32Array;
  /** Resilient hashing: since when the bucket table has wanted a rebalance, or null. */
  unbalancedSinceMs: number | null;
  /** The one bucket check still due (earlier scheduled ones are void). */
  rebalanceAtMs: number | null;
  pending: Map<string, PendingMembership>;
  traffic: TrafficState;
}
