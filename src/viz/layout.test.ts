import { describe, expect, it } from 'vitest';
import { computeLayout, gridShape, type NodeBox, type Point } from './layout';

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

  // A segment crosses a box when it passes through its inside (touching an edge is fine).
  function crosses(a: Point, b: Point, box: NodeBox): boolean {
    const left = box.x - box.width / 2 + 1;
    const right = box.x + box.width / 2 - 1;
    const top = box.y - box.height / 2 + 1;
    const bottom = box.y + box.height / 2 - 1;
    const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    // Every run is horizontal or vertical, so its bounding box is the segment.
    return x0 < right && x1 > left && y0 < bottom && y1 > top;
  }

  it.each([4, 12, 13, 32, 48, 64, 100])(
    'runs every straight stretch to each of %i nodes clear of the other nodes',
    (n) => {
      const { nodes } = computeLayout(n);
      for (const target of nodes) {
        const run = [target.lane, ...target.via, target.port];
        for (let i = 1; i < run.length; i++) {
          const a = run[i - 1]!;
          const b = run[i]!;
          expect(a.x === b.x || a.y === b.y, `run to node ${target.node} is not straight`).toBe(
            true,
          );
          for (const other of nodes) {
            if (other === target) continue;
            expect(
              crosses(a, b, other),
              `run to node ${target.node} crosses node ${other.node}`,
            ).toBe(false);
          }
        }
      }
    },
  );

  it('groups a large cluster into buses of consecutive nodes, each node on its group’s bus', () => {
    const layout = computeLayout(64);
    expect(layout.trunk?.buses).toHaveLength(8);
    const bus = layout.trunk!.buses[4]!;
    expect([bus.first, bus.last]).toEqual([33, 40]);
    const node37 = layout.nodes[36]!;
    expect(node37.via.map((p) => p.x)).toEqual([bus.x, bus.x]);
    expect(node37.y).toBeLessThanOrEqual(bus.bottom);
  });
});
