/**
 * Client traffic and its exact accounting.
 *
 * `flows` is the number of concurrent flow slots. A long-lived slot carries one
 * flow for the whole run; a short-lived slot carries a sequence of flows, each
 * with a fresh 5-tuple, back to back. Every flow sends packets at a fixed rate
 * from a seeded phase, so the packets of any flow in any interval are counted
 * in closed form: nothing is sampled, and an hour of 100,000 flows costs one
 * pass over the slots per data-plane change, not one step per packet.
 *
 * Within one epoch (constant forwarding table and node states) every packet of
 * a flow meets the same fate, so one decision per flow per epoch is exact. The
 * rules, per packet, are those of `testing/oracle.ts`, which checks this file
 * packet by packet:
 * - no route: unrouted (lost); a receiver that is down or cannot serve: lost;
 * - `local`: the first node to take a packet holds the flow's state; a packet
 *   that reaches another node resets the flow, and that node holds it from then;
 * - `steering`: a receiver without the state steers the packet over the
 *   backplane to the node that holds it (lost if that node cannot serve);
 * - `consistent`: every node maps the flow to the same backend: no state moves;
 * - a crash loses the node's state: its live flows are reset (local, steering).
 * A flow that lost packets but was not reset is stalled (TCP retransmits).
 */
import { type LongFlows, longFlowsOf, sweepLongFlows } from './longFlows';
import {
  copyFlowMarks,
  type FlowMarks,
  MARKS,
  markBroken,
  markReset,
  setSlotOwner,
  slotBroken,
  slotOwner,
  slotReset,
} from './marks';
import { type TupleTables, tupleHash, tupleHashFrom, tupleTables } from './flowTuple';
import { Draw, hashFromPrefix, hashPrefix, uniform } from './rng';
import type { Scenario } from './scenario';
import type { ConnectionState, Hashing } from './types';

/** From this many slots on, the router's hashes are drawn from tables (see `flowTuple.ts`). */
const TUPLE_TABLES_FROM = 4096;

export interface Flows {
  count: number;
  periodMs: number;
  seed: number;
  connection: ConnectionState;
  long: Uint8Array;
  lifeMs: Float64Array;
  /** Start of a short slot's generation 0 (at or before time 0). */
  offsetMs: Float64Array;
  /**
   * Per slot, the last generation looked at, side by side (`CACHE` numbers a
   * slot, read at once): its number, start, end, first packet and router hash.
   */
  cache: Float64Array;
  /** Per slot, its draws' hash state before the generation number (see `hashPrefix`). */
  tuplePrefix: Int32Array;
  phasePrefix: Int32Array;
  /** Tables for the router's hash of a flow's 5-tuple, in a large run. */
  tuples: TupleTables | null;
  /** The long-lived flows' hashes and phases, grouped as the router maps them (built at first use). */
  longFlows: LongFlows | null;
}

const TUPLE = Draw.flowTuple;
const PHASE = Draw.packetPhase;

const CACHE = 5;
const GEN = 0;
const START = 1;
const END = 2;
const FIRST = 3;
const HASH = 4;

export function createFlows(scenario: Scenario): Flows {
  const { flows: count, packetsPerSecond, longLivedShare, shortFlowMeanMs } = scenario.traffic;
  const seed = scenario.seed;
  const flows: Flows = {
    count,
    periodMs: 1000 / packetsPerSecond,
    seed,
    connection: scenario.cluster.connectionState,
    long: new Uint8Array(count),
    lifeMs: new Float64Array(count),
    offsetMs: new Float64Array(count),
    cache: new Float64Array(count * CACHE),
    tuplePrefix: new Int32Array(count),
    phasePrefix: new Int32Array(count),
    tuples: count >= TUPLE_TABLES_FROM ? tupleTables(seed) : null,
    longFlows: null,
  };
  for (let i = 0; i < count; i++) {
    flows.cache[i * CACHE + GEN] = -1;
    flows.long[i] = uniform(seed, Draw.flowKind, i) < longLivedShare ? 1 : 0;
    // Lifetimes spread evenly over half to one and a half times the mean: an
    // exponential spread would give a few slots thousands of tiny flows each.
    const life = shortFlowMeanMs * (0.5 + uniform(seed, Draw.flowLifetime, i));
    flows.lifeMs[i] = life;
    flows.offsetMs[i] = -uniform(seed, Draw.flowOffset, i) * life;
    flows.tuplePrefix[i] = hashPrefix(seed, TUPLE, i);
    flows.phasePrefix[i] = hashPrefix(seed, PHASE, i);
  }
  return flows;
}

