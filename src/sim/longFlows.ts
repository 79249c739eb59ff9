/**
 * Long-lived flows, accounted without visiting them one by one.
 *
 * Packets. A long-lived flow sends from its phase p (in [0, period)) for the
 * whole run, so before time t it has sent c(p, t) = ⌈(t − p) / period⌉ packets
 * (0 when t ≤ p), the formula `sweepEpochs` uses per flow. For a fixed t, c
 * falls as p grows (each step of the float arithmetic is monotone), and across
 * one period of phases it takes at most three values. So over a group of flows
 * with their phases sorted, the sum of c is a few binary searches: exactly what
 * adding the flows one at a time gives. The router sends every flow with the
 * same key to the same next hop (the region of its hash under hash-threshold,
 * the residue under modulo, the bucket under resilient hashing), so an epoch's
 * packets per next hop are a sum over its groups.
 *
 * State. Each flow's state (the node holding it, broken, reset) lives in
 * `FlowMarks`' long-flow arrays, numbered in hash order. An epoch walks its
 * groups; within one, every flow has the same receiver, and a flow whose
 * receiver takes its packets and already holds its state (or, without
 * connection state, simply takes them) is passed with one comparison. Under
 * hash-threshold a group is a run of flow numbers, read in memory order.
 */
import { type FlowMarks, LONG_BROKEN, LONG_RESET } from './marks';
import { hashFromPrefix } from './rng';
import type { Flows, Plan, SweepResult } from './traffic';

const HASH_SPACE = 4294967296;
/** Flow numbers fit below this, so a 32-bit key and a flow number pack exactly into one double. */
const PACK = 2 ** 21;

/**
 * Long-lived flows grouped by one key: group k holds positions
 * `starts[k]..starts[k+1]` of `phases` (sorted within the group) and of
 * `members` (the flows, in hash order within the group).
 */
export interface LongGroups {
  starts: Int32Array;
  phases: Float64Array;
  members: Int32Array;
  /** The members are the positions themselves (`members` unused). */
  identity: boolean;
}

const IDENTITY = new Int32Array(0);

/** 0 modulo, 1 hash-threshold, 2 resilient (as `sweepEpochs` numbers them). */
type KeyMode = 0 | 1 | 2;

function groupKey(mode: KeyMode, size: number, hash: number): number {
  return mode === 1 ? Math.floor((hash * size) / HASH_SPACE) : hash % size;
}

/**
 * The long-lived flows, numbered j in hash order: the flows of a hash-threshold
 * region are consecutive numbers, so a sweep over a region reads memory in order.
 */
export interface LongFlows {
  slots: Int32Array;
  hashes: Float64Array;
  phases: Float64Array;
  /** The flows' hashes and phases in phase order (read in order when grouping). */
  hashesByPhase: Float64Array;
  phasesByPhase: Float64Array;
  cache: Map<string, LongGroups>;
  /** Flows held in `cache`'s groupings, to bound its memory. */
  cached: number;
  /** Per slot, its long-lived flow's number, or −1. */
  rank: Int32Array;
}

/** Hold at most this many flows in groupings (12 bytes each). */
const CACHE_FLOWS = 8_000_000;

/** Flows ordered by a 32-bit key per flow (ties in flow order). */
function orderBy(keys: Float64Array): Int32Array {
  // Typed-array loops, not `from` with a mapping function: many times faster.
  const packed = new Float64Array(keys.length);
  for (let j = 0; j < keys.length; j++) packed[j] = keys[j]! * PACK + j;
  packed.sort();
  const order = new Int32Array(keys.length);
  for (let j = 0; j < keys.length; j++) order[j] = packed[j]! % PACK;
  return order;
}

/** The long-lived flows of `flows`, with `hashOf(i)` and `phaseOf(i)` the router hash and packet phase of slot i's flow. */
export function longFlowsOf(
  flows: Flows,
  hashOf: (i: number) => number,
  phaseOf: (i: number) => number,
): LongFlows {
  let count = 0;
  for (let i = 0; i < flows.count; i++) count += flows.long[i]!;
  const bySlot = new Int32Array(count);
  const slotHashes = new Float64Array(count);
  for (let i = 0, k = 0; i < flows.count; i++) {
    if (!flows.long[i]) continue;
    bySlot[k] = i;
    slotHashes[k++] = hashOf(i);
  }
  const order = orderBy(slotHashes);
  const slots = new Int32Array(count);
  const hashes = new Float64Array(count);
  const phases = new Float64Array(count);
  const phaseDraws = new Float64Array(count);
  const rank = new Int32Array(flows.count).fill(-1);
  for (let j = 0; j < count; j++) {
    const i = bySlot[order[j]!]!;
    slots[j] = i;
    rank[i] = j;
    hashes[j] = slotHashes[order[j]!]!;
    phases[j] = phaseOf(i);
    // The phase is this 32-bit draw scaled (see `load` in traffic.ts): the same order.
    phaseDraws[j] = hashFromPrefix(flows.phasePrefix[i]!, 0);
  }
  const byPhase = orderBy(phaseDraws);
  const hashesByPhase = new Float64Array(count);
  const phasesByPhase = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    hashesByPhase[k] = hashes[byPhase[k]!]!;
    phasesByPhase[k] = phases[byPhase[k]!]!;
  }
  return { slots, hashes, phases, hashesByPhase, phasesByPhase, cache: new Map(), cached: 0, rank };
}

