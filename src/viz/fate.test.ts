import { describe, expect, it } from 'vitest';
import { createFates } from './fate';

describe('packet fates', () => {
  const fates = createFates(
    [
      { tMs: 0, ecmp: [1, 2, 3] },
      { tMs: 10_400, ecmp: [1, 2] },
    ],
    [
      { tMs: 10_000, type: 'node-fail', node: 3, kind: 'crash' },
      { tMs: 40_000, type: 'node-recover', node: 3 },
    ],
  );

  it('reads the forwarding table in force at a moment', () => {
    expect(fates.fibAt(-1)).toEqual([]);
    expect(fates.fibAt(10_399)).toEqual([1, 2, 3]);
    expect(fates.fibAt(10_400)).toEqual([1, 2]);
  });

  it('knows a node cannot deliver between its failure and its recovery', () => {
    expect(fates.deliversAt(3, 9_999)).toBe(true);
    expect(fates.deliversAt(3, 10_000)).toBe(false);
    expect(fates.deliversAt(3, 39_999)).toBe(false);
    expect(fates.deliversAt(3, 40_000)).toBe(true);
    expect(fates.deliversAt(1, 20_000)).toBe(true);
  });

  it('so a packet leaving the router in the black hole is doomed', () => {
    const leftAt = 10_200;
    const doomed = fates.fibAt(leftAt).filter((n) => !fates.deliversAt(n, leftAt));
    expect(doomed).toEqual([3]);
  });
});