export function generationAt(flows: Flows, i: number, tMs: number): number {
  if (flows.long[i]) return 0;
  return Math.floor((tMs - flows.offsetMs[i]!) / flows.lifeMs[i]!);
}

export function generationStart(flows: Flows, i: number, g: number): number {
  return flows.long[i] ? 0 : flows.offsetMs[i]! + g * flows.lifeMs[i]!;
}

/** Put generation g of slot i in the slot's cache: span, first packet, router hash of its 5-tuple. */
function load(flows: Flows, i: number, g: number): void {
  const c = i * CACHE;
  const cache = flows.cache;
  if (cache[c + GEN] === g) return;
  // hashInts(seed, TUPLE, i, g) and uniform(seed, PHASE, i, g), from the slot's prefixes.
  const start = flows.long[i] ? 0 : flows.offsetMs[i]! + g * flows.lifeMs[i]!;
  cache[c + GEN] = g;
  cache[c + START] = start;
  cache[c + END] = flows.long[i] ? Number.POSITIVE_INFINITY : start + flows.lifeMs[i]!;
  cache[c + FIRST] = firstPacket(flows, i, g, start);
  cache[c + HASH] = routerHash(flows, i, g);
}

/** The router's hash of generation g's 5-tuple (drawn from the slot's prefix). */
function routerHash(flows: Flows, i: number, g: number): number {
  // hashInts(seed, TUPLE, i, g), from the slot's prefix.
  const t = hashFromPrefix(flows.tuplePrefix[i]!, g);
  const tables = flows.tuples;
  return tables === null ? tupleHash(flows.seed, t) : tupleHashFrom(tables, t);
}

/** Generation g's first packet: its start plus a seeded phase within one period. */
function firstPacket(flows: Flows, i: number, g: number, start: number): number {
  // uniform(seed, PHASE, i, g), from the slot's prefix.
  return start + (hashFromPrefix(flows.phasePrefix[i]!, g) / 4294967296) * flows.periodMs;
}

export function flowHash(flows: Flows, i: number, g: number): number {
  load(flows, i, g);
  return flows.cache[i * CACHE + HASH]!;
}

/** One flow (slot i, generation g) as drawn: its span, its first packet and its router hash. */
export interface FlowDraw {
  startMs: number;
  endMs: number;
  firstPacketMs: number;
  hash: number;
}

export function flowDraw(flows: Flows, i: number, g: number): FlowDraw {
  load(flows, i, g);
  const c = i * CACHE;
  return {
    startMs: flows.cache[c + START]!,
    endMs: flows.cache[c + END]!,
    firstPacketMs: flows.cache[c + FIRST]!,
    hash: flows.cache[c + HASH]!,
  };
}

export interface Mapping {
  hashing: Hashing;
  ecmp: readonly number[];
  buckets: Int32Array;
}

export { createFlowMarks, type FlowMarks } from './marks';

/** The long-lived flows in hash order (built at first use). */
export function longFlows(flows: Flows): LongFlows {
  flows.longFlows ??= longFlowsOf(
    flows,
    (i) => flowHash(flows, i, 0),
    (i) => flowDraw(flows, i, 0).firstPacketMs,
  );
  return flows.longFlows;
}

/** The node holding the state of slot i's generation g (its flow processor), or 0. */
export function flowProcessor(flows: Flows, marks: FlowMarks, i: number, g: number): number {
  if (flows.long[i]) return marks.longOwner[longFlows(flows).rank[i]!]!;
  return slotOwner(marks.slots, i * MARKS, g);
}

export interface SweepResult {
  /** Packets clients sent in the interval, counted before any routing decision. */
  sent: number;
  sentByNode: Float64Array;
  lostByNode: Float64Array;
  unrouted: number;
  /** Flows newly broken (reset or stalled for the first time). */
  broken: number;
  /** Flows newly reset. */
  reset: number;
  /** Packets carried over the backplane from their receiver to their flow's processor. */
  steered: number;
  /** Some flow alive in the interval was hashed to a node that could not deliver it. */
  blackhole: boolean;
}

/** One stretch of constant forwarding state to account, as `sweepEpochs` takes it. */
export interface SweepEpoch {
  fromMs: number;
  toMs: number;
  current: Mapping;
  /** Per node: takes packets from the router (alive, link up) and can serve them (healthy). */
  deliverable: readonly boolean[];
  /** Per node: can process a flow it holds (alive and healthy; its link to the router may be down). */
  serving: readonly boolean[];
  /** Nodes that lost their connection state at `fromMs` (crashed). */
  stateLost: readonly number[];
}

