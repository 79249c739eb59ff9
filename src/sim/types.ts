/**
 * The vocabulary shared by the simulation core and everything that drives it
 * (UI, CLI, benchmarks, tests). Times are simulated milliseconds (`…Ms`);
 * node numbers are 1-based as in the scenario file.
 */

export type FailureKind = 'crash' | 'link' | 'carrier' | 'unhealthy';
/** The strategies, in the order the app offers them (the baseline first). */
export const STRATEGY_IDS = ['none', 'metric-lowering', 'bfd'] as const;
export type Strategy = (typeof STRATEGY_IDS)[number];
export type Hashing = 'modulo' | 'hash-threshold' | 'resilient';
export type ProtocolPreset = 'ospf' | 'bgp' | 'rip' | 'lab';
export type RejoinPolicy = 'base' | 'cluster';
/** What the cluster does with a packet that reaches a node without its flow's state. */
export type ConnectionState = 'local' | 'steering' | 'consistent';
/** How survivors lower: by a step per detected loss, or to the cluster's agreed count. */
export type LoweringPolicy = 'per-detection' | 'agreed';
/** What a node whose health falls below the threshold does with its route. */
export type UnhealthyAction = 'keep-advertising' | 'withdraw';

/** Why a node is down: a failure, or a drain that ran to its end. */
export type DownReason = FailureKind | 'drain';

/** What a node is doing, as the UI names it. */
export type NodeState = 'active' | 'failed' | 'unhealthy' | 'recovering';

/** A command from outside the core (UI click, automation API, scenario fault). */
export type Command =
  | { type: 'fail-node'; node: number; kind: FailureKind }
  | { type: 'recover-node'; node: number }
  | { type: 'drain-node'; node: number };

/** What `act` did besides applying the command. */
export interface ActResult {
  /** How many of the user's own later actions a fork discarded (0 when not forking). */
  droppedActions: number;
}

/** Why a router route left the RIB, or why it is not usable. */
/** `poison`: a RIP update arrived at 16 (unreachable). */
export type RouteRemoval = 'expiry' | 'carrier' | 'bfd' | 'withdraw' | 'poison';

/** Every control-plane event, in time order, as the event log shows it. */
export type SimEvent = { tMs: number } & (
  | { type: 'node-fail'; node: number; kind: FailureKind }
  | { type: 'node-recover'; node: number }
  /** Planned maintenance: the node advertises its worst metric and waits to carry nothing. */
  | { type: 'drain-start'; node: number; metric: number | null }
  /** The drained node carries nothing and stops (its state goes with it). */
  | { type: 'drain-done'; node: number }
  | { type: 'session-up'; node: number }
  | { type: 'detect'; node: number; lost: number[]; activeSet: number[] }
  | { type: 'member-join'; node: number; joined: number[]; activeSet: number[] }
  /** A planned leave (a drained node stopping): the peers do not lower for it. */
  | { type: 'member-leave'; node: number; left: number[]; activeSet: number[] }
  | { type: 'advertise'; node: number; metric: number; reason: AdvertiseReason }
  /** Update pacing (MRAI, MinLSInterval, RIP damping): the update waits until `untilMs`. */
  | { type: 'update-held'; node: number; untilMs: number }
  /** The node's own health checks failed `checks` times in a row: the cluster marks it unhealthy. */
  | { type: 'health-down'; node: number; checks: number; withdraws: boolean }
  /** Its health checks passed `checks` times in a row: healthy again. */
  | { type: 'health-up'; node: number; checks: number }
  | { type: 'withdraw-sent'; node: number }
  | { type: 'update-received'; node: number; metric: number }
  | { type: 'withdraw-received'; node: number }
  | { type: 'timer-start'; node: number; firesAtMs: number }
  | { type: 'timer-fire'; node: number }
  | { type: 'route-removed'; node: number; reason: RouteRemoval }
  | { type: 'route-flushed'; node: number }
  | { type: 'best-path'; ecmp: number[]; metric: number | null }
  /** `buckets`: the resilient bucket table installed with the set (resilient hashing only). */
  | { type: 'fib-install'; ecmp: number[]; buckets?: number[] }
  | { type: 'buckets-rebalanced'; moved: number; buckets: number[]; forced: boolean }
);

export type AdvertiseReason = 'session' | 'lower' | 'restore' | 'rejoin' | 'drain';
export type SimEventType = SimEvent['type'];

