/**
 * Stateless, seeded randomness. Every random quantity in the core is a pure
 * function of (seed, what it is for, which thing), so adding a node, a fault or
 * a strategy never shifts the draws of anything else: the same flows and phases
 * appear under every strategy, and nothing needs to be checkpointed.
 */

/** MurmurHash3's 32-bit finaliser: a strong bit mixer. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One MurmurHash3 block step: mix a 32-bit word into the running hash. */
function step(h: number, k: number): number {
  let x = Math.imul(k | 0, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  const y = h ^ x;
  return (Math.imul((y << 13) | (y >>> 19), 5) + 0xe6546b64) | 0;
}

/** Hash a short list of 32-bit integers into one 32-bit value (MurmurHash3, x86 32-bit). */
export function hashInts(seed: number, a: number, b = 0, c = 0, d = 0): number {
  let h = step(seed | 0, a);
  h = step(h, b);
  h = step(h, c);
  h = step(h, d);
  return mix32(h ^ 16);
}

/** A uniform number in [0, 1) determined by its arguments. */
export function uniform(seed: number, a: number, b = 0, c = 0, d = 0): number {
  return hashInts(seed, a, b, c, d) / 4294967296;
}

/** Purposes of random draws, so that different quantities never share a stream. */
export const Draw = {
  heartbeatPhase: 1,
  checkPhase: 2,
  keepalivePhase: 3,
  bfdPhase: 4,
  detectionJitter: 5,
  flowKind: 6,
  flowLifetime: 7,
  flowOffset: 8,
  flowTuple: 9,
  packetPhase: 10,
  healthPhase: 11,
} as const;