export function emptySweepResult(nodes: number): SweepResult {
  return {
    sent: 0,
    sentByNode: new Float64Array(nodes),
    lostByNode: new Float64Array(nodes),
    unrouted: 0,
    broken: 0,
    reset: 0,
    steered: 0,
    blackhole: false,
  };
}

/** Add `r` into `into`: the accounting of two consecutive parts of one epoch. */
export function addSweepResult(into: SweepResult, r: SweepResult): void {
  into.sent += r.sent;
  for (let i = 0; i < into.sentByNode.length; i++) {
    into.sentByNode[i]! += r.sentByNode[i]!;
    into.lostByNode[i]! += r.lostByNode[i]!;
  }
  into.unrouted += r.unrouted;
  into.broken += r.broken;
  into.reset += r.reset;
  into.steered += r.steered;
  into.blackhole ||= r.blackhole;
}

/** An epoch flattened for the hot loop: the rule of `nextHopFor` without calls or strings. */
export interface Plan {
  fromMs: number;
  toMs: number;
  span: boolean;
  /** 0 modulo, 1 hash-threshold, 2 resilient. */
  mode: number;
  hops: Int32Array;
  n: number;
  buckets: Int32Array;
  bucketCount: number;
  up: Uint8Array;
  serving: Uint8Array;
  /** Per node number: lost its connection state at `fromMs`. */
  stateLost: Uint8Array | null;
  result: SweepResult;
}

function plan(e: SweepEpoch): Plan {
  const nodes = e.deliverable.length;
  let stateLost: Uint8Array | null = null;
  for (const node of e.stateLost) {
    stateLost ??= new Uint8Array(nodes + 1);
    if (node >= 1 && node <= nodes) stateLost[node] = 1;
  }
  const { hashing, ecmp, buckets } = e.current;
  return {
    fromMs: e.fromMs,
    toMs: e.toMs,
    span: e.toMs > e.fromMs,
    mode: hashing === 'modulo' ? 0 : hashing === 'hash-threshold' ? 1 : 2,
    hops: Int32Array.from(ecmp),
    n: ecmp.length,
    buckets,
    bucketCount: buckets.length,
    up: Uint8Array.from(e.deliverable, (d) => (d ? 1 : 0)),
    serving: Uint8Array.from(e.serving, (d) => (d ? 1 : 0)),
    stateLost,
    result: emptySweepResult(nodes),
  };
}

/**
 * Account every packet sent in [fromMs, toMs) of each epoch, in order (the
 * epochs are consecutive). With `commit`, `marks` are updated; otherwise they
 * are left as they were. Accounting [a, b) and then [b, c) of one epoch (the
 * second part without `stateLost`) gives what [a, c) gives, so an open epoch
 * is accounted as time goes and only the new part is ever swept.
 *
 * Long-lived flows are taken epoch by epoch in aggregate (`longFlows.ts`).
 * Then one pass over the short-lived slots, each taken through every epoch, so
 * that each generation is drawn once. A flow that sends nothing during a clean epoch
 * (every next hop in the set can deliver, no state lost) is not touched by it:
 * the transients of a failover are mostly epochs shorter than the packet
 * interval, and each flow steps over them to its next packet.
 */
export function sweepEpochs(
  flows: Flows,
  marks: FlowMarks,
  epochs: readonly SweepEpoch[],
  commit: boolean,
): SweepResult[] {
  const all = commit ? marks : copyFlowMarks(marks);
  const local = flows.connection === 'local';
  const tracksOwner = local || flows.connection === 'steering';
  const plans = epochs.map(plan);
  // Long-lived flows apart: their packets counted per next hop in aggregate,
  // their state group by group (see `longFlows.ts`).
  sweepLongFlows(flows, longFlows(flows), all, plans, local, tracksOwner);
  if (plans.length > 0) sweepShortFlows(flows, all.slots, flat(epochs, plans), local, tracksOwner);
  return plans.map((p) => p.result);
}

/**
 * The epochs of one sweep as the short-flow loop reads them: each quantity in
 * one typed array indexed by epoch (per node: epoch × nodes + node − 1), and
 * the results likewise, added into the plans' own at the end.
 */
