import { describe, expect, it } from 'vitest';
import { clonePlain } from './clone';

describe('clonePlain', () => {
  it('copies deeply: changing the copy leaves the original as it was', () => {
    const original = {
      n: 1,
      list: [1, [2, 3]],
      marks: new Int32Array([4, 5]),
      byKey: new Map([['a', { x: 1 }]]),
      none: null,
    };
    const copy = clonePlain(original);
    expect(copy).toEqual(original);
    (copy.list[1] as number[]).push(9);
    copy.marks[0] = 0;
    copy.byKey.get('a')!.x = 2;
    expect(original.list).toEqual([1, [2, 3]]);
    expect(original.marks[0]).toBe(4);
    expect(original.byKey.get('a')!.x).toBe(1);
  });

  it('keeps what the original shares shared in the copy, and only there', () => {
    const view = [1, 2, 3];
    const other = [1, 2, 3];
    const state = { nodes: [{ view }, { view }, { view: other }] };
    const copy = clonePlain(state);
    expect(copy.nodes[0]!.view).toBe(copy.nodes[1]!.view);
    expect(copy.nodes[0]!.view).not.toBe(view);
    expect(copy.nodes[2]!.view).not.toBe(copy.nodes[0]!.view);
    expect(copy).toEqual(state);
  });
});
