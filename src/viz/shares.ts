/**
 * Each node's live share of traffic: the fraction of live flows the router
 * hashes to it now (from the core's flow sample), or an even split of the
 * forwarding table when no flow is alive. Cached per (simulation, revision)
 * because the hashing only changes with control-plane events.
 */
import type { Simulation } from '../sim';

export interface Shares {
  /** Share in [0, 1] by node number; nodes not in the FIB are absent. */
  byNode: Map<number, number>;
  /** Cumulative distribution for picking a destination: [node, upTo][]. */
  cumulative: [number, number][];
}

const SAMPLE = 1024;
/** One entry per simulation (the side-by-side view draws several at once). */
const cache = new WeakMap<Simulation, { revision: number; value: Shares }>();

export function computeShares(sim: Simulation): Shares {
  const counts = new Map<number, number>();
  let total = 0;
  for (const flow of sim.flowSample(SAMPLE)) {
    if (flow.nextHop === null) continue;
    counts.set(flow.nextHop, (counts.get(flow.nextHop) ?? 0) + 1);
    total++;
  }
  if (total === 0) {
    for (const node of sim.snapshot().fib) counts.set(node, 1);
    total = counts.size;
  }
  const byNode = new Map<number, number>();
  const cumulative: [number, number][] = [];
  let acc = 0;
  for (const [node, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    const share = count / total;
    byNode.set(node, share);
    acc += share;
    cumulative.push([node, acc]);
  }
  return { byNode, cumulative };
}

export function sharesFor(sim: Simulation, revision: number): Shares {
  let entry = cache.get(sim);
  if (!entry || entry.revision !== revision) {
    entry = { revision, value: computeShares(sim) };
    cache.set(sim, entry);
  }
  return entry.value;
}

/** Node a packet with uniform random `u` in [0, 1) goes to, or null when there is no route. */
export function pickNode(shares: Shares, u: number): number | null {
  for (const [node, upTo] of shares.cumulative) if (u < upTo) return node;
  return shares.cumulative.at(-1)?.[0] ?? null;
}

export function formatShare(share: number | undefined): string {
  if (share === undefined) return '0%';
  const pct = share * 100;
  return pct > 0 && pct < 1 ? '<1%' : `${Math.round(pct)}%`;
}