interface Flat {
  count: number;
  nodes: number;
  fromMs: Float64Array;
  toMs: Float64Array;
  /** toMs in packet periods. */
  toQ: Float64Array;
  span: Uint8Array;
  clean: Uint8Array;
  mode: Uint8Array;
  n: Int32Array;
  /** Where epoch e's next hops start in `hops`. */
  hopsAt: Int32Array;
  hops: Int32Array;
  buckets: Int32Array[];
  up: Uint8Array;
  serving: Uint8Array;
  /** Per epoch: some node lost its state at its start; then per (epoch, node number) in `stateLost`. */
  anyStateLost: Uint8Array;
  stateLost: Uint8Array;
  sent: Float64Array;
  sentByNode: Float64Array;
  lostByNode: Float64Array;
  unrouted: Float64Array;
  broken: Float64Array;
  reset: Float64Array;
  steered: Float64Array;
  blackhole: Uint8Array;
  plans: Plan[];
}

function flat(epochs: readonly SweepEpoch[], plans: Plan[]): Flat {
  const count = plans.length;
  const nodes = plans[0]!.up.length;
  const delivers = (e: SweepEpoch) => (hop: number) => hop === 0 || e.deliverable[hop - 1] === true;
  const hopsAt = new Int32Array(count);
  let total = 0;
  for (let e = 0; e < count; e++) {
    hopsAt[e] = total;
    total += plans[e]!.n;
  }
  const hops = new Int32Array(total);
  const up = new Uint8Array(count * nodes);
  const serving = new Uint8Array(count * nodes);
  const anyStateLost = new Uint8Array(count);
  const stateLost = new Uint8Array(count * (nodes + 1));
  plans.forEach((p, e) => {
    hops.set(p.hops, hopsAt[e]!);
    up.set(p.up, e * nodes);
    serving.set(p.serving, e * nodes);
    if (p.stateLost !== null) {
      anyStateLost[e] = 1;
      stateLost.set(p.stateLost, e * (nodes + 1));
    }
  });
  return {
    count,
    nodes,
    fromMs: Float64Array.from(plans, (p) => p.fromMs),
    toMs: Float64Array.from(plans, (p) => p.toMs),
    toQ: new Float64Array(count),
    span: Uint8Array.from(plans, (p) => (p.span ? 1 : 0)),
    clean: Uint8Array.from(epochs, (e) =>
      e.stateLost.length === 0 &&
      e.current.ecmp.every(delivers(e)) &&
      (e.current.hashing !== 'resilient' || e.current.buckets.every(delivers(e)))
        ? 1
        : 0,
    ),
    mode: Uint8Array.from(plans, (p) => p.mode),
    n: Int32Array.from(plans, (p) => p.n),
    hopsAt,
    hops,
    buckets: plans.map((p) => p.buckets),
    up,
    serving,
    anyStateLost,
    stateLost,
    sent: new Float64Array(count),
    sentByNode: new Float64Array(count * nodes),
    lostByNode: new Float64Array(count * nodes),
    unrouted: new Float64Array(count),
    broken: new Float64Array(count),
    reset: new Float64Array(count),
    steered: new Float64Array(count),
    blackhole: new Uint8Array(count),
    plans,
  };
}

/** Add the short flows' results into the plans' (which hold the long flows'). */
function addFlat(f: Flat): void {
  f.plans.forEach(({ result }, e) => {
    result.sent += f.sent[e]!;
    for (let k = 0; k < f.nodes; k++) {
      result.sentByNode[k]! += f.sentByNode[e * f.nodes + k]!;
      result.lostByNode[k]! += f.lostByNode[e * f.nodes + k]!;
    }
    result.unrouted += f.unrouted[e]!;
    result.broken += f.broken[e]!;
    result.reset += f.reset[e]!;
    result.steered += f.steered[e]!;
    result.blackhole ||= f.blackhole[e] === 1;
  });
}

/**
 * One pass over the short-lived slots, each taken through every epoch, so
 * that each generation is drawn once. A flow that sends nothing during a clean
 * epoch (every next hop in the set can deliver, no state lost) is not touched
 * by it: the transients of a failover are mostly epochs shorter than the
 * packet interval, and each flow steps over them to its next packet.
 */
