import { describe, expect, it } from 'vitest';
import { computeLayout, gridShape } from './layout';

describe('topology layout', () => {
  it('stands up to 12 nodes in one column, more in a grid', () => {
    expect(gridShape(12)).toEqual({ rows: 12, cols: 1 });
    expect(gridShape(32).cols).toBeGreaterThan(1);
    expect(gridShape(64).rows * gridShape(64).cols).toBeGreaterThanOrEqual(64);
  });

  it.each([1, 4, 12, 13, 32, 48, 64, 100])(
    'places %i nodes without overlap, inside the stage',
    (n) => {
      const layout = computeLayout(n);
      expect(layout.nodes).toHaveLength(n);
      for (const a of layout.nodes) {
        expect(a.x - a.width / 2).toBeGreaterThan(layout.cluster.x);
        expect(a.y + a.height / 2).toBeLessThan(layout.height);
        for (const b of layout.nodes) {
          if (a === b) continue;
          const apart =
            Math.abs(a.x - b.x) >= (a.width + b.width) / 2 ||
            Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
          expect(apart, `nodes ${a.node} and ${b.node} overlap`).toBe(true);
        }
      }
    },
  );

  it.each([13, 32, 48, 64])('runs each lane of %i nodes clear of the nodes it passes', (n) => {
    const { nodes } = computeLayout(n);
    for (const target of nodes) {
      for (const other of nodes) {
        // `other` stands between the lane's start and the target's port.
        if (other === target || other.x >= target.x || other.x + other.width / 2 < target.lane.x)
          continue;
        const clear = Math.abs(other.y - target.lane.y) > other.height / 2 + 1;
        expect(clear, `lane to node ${target.node} crosses node ${other.node}`).toBe(true);
      }
    }
  });
});
