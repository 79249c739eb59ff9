/**
 * How the router maps a flow's hash onto the next hops of its ECMP set.
 * Next hops are ordered by address (node number), as Linux orders them.
 *
 * - modulo: `hash mod N`; removing any next hop moves about (N−1)/N of flows.
 * - hash-threshold (RFC 2992): the hash space is cut into N equal regions in
 *   next-hop order; removing position k moves 1/2 − k(N−1−k)/(N(N−1)).
 * - resilient: a fixed table of buckets; a removed next hop's buckets go to the
 *   survivors and nothing else moves; added next hops take buckets only as
 *   buckets fall idle for the idle timer (or the unbalanced timer forces it).
 */
import type { Hashing } from './types';

const HASH_SPACE = 4294967296;

/** The next hop (node number) for a flow hash, or 0 when there is no route. */
export function nextHopFor(
  hashing: Hashing,
  hash: number,
  ecmp: readonly number[],
  buckets: Int32Array,
): number {
  const n = ecmp.length;
  if (n === 0) return 0;
  switch (hashing) {
    case 'modulo':
      return ecmp[hash % n]!;
    case 'hash-threshold':
      return ecmp[Math.floor((hash * n) / HASH_SPACE)]!;
    case 'resilient':
      return buckets[hash % buckets.length]!;
  }
}

/** A fresh, balanced bucket table: bucket b goes to next hop b mod N. */
export function fillBuckets(buckets: Int32Array, ecmp: readonly number[]): void {
  for (let b = 0; b < buckets.length; b++) {
    buckets[b] = ecmp.length === 0 ? 0 : ecmp[b % ecmp.length]!;
  }
}

function counts(buckets: Int32Array, ecmp: readonly number[]): Map<number, number> {
  const perHop = new Map<number, number>(ecmp.map((hop) => [hop, 0]));
  for (const hop of buckets) {
    const c = perHop.get(hop);
    if (c !== undefined) perHop.set(hop, c + 1);
  }
  return perHop;
}

function fewest(perHop: Map<number, number>): number {
  let best = 0;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const [hop, c] of perHop) {
    if (c < bestCount) {
      best = hop;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Apply an ECMP change to a resilient bucket table: buckets of next hops that
 * left go to the least-loaded survivors; everything else stays.
 * @returns whether next hops were added (they wait for a rebalance).
 */
export function updateBuckets(buckets: Int32Array, ecmp: readonly number[]): boolean {
  if (ecmp.length === 0) {
    buckets.fill(0);
    return false;
  }
  const perHop = counts(buckets, ecmp);
  const hadAny = [...perHop.values()].some((c) => c > 0);
  if (!hadAny) {
    fillBuckets(buckets, ecmp);
    return false;
  }
  for (let b = 0; b < buckets.length; b++) {
    if (perHop.has(buckets[b]!)) continue;
    const hop = fewest(perHop);
    buckets[b] = hop;
    perHop.set(hop, perHop.get(hop)! + 1);
  }
  return [...perHop.values()].some((c) => c === 0);
}

/** Whether some next hop holds two or more buckets fewer than another (the table wants a rebalance). */
export function unbalanced(buckets: Int32Array, ecmp: readonly number[]): boolean {
  if (ecmp.length === 0) return false;
  const perHop = [...counts(buckets, ecmp).values()];
  return Math.max(...perHop) - Math.min(...perHop) > 1;
}

/**
 * Move buckets from the most loaded next hop to the least loaded until no two
 * differ by more than one, taking only buckets `movable` allows (Linux moves
 * only buckets idle for the idle timer, unless the unbalanced timer forces it).
 * Returns how many buckets moved.
 * @example rebalanceBuckets(buckets, [1, 2, 3, 4], (b) => idle[b]) // 64 for 85/85/86/0 of 256
 */
export function rebalanceBuckets(
  buckets: Int32Array,
  ecmp: readonly number[],
  movable: (bucket: number) => boolean = () => true,
): number {
  if (ecmp.length === 0) return 0;
  const perHop = counts(buckets, ecmp);
  let moved = 0;
  // Passes from the last bucket down, until a pass moves nothing.
  for (let before = -1; before !== moved; ) {
    before = moved;
    for (let b = buckets.length - 1; b >= 0; b--) {
      const hop = buckets[b]!;
      const receiver = fewest(perHop);
      const have = perHop.get(hop)!;
      if (have - perHop.get(receiver)! <= 1 || have < Math.max(...perHop.values())) continue;
      if (!movable(b)) continue;
      buckets[b] = receiver;
      perHop.set(hop, have - 1);
      perHop.set(receiver, perHop.get(receiver)! + 1);
      moved++;
    }
  }
  return moved;
}
