/**
 * Structural sharing between two snapshots: parts that are equal keep the old
 * objects, so narrow selectors (one node, one route) skip re-rendering.
 */
import type { NodeView, RouteView, Snapshot } from './types';

function shallowEqual(a: object, b: object): boolean {
  if (a === b) return true;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) {
    const va = ra[key];
    const vb = rb[key];
    if (va === vb) continue;
    if (Array.isArray(va) && Array.isArray(vb) && sameArray(va, vb)) continue;
    return false;
  }
  return true;
}

function sameArray(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function shareItems<T extends NodeView | RouteView>(
  prev: readonly T[],
  next: readonly T[],
): readonly T[] {
  if (prev === next) return prev;
  const byNode = new Map<number, T>();
  for (const item of prev) byNode.set(item.node, item);
  let changed = prev.length !== next.length;
  const out = next.map((item, i) => {
    const old = byNode.get(item.node);
    if (old && shallowEqual(old, item)) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return item;
  });
  return changed ? out : prev;
}

/**
 * `next` with every part equal to `prev`'s replaced by `prev`'s object, so a
 * caller tells a discrete change from a mere tick by the parts' identity.
 */
export function shareSnapshot(prev: Snapshot | null, next: Snapshot): Snapshot {
  if (!prev) return next;
  const nodes = shareItems(prev.nodes, next.nodes);
  const routes = shareItems(prev.routes, next.routes);
  const fib = sameArray(prev.fib, next.fib) ? prev.fib : next.fib;
  const buckets =
    prev.buckets && next.buckets && sameArray(prev.buckets, next.buckets)
      ? prev.buckets
      : next.buckets;
  return { tMs: next.tMs, nodes, routes, fib, buckets };
}