/** The flows grouped by `groupKey(mode, size, hash)`, `size` groups (cached). */
function longGroups(long: LongFlows, mode: KeyMode, size: number): LongGroups {
  const name = `${mode}/${size}`;
  const hit = long.cache.get(name);
  if (hit) {
    // Most recently used last, so eviction takes the oldest.
    long.cache.delete(name);
    long.cache.set(name, hit);
    return hit;
  }
  const { hashes, hashesByPhase, phasesByPhase } = long;
  const count = hashes.length;
  // One loop per helper: a loop inside one long function is compiled on its
  // own (on-stack replacement), and that code left at each of the function's
  // later loops for the interpreter on every call.
  const starts = groupStarts(hashes, mode, size);
  // Stable counting sorts: visited in phase (hash) order, each group comes out in that order.
  const grouped = new Float64Array(count);
  fillGrouped(grouped, phasesByPhase, hashesByPhase, starts.slice(0, size), mode, size);
  // Hash-threshold regions are runs of flow numbers already.
  let members = IDENTITY;
  if (mode !== 1) {
    members = new Int32Array(count);
    fillMembers(members, hashes, starts.slice(0, size), mode, size);
  }
  const groups = { starts, phases: grouped, members, identity: mode === 1 };
  while (long.cached + count > CACHE_FLOWS && long.cache.size > 0) {
    const [oldest, old] = long.cache.entries().next().value!;
    long.cache.delete(oldest);
    long.cached -= old.phases.length;
  }
  long.cache.set(name, groups);
  long.cached += count;
  return groups;
}

/** Where each group starts in hash order: counts of flows per group, summed. */
function groupStarts(hashes: Float64Array, mode: KeyMode, size: number): Int32Array {
  const starts = new Int32Array(size + 1);
  for (let j = 0; j < hashes.length; j++) starts[groupKey(mode, size, hashes[j]!) + 1]!++;
  return sumUp(starts);
}

function sumUp(counts: Int32Array): Int32Array {
  for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
  return counts;
}

/** The phases, group by group, each group in phase order. */
function fillGrouped(
  grouped: Float64Array,
  phasesByPhase: Float64Array,
  hashesByPhase: Float64Array,
  fill: Int32Array,
  mode: KeyMode,
  size: number,
): void {
  for (let k = 0; k < phasesByPhase.length; k++) {
    grouped[fill[groupKey(mode, size, hashesByPhase[k]!)]!++] = phasesByPhase[k]!;
  }
}

/** The flow numbers, group by group, each group in hash order. */
function fillMembers(
  members: Int32Array,
  hashes: Float64Array,
  fill: Int32Array,
  mode: KeyMode,
  size: number,
): void {
  for (let j = 0; j < hashes.length; j++) members[fill[groupKey(mode, size, hashes[j]!)]!++] = j;
}

/** How an epoch's next hops group the flows: its key mode and number of groups. */
function keying(p: Plan): [KeyMode, number] {
  if (p.n === 0) return [0, 1];
  return p.mode === 2 ? [2, p.bucketCount] : [p.mode === 1 ? 1 : 0, p.n];
}

/** The next hop of group k in the epoch (0: no route). */
function groupHop(p: Plan, k: number): number {
  if (p.n === 0) return 0;
  return p.mode === 2 ? p.buckets[k]! : p.hops[k]!;
}

/** c(p, t): packets a long-lived flow of phase p has sent before t. */
function before(p: number, t: number, periodMs: number): number {
  return t <= p ? 0 : Math.ceil((t - p) / periodMs);
}

/** Σ c(p, t) over the sorted phases in [from, to). */
export function packetsBefore(
  phases: Float64Array,
  from: number,
  to: number,
  t: number,
  periodMs: number,
): number {
  if (to <= from) return 0;
  const most = before(phases[from]!, t, periodMs);
  const least = before(phases[to - 1]!, t, periodMs);
  let sum = (to - from) * least;
  // For each value v above the least, the phases with c ≥ v are a prefix.
  for (let v = least + 1; v <= most; v++) {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(phases[mid]!, t, periodMs) >= v) lo = mid + 1;
      else hi = mid;
    }
    sum += lo - from;
  }
  return sum;
}

