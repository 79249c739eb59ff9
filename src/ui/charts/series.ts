/**
 * Chart data from the core's epochs (pure functions): what has been played up
 * to now, what is already known beyond it (after scrubbing back), cumulative
 * totals and each node's share of the traffic.
 */
import type { Epoch } from '../../sim';

export interface Point {
  t: number;
  v: number;
}

export const lostIn = (e: Epoch): number => e.lostByNode.reduce((a, b) => a + b, 0) + e.unrouted;
export const brokenIn = (e: Epoch): number => e.flowsBroken;
export const steeredIn = (e: Epoch): number => e.packetsSteered;
export const sentIn = (e: Epoch): number => e.packetsByNode.reduce((a, b) => a + b, 0);

/**
 * The known epochs after `nowMs` (from an earlier run further on). The one that
 * straddles now keeps only its part after now: the open epoch, which started at
 * the same moment, holds the part before.
 */
export function futureEpochs(
  known: readonly Epoch[],
  played: readonly Epoch[],
  nowMs: number,
): Epoch[] {
  const open = played.at(-1);
  const future: Epoch[] = [];
  for (const e of known) {
    if (e.endMs <= nowMs) continue;
    if (e.startMs >= nowMs) {
      future.push(e);
      continue;
    }
    const minus = (a: number[], b: number[] | undefined, i: number) =>
      Math.max(0, a[i]! - (b?.[i] ?? 0));
    const same = open && open.startMs === e.startMs ? open : undefined;
    const fraction = same ? 1 : (e.endMs - nowMs) / (e.endMs - e.startMs);
    const scale = (v: number) => (same ? v : Math.round(v * fraction));
    future.push({
      ...e,
      startMs: nowMs,
      packetsByNode: e.packetsByNode.map((_, i) =>
        scale(minus(e.packetsByNode, same?.packetsByNode, i)),
      ),
      lostByNode: e.lostByNode.map((_, i) => scale(minus(e.lostByNode, same?.lostByNode, i))),
      unrouted: scale(Math.max(0, e.unrouted - (same?.unrouted ?? 0))),
      flowsBroken: same ? Math.max(0, e.flowsBroken - same.flowsBroken) : scale(e.flowsBroken),
      flowsReset: same ? Math.max(0, e.flowsReset - same.flowsReset) : scale(e.flowsReset),
      packetsSteered: scale(Math.max(0, e.packetsSteered - (same?.packetsSteered ?? 0))),
      packetsSent: scale(Math.max(0, e.packetsSent - (same?.packetsSent ?? 0))),
    });
  }
  return future;
}

/** Running total of `value` at each epoch's end, linear within an epoch, from `start`. */
export function cumulative(
  epochs: readonly Epoch[],
  value: (e: Epoch) => number,
  start: Point = { t: 0, v: 0 },
): Point[] {
  const points: Point[] = [start];
  let v = start.v;
  for (const e of epochs) {
    if (e.endMs < start.t) continue;
    v += value(e);
    points.push({ t: e.endMs, v });
  }
  return points;
}

/** A band of the share chart: one node, or "the other nodes" grouped. */
export interface ShareGroup {
  key: string;
  label: string;
  /** Node numbers in the group. */
  nodes: number[];
}

const MAX_GROUPS = 8;

/**
 * Up to 8 nodes get a band each. With more, the nodes that ever lost traffic
 * (most first) get one, and the rest share a grey band.
 */
export function shareGroups(nodeCount: number, epochs: readonly Epoch[]): ShareGroup[] {
  const all = Array.from({ length: nodeCount }, (_, i) => i + 1);
  if (nodeCount <= MAX_GROUPS) {
    return all.map((n) => ({ key: `n${n}`, label: `Node ${n}`, nodes: [n] }));
  }
  const lost = new Array<number>(nodeCount).fill(0);
  for (const e of epochs) for (const [i, v] of e.lostByNode.entries()) lost[i]! += v;
  const picked = all
    .filter((n) => lost[n - 1]! > 0)
    .sort((a, b) => lost[b - 1]! - lost[a - 1]! || a - b)
    .slice(0, MAX_GROUPS - 1)
    .sort((a, b) => a - b);
  const rest = all.filter((n) => !picked.includes(n));
  return [
    ...picked.map((n) => ({ key: `n${n}`, label: `Node ${n}`, nodes: [n] })),
    { key: 'rest', label: `${rest.length} other nodes`, nodes: rest },
  ];
}

/** One stacked band per group: y0/y1 in [0, 1] at each epoch's start and end (a step shape). */
export interface ShareRow {
  t: number;
  /** Cumulative share boundaries: bounds[g] .. bounds[g + 1] is group g; null: a gap (no traffic). */
  bounds: number[] | null;
}

export function shareRows(epochs: readonly Epoch[], groups: readonly ShareGroup[]): ShareRow[] {
  const rows: ShareRow[] = [];
  for (const e of epochs) {
    const total = sentIn(e);
    if (total === 0 || e.endMs <= e.startMs) {
      if (rows.length > 0 && rows.at(-1)!.bounds !== null)
        rows.push({ t: e.startMs, bounds: null });
      continue;
    }
    const bounds = [0];
    let acc = 0;
    for (const g of groups) {
      for (const n of g.nodes) acc += e.packetsByNode[n - 1] ?? 0;
      bounds.push(acc / total);
    }
    rows.push({ t: e.startMs, bounds }, { t: e.endMs, bounds });
  }
  return rows;
}

/** For many nodes: each picked node's share, and the range (min..max) of the others' shares. */
export interface ShareLineRow {
  t: number;
  /** Share of each single-node group; null: a gap (no traffic). */
  values: number[] | null;
  lo: number;
  hi: number;
}

export function shareLineRows(
  epochs: readonly Epoch[],
  groups: readonly ShareGroup[],
): ShareLineRow[] {
  const rows: ShareLineRow[] = [];
  const singles = groups.filter((g) => g.key !== 'rest');
  const rest = groups.find((g) => g.key === 'rest')?.nodes ?? [];
  for (const e of epochs) {
    const total = sentIn(e);
    if (total === 0 || e.endMs <= e.startMs) {
      if (rows.length > 0 && rows.at(-1)!.values !== null) {
        rows.push({ t: e.startMs, values: null, lo: 0, hi: 0 });
      }
      continue;
    }
    const values = singles.map((g) => (e.packetsByNode[g.nodes[0]! - 1] ?? 0) / total);
    let lo = 1;
    let hi = 0;
    for (const n of rest) {
      const v = (e.packetsByNode[n - 1] ?? 0) / total;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (rest.length === 0) lo = hi = 0;
    rows.push({ t: e.startMs, values, lo, hi }, { t: e.endMs, values, lo, hi });
  }
  return rows;
}