function sweepShortFlows(
  flows: Flows,
  m: Int32Array,
  f: Flat,
  local: boolean,
  tracksOwner: boolean,
): void {
  // Everything the loop reads, in locals: calls inside it (`load`) would
  // otherwise have the fields read again at every use.
  const { count, nodes, fromMs: from, toMs: to, toQ, clean, up, serving, hops, hopsAt } = f;
  const { sent, sentByNode, lostByNode, unrouted, broken, reset, steered, blackhole } = f;
  const { anyStateLost, stateLost, span, buckets } = f;
  const { cache, periodMs, long } = flows;
  for (let e = 0; e < count; e++) toQ[e] = to[e]! / periodMs;
  // A next packet is taken as not yet due only this far before its time:
  // far above rounding, far below any interval between packets.
  const margin = periodMs * 1e-5;
  for (let i = 0; i < flows.count; i++) {
    if (long[i]) continue;
    const at = i * MARKS;
    const c = i * CACHE;
    // The slot's cached generation, held in locals (reread after each load).
    let g = cache[c + GEN]!;
    let start = cache[c + START]!;
    let end = cache[c + END]!;
    let first = cache[c + FIRST]!;
    let firstQ = first / periodMs;
    let h = cache[c + HASH]!;
    // The node holding generation g's state, as the marks say (kept in step with them).
    let owner = slotOwner(m, at, g);
    // Packets of generation `g` sent before `knownAt` (valid while g is cached).
    let knownAt = Number.NaN;
    let knownBefore = 0;
    for (let e = 0; e < count; e++) {
      const fromMs = from[e]!;
      const toMs = to[e]!;
      if (!(g >= 0 && fromMs >= start && fromMs < end)) {
        g = generationAt(flows, i, fromMs);
        load(flows, i, g);
        start = cache[c + START]!;
        end = cache[c + END]!;
        first = cache[c + FIRST]!;
        firstQ = first / periodMs;
        h = cache[c + HASH]!;
        owner = slotOwner(m, at, g);
        knownAt = Number.NaN;
      }
      if (clean[e] === 1 && knownAt === fromMs && end >= toMs) {
        // Step over the clean epochs that end before the generation's next packet.
        const next = first + knownBefore * periodMs - margin;
        if (toMs <= next) {
          let last = e;
          while (last + 1 < count && clean[last + 1] === 1 && to[last + 1]! <= next) last++;
          if (end >= to[last]!) {
            knownAt = to[last]!;
            e = last;
            continue;
          }
        }
      }
      // A crash at the epoch's start loses the state of the flow it held, if still open.
      if (anyStateLost[e] === 1 && end > fromMs) {
        if (owner !== 0 && stateLost[e * (nodes + 1) + owner] === 1) {
          setSlotOwner(m, at, g, 0);
          owner = 0;
          if (!slotReset(m, at, g)) {
            markReset(m, at, g);
            reset[e]!++;
            if (!slotBroken(m, at, g)) broken[e]!++;
            markBroken(m, at, g);
          }
        }
      }
      const n = f.n[e]!;
      const mode = f.mode[e]!;
      const hopBase = hopsAt[e]!;
      const table = buckets[e]!;
      const row = e * nodes - 1;
      for (;;) {
        const b = Math.min(toMs, end);
        const a = Math.min(fromMs, end);
        // Packets before b, ceil((b − first) / periodMs), from the epoch's end in
        // periods (one division per epoch, not per flow) unless within rounding
        // of a whole number, where only the division itself is exact.
        let beforeB: number;
        const x = toQ[e]! - firstQ;
        const q = Math.ceil(x);
        if (b === toMs && q - x > 1e-5 && q - x < 1 - 1e-5) beforeB = x <= 0 ? 0 : q;
        else beforeB = b <= first ? 0 : Math.ceil((b - first) / periodMs);
        const beforeA =
          a === knownAt ? knownBefore : a <= first ? 0 : Math.ceil((a - first) / periodMs);
        const packets = beforeB - beforeA;
        knownAt = b;
        knownBefore = beforeB;
        sent[e]! += packets;
        const hop = n === 0 ? 0 : hopOf(mode, hops, hopBase, n, table, h);
        let lost = false;
        if (hop === 0) {
          unrouted[e]! += packets;
          lost = packets > 0;
        } else {
          sentByNode[row + hop]! += packets;
          if (up[row + hop] === 0) {
            lostByNode[row + hop]! += packets;
            lost = packets > 0;
            if (span[e] === 1) blackhole[e] = 1;
          } else if (packets > 0 && tracksOwner) {
            if (owner === 0) {
              setSlotOwner(m, at, g, hop);
              owner = hop;
            } else if (owner !== hop && local) {
              // The packet reached a node without the flow's state: the node resets it.
              setSlotOwner(m, at, g, hop);
              owner = hop;
              if (!slotReset(m, at, g)) {
                markReset(m, at, g);
                reset[e]!++;
                if (!slotBroken(m, at, g)) broken[e]!++;
                markBroken(m, at, g);
              }
            } else if (owner !== hop) {
              steered[e]! += packets;
              if (serving[row + owner] === 0) {
                lostByNode[row + hop]! += packets;
                lost = true;
              }
            }
          }
        }
        if (lost && !slotBroken(m, at, g)) {
          broken[e]!++;
          markBroken(m, at, g);
        }
        if (end >= toMs) break;
        // Generations born and ended inside a clean epoch: every packet of each
        // reaches its one next hop, which takes and keeps its state; nothing
        // about them outlives the epoch but their packets.
        if (clean[e] === 1 && n > 0) {
          g = countBornAndEnded(flows, i, g, toMs, mode, hops, hopBase, n, table, row, f, e);
        }
        g++;
        load(flows, i, g);
        start = cache[c + START]!;
        end = cache[c + END]!;
        first = cache[c + FIRST]!;
        firstQ = first / periodMs;
        h = cache[c + HASH]!;
        owner = slotOwner(m, at, g);
        knownAt = Number.NaN;
      }
    }
  }
  addFlat(f);
}

