/**
 * Client traffic and its exact accounting.
 *
 * `flows` is the number of concurrent flow slots. A long-lived slot carries one
 * flow for the whole run; a short-lived slot carries a sequence of flows, each
 * with a fresh 5-tuple, back to back. Every flow sends packets at a fixed rate
 * from a seeded phase, so the packets of any flow in any interval are counted
 * in closed form: nothing is sampled, and an hour of 100,000 flows costs one
 * pass over the slots per data-plane change, not one step per packet.
 */
import { Draw, hashInts, uniform } from './rng';
import type { Scenario } from './scenario';
import type { Hashing } from './types';

const VIP = 0x0a000064; // 10.0.0.100
const CLIENTS = 0xc6120000; // 198.18.0.0/15, the range set aside for benchmarking
const HTTPS = 443;
const TCP = 6;

export interface Flows {
  count: number;
  periodMs: number;
  seed: number;
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
}

// Local aliases: the hot loops below call these millions of times.
const hash = hashInts;
const unit = uniform;
const TUPLE = Draw.flowTuple;
const PHASE = Draw.packetPhase;

export function createFlows(scenario: Scenario): Flows {
  const { flows: count, packetsPerSecond, longLivedShare, shortFlowMeanMs } = scenario.traffic;
  const seed = scenario.seed;
  const flows: Flows = {
    count,
    periodMs: 1000 / packetsPerSecond,
    seed,
    long: new Uint8Array(count),
    lifeMs: new Float64Array(count),
    offsetMs: new Float64Array(count),
    cacheGen: new Float64Array(count).fill(-1),
    cacheStart: new Float64Array(count),
    cacheEnd: new Float64Array(count),
    cacheHash: new Float64Array(count),
    cachePhase: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    flows.long[i] = uniform(seed, Draw.flowKind, i) < longLivedShare ? 1 : 0;
    // Lifetimes spread evenly over half to one and a half times the mean: an
    // exponential spread would give a few slots thousands of tiny flows each.
    const life = shortFlowMeanMs * (0.5 + uniform(seed, Draw.flowLifetime, i));
    flows.lifeMs[i] = life;
    flows.offsetMs[i] = -uniform(seed, Draw.flowOffset, i) * life;
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
  const t = hash(flows.seed, TUPLE, i, g);
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
  flows.cacheHash[i] = hash(
    flows.seed ^ 0x5bd1e995,
    srcIp,
    VIP,
    ((srcPort << 16) | HTTPS) >>> 0,
    TCP,
  );
  flows.cachePhase[i] = unit(flows.seed, PHASE, i, g) * flows.periodMs;
}

export function flowHash(flows: Flows, i: number, g: number): number {
  load(flows, i, g);
  return flows.cacheHash[i]!;
}

/** Packets the cached generation of slot i sends before time x. */
function packetsBefore(flows: Flows, i: number, x: number): number {
  const first = flows.cacheStart[i]! + flows.cachePhase[i]!;
  const end = flows.cacheEnd[i]!;
  const y = Math.min(x, end);
  return y <= first ? 0 : Math.ceil((y - first) / flows.periodMs);
}

export interface Mapping {
  hashing: Hashing;
  ecmp: readonly number[];
  buckets: Int32Array;
}

export interface SweepResult {
  sentByNode: Float64Array;
  lostByNode: Float64Array;
  unrouted: number;
  broken: number;
  /** Some flow alive in the interval was hashed to a node that could not deliver it. */
  blackhole: boolean;
}

/**
 * Account every packet sent in [fromMs, toMs) under one mapping. When `next` is
 * given, the mapping changes at `toMs`: live flows whose next hop changes break.
 * With `commit`, flows found broken are remembered in `brokenGen`.
 */
/** A mapping flattened for the hot loop: the same rule as `nextHopFor`, without calls. */
function flatten(m: Mapping) {
  return {
    mode: m.hashing === 'modulo' ? 0 : m.hashing === 'hash-threshold' ? 1 : 2,
    hops: Int32Array.from(m.ecmp),
    n: m.ecmp.length,
    buckets: m.buckets,
  };
}

function hopIn(f: ReturnType<typeof flatten>, h: number): number {
  if (f.n === 0) return 0;
  if (f.mode === 1) return f.hops[Math.floor((h * f.n) / 4294967296)]!;
  if (f.mode === 0) return f.hops[h % f.n]!;
  return f.buckets[h % f.buckets.length]!;
}

/** One stretch of constant forwarding state to account, as `sweepEpochs` takes it. */
export interface SweepEpoch {
  fromMs: number;
  toMs: number;
  current: Mapping;
  /** The mapping that takes over at `toMs`, or null when only node states change. */
  next: Mapping | null;
  deliverable: readonly boolean[];
}

/**
 * Account every packet sent in [fromMs, toMs) under one mapping. When `next` is
 * given, the mapping changes at `toMs`: live flows whose next hop changes break.
 * With `commit`, flows found broken are remembered in `brokenGen`.
 */
export function sweep(
  flows: Flows,
  brokenGen: Int32Array,
  deliverable: readonly boolean[],
  fromMs: number,
  toMs: number,
  current: Mapping,
  next: Mapping | null,
  commit: boolean,
): SweepResult {
  return sweepEpochs(flows, brokenGen, [{ fromMs, toMs, current, next, deliverable }], commit)[0]!;
}

/**
 * `sweep` over consecutive epochs at once: one pass over the flows, each flow
 * taken through every epoch in order, which keeps its data at hand instead of
 * streaming all flows through memory once per epoch.
 */
export function sweepEpochs(
  flows: Flows,
  brokenGen: Int32Array,
  epochs: readonly SweepEpoch[],
  commit: boolean,
): SweepResult[] {
  const plans = epochs.map((e) => {
    const now = flatten(e.current);
    return {
      fromMs: e.fromMs,
      toMs: e.toMs,
      span: e.toMs > e.fromMs,
      mode: now.mode,
      n: now.n,
      hops: now.hops,
      buckets: now.buckets,
      bucketCount: now.buckets.length,
      now,
      upcoming: e.next ? flatten(e.next) : null,
      up: Uint8Array.from(e.deliverable, (d) => (d ? 1 : 0)),
      result: {
        sentByNode: new Float64Array(e.deliverable.length),
        lostByNode: new Float64Array(e.deliverable.length),
        unrouted: 0,
        broken: 0,
        blackhole: false,
      } as SweepResult,
    };
  });
  const { cacheGen, cacheStart, cacheEnd, cacheHash, cachePhase, periodMs } = flows;
  for (let i = 0; i < flows.count; i++) {
    for (const plan of plans) {
      const { fromMs, toMs, span, mode, n, hops, buckets, bucketCount, up, result } = plan;
      let g: number;
      if (cacheGen[i]! >= 0 && fromMs >= cacheStart[i]! && fromMs < cacheEnd[i]!) g = cacheGen[i]!;
      else {
        g = generationAt(flows, i, fromMs);
        load(flows, i, g);
      }
      for (;;) {
        const end = cacheEnd[i]!;
        const first = cacheStart[i]! + cachePhase[i]!;
        const b = Math.min(toMs, end);
        const a = Math.min(fromMs, end);
        const packets =
          (b <= first ? 0 : Math.ceil((b - first) / periodMs)) -
          (a <= first ? 0 : Math.ceil((a - first) / periodMs));
        const h = cacheHash[i]!;
        // Inlined `hopIn(now, h)`: this runs once per flow per data-plane change.
        const hop =
          n === 0
            ? 0
            : mode === 1
              ? hops[Math.floor((h * n) / 4294967296)]!
              : mode === 0
                ? hops[h % n]!
                : buckets[h % bucketCount]!;
        let lostAny = false;
        if (hop === 0) {
          result.unrouted += packets;
          lostAny = packets > 0;
        } else {
          result.sentByNode[hop - 1]! += packets;
          if (up[hop - 1] === 0) {
            result.lostByNode[hop - 1]! += packets;
            lostAny = packets > 0;
            if (span) result.blackhole = true;
          }
        }
        if (lostAny && brokenGen[i] !== g) {
          result.broken++;
          if (commit) brokenGen[i] = g;
        }
        if (end >= toMs) break;
        g++;
        load(flows, i, g);
      }
      const upcoming = plan.upcoming;
      if (upcoming && cacheStart[i]! < toMs && cacheEnd[i]! > toMs && brokenGen[i] !== g) {
        // A live flow whose next hop changes breaks; one that has sent nothing yet holds no state.
        const h = cacheHash[i]!;
        const before = hopIn(plan.now, h);
        const after = hopIn(upcoming, h);
        if (before !== 0 && after !== 0 && before !== after && packetsBefore(flows, i, toMs) > 0) {
          result.broken++;
          if (commit) brokenGen[i] = g;
        }
      }
    }
  }
  return plans.map((p) => p.result);
}
