/**
 * Sorted node lists (a node's view of the active set, the losses it has seen),
 * never changed in place, with their unions and differences remembered: after
 * a fault every live node applies the same change to the same list, so in a
 * cluster of 256 nodes the 255 observers share one new list instead of making
 * 255 copies of it (and the event log stores it once without comparing).
 */
// Mutable in type only, as the state and the events hold them.
export type NodeSet = number[];

// The last few changes made, as (list, change, result): the observers of one
// fault take their turns among other events, so a short memory is enough (a
// WeakMap of every list would cost the collector more than it saves).
const MEMORY = 16;
const bases: (NodeSet | null)[] = new Array(MEMORY).fill(null);
const changes: string[] = new Array(MEMORY).fill('');
const results: (NodeSet | null)[] = new Array(MEMORY).fill(null);
let next = 0;

function remembered(base: NodeSet, change: string, make: () => NodeSet): NodeSet {
  for (let i = 0; i < MEMORY; i++) {
    if (bases[i] === base && changes[i] === change) return results[i]!;
  }
  // Observers whose news came in another order hold equal lists made apart:
  // a result equal to one just made is that one, so they share again.
  const made = make();
  const out = results.find((r) => r !== null && sameNodes(r, made)) ?? made;
  bases[next] = base;
  changes[next] = change;
  results[next] = out;
  next = (next + 1) % MEMORY;
  return out;
}

/** `set` with `nodes` added (the same list when none is new). */
export function withNodes(set: NodeSet, nodes: readonly number[]): NodeSet {
  if (nodes.every((x) => set.includes(x))) return set;
  return remembered(set, `+${nodes.join(',')}`, () => {
    const out = set.slice();
    for (const x of nodes) {
      if (out.includes(x)) continue;
      let at = out.length;
      while (at > 0 && out[at - 1]! > x) at--;
      out.splice(at, 0, x);
    }
    return out;
  });
}

/** `set` without `nodes` (the same list when none is in it). */
export function withoutNodes(set: NodeSet, nodes: readonly number[]): NodeSet {
  if (!nodes.some((x) => set.includes(x))) return set;
  return remembered(set, `-${nodes.join(',')}`, () => set.filter((x) => !nodes.includes(x)));
}

function sameNodes(a: NodeSet, b: NodeSet): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
