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
import { nextHopFor } from './hashing';
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
  cacheGen: Float64Array;
  cacheHash: Float64Array;
  cachePhase: Float64Array;
}

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
    cacheHash: new Float64Array(count),
    cachePhase: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    flows.long[i] = uniform(seed, Draw.flowKind, i) < longLivedShare ? 1 : 0;
    // Exponential lifetimes, clamped so that no flow is absurdly short or long.
    const u = uniform(seed, Draw.flowLifetime, i);
    const life = Math.min(Math.max(-Math.log(1 - u) * shortFlowMeanMs, 100), 20 * shortFlowMeanMs);
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

function generationEnd(flows: Flows, i: number, g: number): number {
  return flows.long[i] ? Number.POSITIVE_INFINITY : flows.offsetMs[i]! + (g + 1) * flows.lifeMs[i]!;
}

/** A flow's 5-tuple, as clients would open it. */
export function flowTuple(flows: Flows, i: number, g: number) {
  const t = hashInts(flows.seed, Draw.flowTuple, i, g);
  return {
    srcIp: (CLIENTS | (t & 0x1ffff)) >>> 0,
    srcPort: 1024 + ((t >>> 17) % 64512),
    dstIp: VIP,
    dstPort: HTTPS,
    protocol: TCP,
  };
}

/** The router's hash of a flow's 5-tuple, and the flow's packet phase (both cached). */
function load(flows: Flows, i: number, g: number): void {
  if (flows.cacheGen[i] === g) return;
  const tuple = flowTuple(flows, i, g);
  flows.cacheGen[i] = g;
  flows.cacheHash[i] = hashInts(
    flows.seed ^ 0x5bd1e995,
    tuple.srcIp,
    tuple.dstIp,
    ((tuple.srcPort << 16) | tuple.dstPort) >>> 0,
    tuple.protocol,
  );
  flows.cachePhase[i] = uniform(flows.seed, Draw.packetPhase, i, g) * flows.periodMs;
}

export function flowHash(flows: Flows, i: number, g: number): number {
  load(flows, i, g);
  return flows.cacheHash[i]!;
}

/** Packets flow (i, g) sends before time x. Call `load` first. */
function packetsBefore(flows: Flows, i: number, g: number, x: number): number {
  const first = generationStart(flows, i, g) + flows.cachePhase[i]!;
  const y = Math.min(x, generationEnd(flows, i, g));
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
  const nodes = deliverable.length;
  const result: SweepResult = {
    sentByNode: new Float64Array(nodes),
    lostByNode: new Float64Array(nodes),
    unrouted: 0,
    broken: 0,
    blackhole: false,
  };
  const { hashing, ecmp, buckets } = current;
  for (let i = 0; i < flows.count; i++) {
    let g = generationAt(flows, i, fromMs);
    for (; generationStart(flows, i, g) < toMs; g++) {
      load(flows, i, g);
      const packets =
        toMs > fromMs ? packetsBefore(flows, i, g, toMs) - packetsBefore(flows, i, g, fromMs) : 0;
      const hop = nextHopFor(hashing, flows.cacheHash[i]!, ecmp, buckets);
      let lostAny = false;
      if (hop === 0) {
        result.unrouted += packets;
        lostAny = packets > 0;
      } else {
        result.sentByNode[hop - 1]! += packets;
        if (!deliverable[hop - 1]) {
          result.lostByNode[hop - 1]! += packets;
          lostAny = packets > 0;
          if (toMs > fromMs) result.blackhole = true;
        }
      }
      if (lostAny && brokenGen[i] !== g) {
        result.broken++;
        if (commit) brokenGen[i] = g;
      }
      if (flows.long[i]) break;
    }
    if (next) breakMovedFlow(flows, brokenGen, i, toMs, current, next, commit, result);
  }
  return result;
}

function breakMovedFlow(
  flows: Flows,
  brokenGen: Int32Array,
  i: number,
  atMs: number,
  current: Mapping,
  next: Mapping,
  commit: boolean,
  result: SweepResult,
): void {
  const g = generationAt(flows, i, atMs);
  if (brokenGen[i] === g) return;
  load(flows, i, g);
  // A flow that has sent nothing yet holds no connection state anywhere.
  if (packetsBefore(flows, i, g, atMs) === 0) return;
  const hash = flows.cacheHash[i]!;
  const before = nextHopFor(current.hashing, hash, current.ecmp, current.buckets);
  const after = nextHopFor(next.hashing, hash, next.ecmp, next.buckets);
  if (before !== 0 && after !== 0 && before !== after) {
    result.broken++;
    if (commit) brokenGen[i] = g;
  }
}
