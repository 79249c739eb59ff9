import { describe, expect, it } from 'vitest';
import { withNodes, withoutNodes } from './nodeSets';

describe('node sets', () => {
  it('adds nodes in order and leaves the list alone when none is new', () => {
    const base = [2, 5, 9];
    expect(withNodes(base, [7, 1, 5, 12])).toEqual([1, 2, 5, 7, 9, 12]);
    expect(withNodes(base, [5, 9])).toBe(base);
    expect(base).toEqual([2, 5, 9]);
  });

  it('removes nodes and leaves the list alone when none is in it', () => {
    const base = [1, 3, 4, 8];
    expect(withoutNodes(base, [4, 1, 6])).toEqual([3, 8]);
    expect(withoutNodes(base, [2, 6])).toBe(base);
    expect(base).toEqual([1, 3, 4, 8]);
  });

  it('gives observers that make the same change to the same list one shared result', () => {
    const view = [1, 2, 3, 4];
    const a = withoutNodes(view, [3]);
    const b = withoutNodes(view, [3]);
    expect(b).toBe(a);
    expect(withoutNodes(view, [2])).not.toBe(a);
    expect(withNodes(a, [3])).toBe(withNodes(a, [3]));
  });

  it('makes lists equal in content from different bases one list again', () => {
    const a = withoutNodes([1, 2, 3, 4], [2]);
    const b = withNodes([1, 3], [4]);
    expect(b).toEqual([1, 3, 4]);
    expect(b).toBe(a);
  });
});