/**
 * Add the long-lived flows' packets in [fromMs, toMs) to the epoch's result:
 * sent, per receiving node, lost at a receiver that cannot take them, and
 * unrouted; and the black hole if any of them is hashed to such a receiver.
 */
function accountPackets(long: LongFlows, p: Plan, periodMs: number): void {
  const [mode, size] = keying(p);
  const { starts, phases } = longGroups(long, mode, size);
  const r = p.result;
  for (let k = 0; k < size; k++) {
    const from = starts[k]!;
    const to = starts[k + 1]!;
    if (to === from) continue;
    const packets =
      packetsBefore(phases, from, to, p.toMs, periodMs) -
      packetsBefore(phases, from, to, p.fromMs, periodMs);
    const hop = groupHop(p, k);
    r.sent += packets;
    if (hop === 0) {
      r.unrouted += packets;
      continue;
    }
    r.sentByNode[hop - 1]! += packets;
    if (p.up[hop - 1] === 0) {
      r.lostByNode[hop - 1]! += packets;
      if (p.span) r.blackhole = true;
    }
  }
}

/**
 * Epoch p's effect on the state of the long-lived flows [from, to) of one group
 * (or `members[from..to)`), all sent to `hop`: the rules of `sweepEpochs` for
 * a generation that never ends.
 */
function sweepGroup(
  flows: Flows,
  long: LongFlows,
  m: FlowMarks,
  p: Plan,
  hop: number,
  members: Int32Array | null,
  from: number,
  to: number,
  local: boolean,
  tracksOwner: boolean,
): void {
  const takes = hop !== 0 && p.up[hop - 1] === 1;
  if (takes && !tracksOwner) return;
  const { longOwner: owners, longFlags: flags } = m;
  const { phases } = long;
  const { periodMs } = flows;
  const { fromMs, toMs, result } = p;
  for (let q = from; q < to; q++) {
    const j = members === null ? q : members[q]!;
    const owner = owners[j]!;
    if (takes ? owner === hop : (flags[j]! & LONG_BROKEN) !== 0) continue;
    const first = phases[j]!;
    const packets = before(first, toMs, periodMs) - before(first, fromMs, periodMs);
    if (packets === 0) continue;
    let lost = !takes;
    if (takes && owner === 0) owners[j] = hop;
    else if (takes && local) {
      // The packet reached a node without the flow's state: the node resets it.
      owners[j] = hop;
      if ((flags[j]! & LONG_RESET) === 0) {
        result.reset++;
        if ((flags[j]! & LONG_BROKEN) === 0) result.broken++;
        flags[j] = LONG_RESET | LONG_BROKEN;
      }
    } else if (takes) {
      result.steered += packets;
      if (p.serving[owner - 1] === 0) {
        result.lostByNode[hop - 1]! += packets;
        lost = true;
      }
    }
    if (lost && (flags[j]! & LONG_BROKEN) === 0) {
      result.broken++;
      flags[j] = flags[j]! | LONG_BROKEN;
    }
  }
}

/** A crash at the epoch's start loses the state of the flows the node held. */
function loseState(m: FlowMarks, lost: Uint8Array, result: SweepResult): void {
  const { longOwner: owners, longFlags: flags } = m;
  for (let j = 0; j < owners.length; j++) {
    if (lost[owners[j]!] !== 1) continue;
    owners[j] = 0;
    if ((flags[j]! & LONG_RESET) === 0) {
      result.reset++;
      if ((flags[j]! & LONG_BROKEN) === 0) result.broken++;
      flags[j] = LONG_RESET | LONG_BROKEN;
    }
  }
}

/**
 * Account the long-lived flows through the epochs, in order: their packets in
 * aggregate, and each flow's state group by group.
 */
export function sweepLongFlows(
  flows: Flows,
  long: LongFlows,
  m: FlowMarks,
  plans: readonly Plan[],
  local: boolean,
  tracksOwner: boolean,
): void {
  if (long.hashes.length === 0) return;
  for (const p of plans) {
    accountPackets(long, p, flows.periodMs);
    if (p.stateLost !== null) loseState(m, p.stateLost, p.result);
    const [mode, size] = keying(p);
    const { starts, members, identity } = longGroups(long, mode, size);
    const list = identity ? null : members;
    for (let k = 0; k < size; k++) {
      const hop = groupHop(p, k);
      sweepGroup(flows, long, m, p, hop, list, starts[k]!, starts[k + 1]!, local, tracksOwner);
    }
  }
}
