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

/** Hash a short list of 32-bit integers into one 32-bit value. */
export function hashInts(seed: number, a: number, b = 0, c = 0, d = 0): number {
  let h = mix32(seed ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul(a | 0, 0xcc9e2d51));
  h = mix32(h ^ Math.imul(b | 0, 0x1b873593));
  h = mix32(h ^ Math.imul(c | 0, 0xe6546b64));
  h = mix32(h ^ Math.imul(d | 0, 0x85ebca6b));
  return h;
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
} as const;