/**
 * The generations of slot i after g born and ended inside clean epoch e
 * (before `toMs`): their packets, added to the epoch's. Returns the last one.
 * A function of its own: it runs once per generation, and the sweep's body is
 * past the size up to which the compiler inlines the draws into it.
 */
function countBornAndEnded(
  flows: Flows,
  i: number,
  g: number,
  toMs: number,
  mode: number,
  hops: Int32Array,
  hopBase: number,
  n: number,
  table: Int32Array,
  row: number,
  f: Flat,
  e: number,
): number {
  const life = flows.lifeMs[i]!;
  const offset = flows.offsetMs[i]!;
  const { periodMs } = flows;
  const { sentByNode, up } = f;
  let total = 0;
  for (;;) {
    const bornMs = offset + (g + 1) * life;
    if (bornMs + life >= toMs) break;
    const hash = routerHash(flows, i, g + 1);
    const next = hopOf(mode, hops, hopBase, n, table, hash);
    if (next === 0 || up[row + next] === 0) break;
    g++;
    const firstMs = firstPacket(flows, i, g, bornMs);
    const diedMs = bornMs + life;
    const packets = diedMs <= firstMs ? 0 : Math.ceil((diedMs - firstMs) / periodMs);
    total += packets;
    sentByNode[row + next]! += packets;
  }
  f.sent[e]! += total;
  return g;
}

/**
 * The next hop of hash `h` in an epoch's ECMP set of `n` (from `hops` at
 * `hopBase`) as `hashing.ts` maps it: mode 1 hash-threshold, 0 modulo, 2 the
 * resilient bucket table.
 */
function hopOf(
  mode: number,
  hops: Int32Array,
  hopBase: number,
  n: number,
  table: Int32Array,
  h: number,
): number {
  if (mode === 1) return hops[hopBase + Math.floor((h * n) / 4294967296)]!;
  if (mode === 0) return hops[hopBase + (h % n)]!;
  return table[h % table.length]!;
}

/**
 * For each resilient bucket, the time of the last packet hashed onto it in
 * (sinceMs, tMs), or −Infinity when none: what the router's idle timer reads.
 */
export function bucketLastUseMs(
  flows: Flows,
  bucketCount: number,
  sinceMs: number,
  tMs: number,
): Float64Array {
  const last = new Float64Array(bucketCount).fill(Number.NEGATIVE_INFINITY);
  const { periodMs } = flows;
  for (let i = 0; i < flows.count; i++) {
    // The latest generation that sent before tMs, looking back no further than sinceMs.
    for (let g = generationAt(flows, i, tMs); g >= 0; g--) {
      load(flows, i, g);
      const c = i * CACHE;
      const end = flows.cache[c + END]!;
      if (end <= sinceMs) break;
      const first = flows.cache[c + FIRST]!;
      const y = Math.min(tMs, end);
      if (y > first) {
        const lastPacket = first + (Math.ceil((y - first) / periodMs) - 1) * periodMs;
        const b = flows.cache[c + HASH]! % bucketCount;
        if (lastPacket > sinceMs && lastPacket > last[b]!) last[b] = lastPacket;
        break;
      }
      if (flows.long[i]) break;
    }
  }
  return last;
}
