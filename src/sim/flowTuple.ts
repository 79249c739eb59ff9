/**
 * A flow's 5-tuple and the router's hash of it. A flow's tuple is drawn from
 * 32 random bits: 17 pick its client address in 198.18.0.0/15 (the range set
 * aside for benchmarking), 15 its source port; it goes to the VIP's HTTPS
 * port over TCP. The router hashes the four words with MurmurHash3.
 *
 * A day of a million flows draws hundreds of millions of tuples, so a large
 * run hashes from two tables instead: the hash after the client address and
 * the VIP (2¹⁷ values, per seed) and the source-port word's part (2¹⁵ values).
 * Both ways give the same bits (`flowTuple.test.ts`).
 */
import { blockStep, blockWord, finishFourWords, hashInts, hashPrefix } from './rng';

const VIP = 0x0a000064; // 10.0.0.100
const CLIENTS = 0xc6120000; // 198.18.0.0/15
const HTTPS = 443;
const TCP = 6;
const TCP_WORD = blockWord(TCP);

/** The router's hash seed for a scenario seed. */
const routerSeed = (seed: number) => seed ^ 0x5bd1e995;
const clientOf = (t: number) => CLIENTS | (t & 0x1ffff);
const portWordOf = (t: number) => ((1024 + ((t >>> 17) % 64512)) << 16) | HTTPS;

/** The router's hash of the tuple drawn from `t`, word by word. */
export function tupleHash(seed: number, t: number): number {
  return hashInts(routerSeed(seed), clientOf(t), VIP, portWordOf(t), TCP);
}

export interface TupleTables {
  /** Per client (t's low 17 bits): the hash after the client's address and the VIP. */
  byClient: Int32Array;
  /** Per source port (t's high 15 bits): the port word's part of its block step. */
  byPort: Int32Array;
}

let byPort: Int32Array | null = null;

export function tupleTables(seed: number): TupleTables {
  const byClient = new Int32Array(1 << 17);
  for (let low = 0; low < byClient.length; low++) {
    byClient[low] = hashPrefix(routerSeed(seed), clientOf(low), VIP);
  }
  byPort ??= Int32Array.from({ length: 1 << 15 }, (_, high) => blockWord(portWordOf(high << 17)));
  return { byClient, byPort };
}

/** `tupleHash(seed, t)` from the seed's tables. */
export function tupleHashFrom(tables: TupleTables, t: number): number {
  const h = blockStep(tables.byClient[t & 0x1ffff]!, tables.byPort[t >>> 17]!);
  return finishFourWords(blockStep(h, TCP_WORD));
}
