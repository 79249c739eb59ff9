/**
 * Stateless, seeded randomness. Every random quantity in the core is a pure
 * function of (seed, what it is for, which thing), so adding a node, a fault or
 * a strategy never shifts the draws of anything else: the same flows and phases
 * appear under every strategy, and nothing needs to be checkpointed.
 */

/**
 * MurmurHash3's 32-bit finaliser on a signed 32-bit word. The hashes below stay
 * in signed 32-bit words until their result: an unsigned word does not fit
 * the engine's small integers, and converting at every step made each flow's
 * draws a third slower.
 */
function mix(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** MurmurHash3's 32-bit finaliser: a strong bit mixer. */
export function mix32(x: number): number {
  return mix(x | 0) >>> 0;
}

/**
 * A word's part of a MurmurHash3 block step, which depends on the word alone:
 * a hash over words drawn from a small set can look it up instead.
 */
export function blockWord(k: number): number {
  const x = Math.imul(k, 0xcc9e2d51);
  return Math.imul((x << 15) | (x >>> 17), 0x1b873593);
}

/** A block step from the word's part: `blockStep(h, blockWord(k))` mixes word k into hash h. */
export function blockStep(h: number, x: number): number {
  const y = h ^ x;
  return (Math.imul((y << 13) | (y >>> 19), 5) + 0xe6546b64) | 0;
}

function step(h: number, k: number): number {
  return blockStep(h, blockWord(k));
}

/** The end of a hash over four words (16 bytes), as `hashInts` ends: an unsigned word. */
export function finishFourWords(h: number): number {
  return mix(h ^ 16) >>> 0;
}

/** Hash a short list of 32-bit integers into one 32-bit value (MurmurHash3, x86 32-bit). */
export function hashInts(seed: number, a: number, b = 0, c = 0, d = 0): number {
  return finishFourWords(step(step(step(step(seed | 0, a), b), c), d));
}

/**
 * The running hash of `hashInts(seed, a, b, …)` after its first two words, to
 * hoist out of a loop over the third: `hashFromPrefix(hashPrefix(seed, a, b), c, d)`
 * equals `hashInts(seed, a, b, c, d)`.
 */
export function hashPrefix(seed: number, a: number, b: number): number {
  return step(step(seed | 0, a), b);
}

export function hashFromPrefix(prefix: number, c: number, d = 0): number {
  return finishFourWords(step(step(prefix, c), d));
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
