/**
 * Where each next hop sits in the 32-bit hash space, for the hash strip, and
 * where a sampled flow is drawn. Pure maths, no DOM.
 *
 * - hash-threshold (RFC 2992): N equal, contiguous regions in next-hop order.
 * - modulo: `hash mod N`, so next hops interleave at every hash value; drawn as
 *   repeating stripes (the true pattern is far finer than a pixel).
 * - resilient: the bucket table in bucket order; a flow sits in bucket
 *   `hash mod B`, so the strip's x axis is the bucket index, not the hash.
 */
import type { FlowSample, Hashing } from '../../sim';

const HASH_SPACE = 4294967296;

export interface Region {
  /** Start and end as fractions of the strip, [0, 1]. */
  from: number;
  to: number;
  node: number;
}

/** Merge runs of equal next hops into regions. */
function runs(hops: readonly number[]): Region[] {
  const out: Region[] = [];
  const n = hops.length;
  hops.forEach((node, i) => {
    const last = out.at(-1);
    if (last && last.node === node) last.to = (i + 1) / n;
    else out.push({ from: i / n, to: (i + 1) / n, node });
  });
  return out;
}

/** Stripes drawn for modulo hashing: enough to read as interleaved, few enough to see. */
const MODULO_STRIPES = 48;

export function hashRegions(
  hashing: Hashing,
  fib: readonly number[],
  buckets: readonly number[] | null,
): Region[] {
  if (fib.length === 0) return [];
  if (hashing === 'resilient' && buckets && buckets.length > 0) return runs(buckets);
  if (hashing === 'modulo') {
    const rounds = Math.max(1, Math.round(MODULO_STRIPES / fib.length));
    return runs(Array.from({ length: rounds * fib.length }, (_, i) => fib[i % fib.length]!));
  }
  return runs(fib);
}

/** The x position (fraction of the strip) at which a sampled flow is drawn. */
export function flowX(
  hashing: Hashing,
  flow: FlowSample,
  buckets: readonly number[] | null,
): number {
  if (hashing !== 'resilient' || !buckets || buckets.length === 0) return flow.position;
  const hash = Math.round(flow.position * HASH_SPACE);
  const bucket = hash % buckets.length;
  // Spread flows that share a bucket across its width by their high bits.
  return (bucket + flow.position) / buckets.length;
}

export const HASHING_NAME: Record<Hashing, string> = {
  'hash-threshold': 'Hash-threshold (RFC 2992)',
  modulo: 'Modulo-N',
  resilient: 'Resilient buckets',
};

export const HASHING_EXPLAIN: Record<Hashing, string> = {
  'hash-threshold':
    'The hash space is cut into equal regions, one per next hop in address order. Removing one shifts the boundaries of its neighbours.',
  modulo:
    'hash mod N: next hops interleave across the whole space, so any change in N moves most flows.',
  resilient:
    'A fixed table of buckets (shown in bucket order; a flow sits in bucket hash mod B). A removed next hop’s buckets go to the survivors; nothing else moves. A next hop that joins gets a bucket only once no packet has used that bucket for the idle timer, so under steady load it may carry nothing at all.',
};

/**
 * Why next hops in the forwarding table carry nothing under resilient hashing
 * (null when every next hop holds a bucket).
 */
export function starvedText(
  fib: readonly number[],
  buckets: readonly number[] | null,
  resilient: { idleTimerMs: number; unbalancedTimerMs: number },
): string | null {
  if (!buckets) return null;
  const starved = fib.filter((hop) => !buckets.includes(hop));
  if (starved.length === 0) return null;
  const who =
    starved.length === 1
      ? `Node ${starved[0]} is in the forwarding table but holds no bucket`
      : `Nodes ${starved.join(', ')} are in the forwarding table but hold no bucket`;
  const idle = `${resilient.idleTimerMs / 1000} s`;
  const forced =
    resilient.unbalancedTimerMs > 0
      ? ` The unbalanced timer forces busy buckets over ${resilient.unbalancedTimerMs / 1000} s after the table became unbalanced.`
      : ' The unbalanced timer is off (0), so nothing forces them.';
  return `${who}: the router moves a bucket only once no packet has used it for the idle timer (${idle}), and every bucket with live flows stays busy.${forced}`;
}
