/**
 * A packet's fate, decided the moment it leaves the router: the forwarding
 * table at that moment (from the core's FIB history) and whether the chosen
 * node could deliver then (from the log's failures and recoveries). The packet
 * painter uses it so no packet is ever drawn on a path the FIB did not hold
 * when it left, and a packet headed into a black hole is known as doomed.
 */
import type { FibChange, SimEvent } from '../sim';

export interface Fates {
  /** The ECMP set installed at `tMs` (empty when there is no route). */
  fibAt(tMs: number): readonly number[];
  /** Whether `node` could deliver at `tMs` (not failed, cut or unhealthy). */
  deliversAt(node: number, tMs: number): boolean;
}

/** Last index in `times` with value ≤ t, or -1. */
function lastAtOrBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function createFates(fib: readonly FibChange[], events: readonly SimEvent[]): Fates {
  const fibTimes = fib.map((c) => c.tMs);
  // Per node: alternating [down from, up from, down from, …] times, in order.
  const flips = new Map<number, number[]>();
  for (const e of events) {
    if (e.type !== 'node-fail' && e.type !== 'node-recover') continue;
    const list = flips.get(e.node) ?? [];
    const down = list.length % 2 === 1;
    if ((e.type === 'node-fail') !== down) list.push(e.tMs);
    flips.set(e.node, list);
  }
  return {
    fibAt(tMs) {
      const i = lastAtOrBefore(fibTimes, tMs);
      return i < 0 ? [] : fib[i]!.ecmp;
    },
    deliversAt(node, tMs) {
      const list = flips.get(node);
      if (!list) return true;
      // An even count of flips at or before t: up.
      return (lastAtOrBefore(list, tMs) + 1) % 2 === 0;
    },
  };
}