/** One route in the router's RIB, as an inspector shows it at a given time. */
export interface RouteView {
  node: number;
  metric: number;
  /** Last message (keepalive, hello, update) heard from this neighbor. */
  lastHeardMs: number;
  /** When the route expires unless another message arrives; null when it cannot expire. */
  expiresAtMs: number | null;
  /** 'valid': usable; 'garbage': RIP timed out, kept with metric 16 until flushed. */
  status: 'valid' | 'garbage';
  /** Among the lowest-metric routes (before the maximum-paths cut). */
  best: boolean;
  /** In the forwarding table now. */
  inFib: boolean;
  /** The neighbor is down (crashed or cut) but the router still holds its route. */
  stale: boolean;
}

export interface NodeView {
  node: number;
  state: NodeState;
  /** Finer detail: why a node is failed. */
  failure: DownReason | null;
  /** Draining for maintenance: advertising its worst metric until it carries nothing. */
  draining: boolean;
  /** Metric this node currently advertises; null while it advertises nothing. */
  metric: number | null;
  /** When this node's restore wait fires, or null when no wait is running. */
  restoreAtMs: number | null;
  /** This node's view of the active node set (empty while it is down). */
  activeSet: number[];
  health: number;
  /** The cluster's verdict from its health checks (lags `health` by fall / rise checks). */
  markedUnhealthy: boolean;
  /** When the pending health verdict (fall or rise) lands, or null. */
  healthVerdictAtMs: number | null;
}

export interface NodeFigures {
  node: number;
  delivered: number;
  lost: number;
}

/** The figures of INTERFACES.md, accumulated from time 0 to `tMs`. */
export interface Figures {
  tMs: number;
  packetsSent: number;
  packetsDelivered: number;
  packetsLost: number;
  /** Lost because the router had no route at all (every node gone). */
  packetsUnrouted: number;
  /** Flows that were reset or stalled: `flowsReset + flowsStalled`. */
  flowsBroken: number;
  /** Flows whose packet reached a node without their state, or whose state-holding node was lost. */
  flowsReset: number;
  /** Flows that lost packets but were not reset (TCP retransmits and carries on). */
  flowsStalled: number;
  /** Packets the flow receiver steered over the backplane to the flow's processor. */
  packetsSteered: number;
  /** Time during which some flow was hashed to a node that could not deliver it. */
  blackholeMs: number;
  perNode: NodeFigures[];
}

/**
 * One stretch of time during which the data plane did not change (same FIB,
 * same node states). Charts are drawn from these.
 */
export interface Epoch {
  startMs: number;
  endMs: number;
  ecmp: number[];
  /** Packets clients sent in this epoch (counted apart from where they went). */
  packetsSent: number;
  /** Packets sent to each node (index = node − 1) in this epoch. */
  packetsByNode: number[];
  lostByNode: number[];
  unrouted: number;
  /** Flows that became broken (first loss or reset) in this epoch. */
  flowsBroken: number;
  /** Flows reset in this epoch (a stalled flow that is later reset moves from stalled to reset). */
  flowsReset: number;
  /** Packets carried over the backplane in this epoch. */
  packetsSteered: number;
  blackhole: boolean;
}

export interface FibChange {
  tMs: number;
  ecmp: number[];
}

/** Everything a view needs at one moment; unchanged parts keep their identity. */
export interface Snapshot {
  tMs: number;
  nodes: readonly NodeView[];
  routes: readonly RouteView[];
  fib: readonly number[];
  /** Resilient hashing only: next hop (node number) of each bucket. */
  buckets: readonly number[] | null;
}

/** One flow as the forwarding-table inspector draws it. */
export interface FlowSample {
  /** The flow's hash, scaled to [0, 1). */
  position: number;
  /** Node the router sends it to now, or null when there is no route. */
  nextHop: number | null;
  /** Its next hop changed at the last forwarding-table change. */
  moved: boolean;
  /**
   * The node that holds its state (its flow processor), or null when none does
   * (it has not reached a node yet, or the cluster hashes consistently). Under
   * `steering`, when it differs from `nextHop` (the flow receiver) the packets
   * cross the backplane.
   */
  processor: number | null;
}

/**
 * The furthest history seen since the start or the last fork. The logs up to
 * now stop at now, but the timeline, the charts and the event log keep showing
 * what already happened further on, dimmed, so a student can scrub back and
 * forth without losing the story. Replays are deterministic, so the log up to
 * now is always a prefix of this one.
 */
export interface History {
  /** Every event up to `horizonMs`. */
  events: readonly SimEvent[];
  /** Closed epochs up to the horizon, then the open one as it was there. */
  epochs: readonly Epoch[];
  horizonMs: number;
}
