/**
 * The accounting as it was before the per-epoch fast path (`traffic.ts`):
 * kept, its rules unchanged, as the old path that the new one must agree with
 * exactly on every preset (`accounting.test.ts`), beside the per-packet oracle.
 * It keeps every flow's marks in the per-slot arrays, long-lived ones too, so
 * the flow processors that `flowSample` reads of its long-lived flows are not
 * its own: compare its figures and epochs, not its samples.
 */
import { nextHopFor } from '../hashing';
import { Draw, hashInts, uniform } from '../rng';
import type { FlowMarks, Flows, SweepEpoch, SweepResult } from '../traffic';
import {
  MARKS,
  markBroken,
  markReset,
  setSlotOwner,
  slotBroken,
  slotOwner,
  slotReset,
} from '../marks';
import { generationAt } from '../traffic';

const VIP = 0x0a000064;
const CLIENTS = 0xc6120000;
const HTTPS = 443;
const TCP = 6;
const hash = hashInts;
const unit = uniform;
const TUPLE = Draw.flowTuple;
const PHASE = Draw.packetPhase;

/** Per slot, the last generation looked at: its number, span, hash and packet phase. */
interface Cache {
  cacheGen: Float64Array;
  cacheStart: Float64Array;
  cacheEnd: Float64Array;
  cacheHash: Float64Array;
  cachePhase: Float64Array;
}
const caches = new WeakMap<Flows, Cache>();
function cacheOf(flows: Flows): Cache {
  let cache = caches.get(flows);
  if (!cache) {
    const n = flows.count;
    cache = {
      cacheGen: new Float64Array(n).fill(-1),
      cacheStart: new Float64Array(n),
      cacheEnd: new Float64Array(n),
      cacheHash: new Float64Array(n),
      cachePhase: new Float64Array(n),
    };
    caches.set(flows, cache);
  }
  return cache;
}

/** Put generation g of slot i in the slot's cache: span, router hash of its 5-tuple, packet phase. */
function load(flows: Flows, i: number, g: number): void {
  const c = cacheOf(flows);
  if (c.cacheGen[i] === g) return;
  const t = hash(flows.seed, TUPLE, i, g);
  const srcIp = (CLIENTS | (t & 0x1ffff)) >>> 0;
  const srcPort = 1024 + ((t >>> 17) % 64512);
  c.cacheGen[i] = g;
  if (flows.long[i]) {
    c.cacheStart[i] = 0;
    c.cacheEnd[i] = Number.POSITIVE_INFINITY;
  } else {
    const start = flows.offsetMs[i]! + g * flows.lifeMs[i]!;
    c.cacheStart[i] = start;
    c.cacheEnd[i] = start + flows.lifeMs[i]!;
  }
  c.cacheHash[i] = hash(flows.seed ^ 0x5bd1e995, srcIp, VIP, ((srcPort << 16) | HTTPS) >>> 0, TCP);
  c.cachePhase[i] = unit(flows.seed, PHASE, i, g) * flows.periodMs;
}

/**
 * Account every packet sent in [fromMs, toMs) of each epoch, in order. One pass
 * over the flows, each flow taken through every epoch, which keeps its data at
 * hand. With `commit`, `marks` are updated; otherwise they are left as they were.
 */
export function referenceSweepEpochs(
  flows: Flows,
  marks: FlowMarks,
  epochs: readonly SweepEpoch[],
  commit: boolean,
): SweepResult[] {
  const m = commit ? marks.slots : marks.slots.slice();
  const local = flows.connection === 'local';
  const steering = flows.connection === 'steering';
  const plans = epochs.map((e) => ({
    fromMs: e.fromMs,
    toMs: e.toMs,
    span: e.toMs > e.fromMs,
    hashing: e.current.hashing,
    ecmp: e.current.ecmp,
    buckets: e.current.buckets,
    up: Uint8Array.from(e.deliverable, (d) => (d ? 1 : 0)),
    serving: Uint8Array.from(e.serving, (d) => (d ? 1 : 0)),
    stateLost: e.stateLost,
    result: {
      sent: 0,
      sentByNode: new Float64Array(e.deliverable.length),
      lostByNode: new Float64Array(e.deliverable.length),
      unrouted: 0,
      broken: 0,
      reset: 0,
      steered: 0,
      blackhole: false,
    } as SweepResult,
  }));
  const { cacheGen, cacheStart, cacheEnd, cacheHash, cachePhase } = cacheOf(flows);
  const { periodMs } = flows;
  for (let i = 0; i < flows.count; i++) {
    const at = i * MARKS;
    for (const plan of plans) {
      const { fromMs, toMs, span, up, serving, result } = plan;
      let g: number;
      if (cacheGen[i]! >= 0 && fromMs >= cacheStart[i]! && fromMs < cacheEnd[i]!) g = cacheGen[i]!;
      else {
        g = generationAt(flows, i, fromMs);
        load(flows, i, g);
      }
      // A crash at the epoch's start loses the state of the flow it held, if still open.
      if (plan.stateLost.length > 0 && slotOwner(m, at, g) !== 0 && cacheEnd[i]! > fromMs) {
        if (plan.stateLost.includes(slotOwner(m, at, g))) {
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
        const packets =
          (b <= first ? 0 : Math.ceil((b - first) / periodMs)) -
          (a <= first ? 0 : Math.ceil((a - first) / periodMs));
        result.sent += packets;
        const hop = nextHopFor(plan.hashing, cacheHash[i]!, plan.ecmp, plan.buckets);
        let lost = false;
        if (hop === 0) {
          result.unrouted += packets;
          lost = packets > 0;
        } else {
          result.sentByNode[hop - 1]! += packets;
          if (up[hop - 1] === 0) {
            result.lostByNode[hop - 1]! += packets;
            lost = packets > 0;
            if (span) result.blackhole = true;
          } else if (packets > 0 && (local || steering)) {
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
              if (serving[owner - 1] === 0) {
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
      }
    }
  }
  return plans.map((p) => p.result);
}
