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
import { Draw, hashFromPrefix, hashInts, hashPrefix, uniform } from './rng';
import type { Scenario } from './scenario';
import type { ConnectionState, Hashing } from './types';

const VIP = 0x0a000064; // 10.0.0.100
const CLIENTS = 0xc6120000; // 198.18.0.0/15, the range set aside for benchmarking
const HTTPS = 443;
const TCP = 6;

export interface Flows {
  count: number;
  periodMs: number;
  seed: number;
  connection: ConnectionState;
  long: Uint8Array;
  lifeMs: Float64Array;
  /** Start of a short slot's generation 0 (at or before time 0). */
  offsetMs: Float64Array;
  /** Per slot, the last generation looked at: its number, span, hash and packet phase. */
  cacheGen: Float64Array;
  cacheStart: Float64Array;
  cacheEnd: Float64Array;
  cacheHash: Float64Array;
  cachePhase: Float64Array;
  /** Per slot, its draws' hash state before the generation number (see `hashPrefix`). */
  tuplePrefix: Int32Array;
  phasePrefix: Int32Array;
  /** The long-lived flows' hashes and phases, grouped as the router maps them (built at first use). */
  longFlows: LongFlows | null;
}

const TUPLE = Draw.flowTuple;
const PHASE = Draw.packetPhase;

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
    cacheGen: new Float64Array(count).fill(-1),
    cacheStart: new Float64Array(count),
    cacheEnd: new Float64Array(count),
    cacheHash: new Float64Array(count),
    cachePhase: new Float64Array(count),
    tuplePrefix: new Int32Array(count),
    phasePrefix: new Int32Array(count),
    longFlows: null,
  };
  for (let i = 0; i < count; i++) {
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

/** Put generation g of slot i in the slot's cache: span, router hash of its 5-tuple, packet phase. */
function load(flows: Flows, i: number, g: number): void {
  if (flows.cacheGen[i] === g) return;
  // hashInts(seed, TUPLE, i, g) and uniform(seed, PHASE, i, g), from the slot's prefixes.
  const t = hashFromPrefix(flows.tuplePrefix[i]!, g);
  const srcIp = (CLIENTS | (t & 0x1ffff)) >>> 0;
  const srcPort = 1024 + ((t >>> 17) % 64512);
  flows.cacheGen[i] = g;
  if (flows.long[i]) {
    flows.cacheStart[i] = 0;
    flows.cacheEnd[i] = Number.POSITIVE_INFINITY;
  } else {
    const start = flows.offsetMs[i]! + g * flows.lifeMs[i]!;
    flows.cacheStart[i] = start;
    flows.cacheEnd[i] = start + flows.lifeMs[i]!;
  }
  flows.cacheHash[i] = hashInts(
    flows.seed ^ 0x5bd1e995,
    srcIp,
    VIP,
    ((srcPort << 16) | HTTPS) >>> 0,
    TCP,
  );
  flows.cachePhase[i] = (hashFromPrefix(flows.phasePrefix[i]!, g) / 4294967296) * flows.periodMs;
}

export function flowHash(flows: Flows, i: number, g: number): number {
  load(flows, i, g);
  return flows.cacheHash[i]!;
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
  return {
    startMs: flows.cacheStart[i]!,
    endMs: flows.cacheEnd[i]!,
    firstPacketMs: flows.cacheStart[i]! + flows.cachePhase[i]!,
    hash: flows.cacheHash[i]!,
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
  flows.longFlows ??= longFlowsOf(flows, (i) => flowHash(flows, i, 0));
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
  const m = all.slots;
  const local = flows.connection === 'local';
  const tracksOwner = local || flows.connection === 'steering';
  const plans = epochs.map(plan);
  const count = plans.length;
  const planTo = Float64Array.from(plans, (p) => p.toMs);
  const toQ = Float64Array.from(plans, (p) => p.toMs / flows.periodMs);
  const delivers = (e: SweepEpoch) => (hop: number) => hop === 0 || e.deliverable[hop - 1] === true;
  const clean = Uint8Array.from(epochs, (e) =>
    e.stateLost.length === 0 &&
    e.current.ecmp.every(delivers(e)) &&
    (e.current.hashing !== 'resilient' || e.current.buckets.every(delivers(e)))
      ? 1
      : 0,
  );
  const { cacheGen, cacheStart, cacheEnd, cacheHash, cachePhase, periodMs } = flows;
  // Long-lived flows apart: their packets counted per next hop in aggregate,
  // their state group by group (see `longFlows.ts`).
  sweepLongFlows(flows, longFlows(flows), all, plans, local, tracksOwner);
  // A next packet is taken as not yet due only this far before its time:
  // far above rounding, far below any interval between packets.
  const margin = periodMs * 1e-5;
  for (let i = 0; i < flows.count; i++) {
    if (flows.long[i]) continue;
    const at = i * MARKS;
    // Packets of the slot's generation `g` sent before `knownAt` (valid while g is cached).
    let knownAt = Number.NaN;
    let knownBefore = 0;
    for (let e = 0; e < count; e++) {
      const p = plans[e]!;
      const { fromMs, toMs, result } = p;
      let g = cacheGen[i]!;
      if (!(g >= 0 && fromMs >= cacheStart[i]! && fromMs < cacheEnd[i]!)) {
        g = generationAt(flows, i, fromMs);
        load(flows, i, g);
        knownAt = Number.NaN;
      }
      if (clean[e] === 1 && knownAt === fromMs && cacheEnd[i]! >= toMs) {
        // Step over the clean epochs that end before the generation's next packet.
        const next = cacheStart[i]! + cachePhase[i]! + knownBefore * periodMs - margin;
        if (toMs <= next) {
          let last = e;
          while (last + 1 < count && clean[last + 1] === 1 && planTo[last + 1]! <= next) last++;
          if (cacheEnd[i]! >= planTo[last]!) {
            knownAt = planTo[last]!;
            e = last;
            continue;
          }
        }
      }
      // A crash at the epoch's start loses the state of the flow it held, if still open.
      if (p.stateLost !== null && slotOwner(m, at, g) !== 0 && cacheEnd[i]! > fromMs) {
        if (p.stateLost[slotOwner(m, at, g)] === 1) {
          setSlotOwner(m, at, g, 0);
          if (!slotReset(m, at, g)) {
            markReset(m, at, g);
            result.reset++;
            if (!slotBroken(m, at, g)) result.broken++;
            markBroken(m, at, g);
          }
        }
      }
      for (;;) {
        const end = cacheEnd[i]!;
        const first = cacheStart[i]! + cachePhase[i]!;
        const b = Math.min(toMs, end);
        const a = Math.min(fromMs, end);
        // Packets before b, ceil((b − first) / periodMs), from the epoch's end in
        // periods (one division per epoch, not per flow) unless within rounding
        // of a whole number, where only the division itself is exact.
        let beforeB: number;
        const x = toQ[e]! - first / periodMs;
        const c = Math.ceil(x);
        if (b === toMs && c - x > 1e-5 && c - x < 1 - 1e-5) beforeB = x <= 0 ? 0 : c;
        else beforeB = b <= first ? 0 : Math.ceil((b - first) / periodMs);
        const beforeA =
          a === knownAt ? knownBefore : a <= first ? 0 : Math.ceil((a - first) / periodMs);
        const packets = beforeB - beforeA;
        knownAt = b;
        knownBefore = beforeB;
        result.sent += packets;
        const h = cacheHash[i]!;
        const n = p.n;
        const hop =
          n === 0
            ? 0
            : p.mode === 1
              ? p.hops[Math.floor((h * n) / 4294967296)]!
              : p.mode === 0
                ? p.hops[h % n]!
                : p.buckets[h % p.bucketCount]!;
        let lost = false;
        if (hop === 0) {
          result.unrouted += packets;
          lost = packets > 0;
        } else {
          result.sentByNode[hop - 1]! += packets;
          if (p.up[hop - 1] === 0) {
            result.lostByNode[hop - 1]! += packets;
            lost = packets > 0;
            if (p.span) result.blackhole = true;
          } else if (packets > 0 && tracksOwner) {
            const owner = slotOwner(m, at, g);
            if (owner === 0) {
              setSlotOwner(m, at, g, hop);
            } else if (owner !== hop && local) {
              // The packet reached a node without the flow's state: the node resets it.
              setSlotOwner(m, at, g, hop);
              if (!slotReset(m, at, g)) {
                markReset(m, at, g);
                result.reset++;
                if (!slotBroken(m, at, g)) result.broken++;
                markBroken(m, at, g);
              }
            } else if (owner !== hop) {
              result.steered += packets;
              if (p.serving[owner - 1] === 0) {
                result.lostByNode[hop - 1]! += packets;
                lost = true;
              }
            }
          }
        }
        if (lost && !slotBroken(m, at, g)) {
          result.broken++;
          markBroken(m, at, g);
        }
        if (end >= toMs) break;
        g++;
        load(flows, i, g);
        knownAt = Number.NaN;
      }
    }
  }
  return plans.map((p) => p.result);
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
      const end = flows.cacheEnd[i]!;
      if (end <= sinceMs) break;
      const first = flows.cacheStart[i]! + flows.cachePhase[i]!;
      const y = Math.min(tMs, end);
      if (y > first) {
        const lastPacket = first + (Math.ceil((y - first) / periodMs) - 1) * periodMs;
        const b = flows.cacheHash[i]! % bucketCount;
        if (lastPacket > sinceMs && lastPacket > last[b]!) last[b] = lastPacket;
        break;
      }
      if (flows.long[i]) break;
    }
  }
  return last;
}
