import { describe, expect, test } from 'vitest';
import { hashFromPrefix, hashInts, hashPrefix, mix32 } from './rng';

describe('hashInts is MurmurHash3 (x86, 32-bit) of its four words, little-endian', () => {
  // Values from a byte-wise MurmurHash3 checked against its published vectors.
  test.each([
    [[0, 1, 2, 3, 4], 0x4445ad00],
    [[0x9747b28c, 0xc6120001, 0x0a000064, (1025 << 16) | 443, 6], 0x7425c38a],
    [[0xffffffff, 0xffffffff, 0, 0x80000000, 7], 0xf4b30fef],
  ] as const)('%j', ([seed, a, b, c, d], expected) => {
    expect(hashInts(seed, a, b, c, d)).toBe(expected);
  });

  test('signed and unsigned spellings of a word hash alike, and the prefix agrees', () => {
    expect(hashInts(-1, -1, 0, -0x80000000, 7)).toBe(0xf4b30fef);
    expect(hashFromPrefix(hashPrefix(0, 1, 2), 3, 4)).toBe(0x4445ad00);
    expect(mix32(2 ** 32 + 5)).toBe(mix32(5));
  });
});
