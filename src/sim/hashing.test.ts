/**
 * DESIGN §5, hashing on removal of one of N next hops, with 2,000 random
 * 32-bit flow hashes as in the lab. Expected shares are the closed forms:
 * hash-threshold removing 0-based position k of N moves
 * 1/2 − k(N−1−k)/(N(N−1)); modulo moves (N−1)/N; resilient moves exactly the
 * removed next hop's flows.
 */
import { describe, expect, test } from 'vitest';
import { fillBuckets, nextHopFor, rebalanceBuckets, updateBuckets } from './hashing';
import { mix32 } from './rng';
import type { Hashing } from './types';

const FLOWS = 2_000;
const hashes = Array.from({ length: FLOWS }, (_, i) => mix32(i * 0x9e3779b9 + 12_345));
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const without = (ecmp: number[], hop: number) => ecmp.filter((x) => x !== hop);
// Four standard deviations of a share measured over 2,000 flows, at worst (p = 1/2).
const TOLERANCE = 4 * Math.sqrt(0.25 / FLOWS);

function movedShare(hashing: Hashing, before: number[], after: number[], buckets?: Int32Array) {
  const b0 = buckets ?? new Int32Array(0);
  const b1 = buckets ? b0.slice() : b0;
  if (buckets) updateBuckets(b1, after);
  let moved = 0;
  for (const h of hashes) {
    if (nextHopFor(hashing, h, before, b0) !== nextHopFor(hashing, h, after, b1)) moved++;
  }
  return moved / FLOWS;
}

const hashThresholdShare = (n: number, k: number) => 0.5 - (k * (n - 1 - k)) / (n * (n - 1));

describe('hash-threshold (RFC 2992, Linux multipath), N = 8', () => {
  const ecmp = range(8);

  test('the closed form gives the measured shares: ends 0.5, middle about 0.29', () => {
    expect(hashThresholdShare(8, 0)).toBe(0.5);
    expect(hashThresholdShare(8, 7)).toBe(0.5);
    expect(hashThresholdShare(8, 3)).toBeCloseTo(0.286, 3);
  });

  test.each([
    [1, 'first'],
    [8, 'last'],
  ])('removing node %i (the %s) moves about half of all flows', (hop) => {
    const share = movedShare('hash-threshold', ecmp, without(ecmp, hop));
    expect(share).toBeGreaterThan(0.49 - TOLERANCE / 2);
    expect(share).toBeLessThan(0.51 + TOLERANCE / 2);
  });

  test.each([4, 5])('removing node %i (a middle one) moves about 0.29', (hop) => {
    const share = movedShare('hash-threshold', ecmp, without(ecmp, hop));
    expect(Math.abs(share - hashThresholdShare(8, hop - 1))).toBeLessThan(TOLERANCE);
  });

  test('next hops are taken in address order, whatever order the set is given in', () => {
    // A region of the hash space belongs to a position: the lowest hash goes to the first hop.
    expect(nextHopFor('hash-threshold', 0, ecmp, new Int32Array(0))).toBe(1);
    expect(nextHopFor('hash-threshold', 2 ** 32 - 1, ecmp, new Int32Array(0))).toBe(8);
    expect(nextHopFor('hash-threshold', 2 ** 31, ecmp, new Int32Array(0))).toBe(5);
  });
});

describe('modulo-N', () => {
  test.each([1, 4, 8])('removing node %i of 8 moves about 7/8 of all flows', (hop) => {
    const ecmp = range(8);
    const share = movedShare('modulo', ecmp, without(ecmp, hop));
    expect(Math.abs(share - 7 / 8)).toBeLessThan(TOLERANCE);
  });
});

describe('resilient next-hop groups', () => {
  const ecmp = range(8);
  const table = () => {
    const b = new Int32Array(256);
    fillBuckets(b, ecmp);
    return b;
  };

  test('removing a next hop moves exactly its own flows (about 1/N), nothing else', () => {
    const before = table();
    const after = before.slice();
    expect(updateBuckets(after, without(ecmp, 4))).toBe(false);
    let moved = 0;
    let wasOn4 = 0;
    for (const h of hashes) {
      const a = nextHopFor('resilient', h, ecmp, before);
      const b = nextHopFor('resilient', h, without(ecmp, 4), after);
      if (a === 4) wasOn4++;
      if (a !== b) {
        moved++;
        expect(a).toBe(4);
      }
    }
    expect(moved).toBe(wasOn4);
    // The lab saw 0.11–0.14 at N = 8.
    expect(moved / FLOWS).toBeGreaterThan(0.11 - TOLERANCE / 2);
    expect(moved / FLOWS).toBeLessThan(0.14 + TOLERANCE / 2);
    expect(after).not.toContain(4);
  });

  test('the removed hop’s buckets are shared out evenly among the survivors', () => {
    const after = table();
    updateBuckets(after, without(ecmp, 4));
    const counts = without(ecmp, 4).map((hop) => after.filter((x) => x === hop).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  test('re-adding a next hop moves nothing until the rebalance, then only its fair share', () => {
    const removed = table();
    updateBuckets(removed, without(ecmp, 4));
    const readded = removed.slice();
    expect(updateBuckets(readded, ecmp)).toBe(true);
    expect(readded).toEqual(removed);
    const moved = rebalanceBuckets(readded, ecmp);
    expect(moved).toBe(256 / 8);
    expect(readded.filter((x) => x === 4)).toHaveLength(256 / 8);
    readded.forEach((owner, b) => {
      if (owner !== 4) expect(owner).toBe(removed[b]);
    });
    // Balanced: a second rebalance has nothing to do.
    expect(rebalanceBuckets(readded, ecmp)).toBe(0);
  });

  test('an empty ECMP set routes nothing; the next set refills the table', () => {
    const b = table();
    updateBuckets(b, []);
    expect(nextHopFor('resilient', hashes[0]!, [], b)).toBe(0);
    expect(updateBuckets(b, [2, 3])).toBe(false);
    expect(new Set(b)).toEqual(new Set([2, 3]));
  });
});

test('every method routes nothing when the ECMP set is empty', () => {
  for (const hashing of ['modulo', 'hash-threshold', 'resilient'] as const) {
    expect(nextHopFor(hashing, 12_345, [], new Int32Array(4))).toBe(0);
  }
});
