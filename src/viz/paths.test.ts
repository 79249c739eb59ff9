import { arc, linkHorizontal } from 'd3-shape';
import { describe, expect, test } from 'vitest';
import { linkPath, ringPath } from './paths';

describe('the stage draws the paths d3 would', () => {
  test('linkPath is d3 linkHorizontal, to the character', () => {
    const link = linkHorizontal<
      { source: [number, number]; target: [number, number] },
      [number, number]
    >();
    const points = [
      [0, 0, 100, 50],
      [412.5, 250, 780.123456, 33.3333],
      [10.0004, -7.0006, 10.0004, 900.55555],
      [1e-7, 3, -2.5, 1 / 3],
    ];
    for (const [x0, y0, x1, y1] of points) {
      const a = { x: x0!, y: y0! };
      const b = { x: x1!, y: y1! };
      expect(linkPath(a, b)).toBe(link({ source: [a.x, a.y], target: [b.x, b.y] }));
    }
  });

  test('ringPath is d3 arc from twelve o’clock, at every countdown step and radius', () => {
    const ring = arc();
    for (const r of [0, 2, 6, 8, 9.5, 11, 14, 20.25]) {
      for (let step = 0; step <= 90; step++) {
        const endAngle = (step / 90) * 2 * Math.PI;
        const expected = ring({ innerRadius: r - 3, outerRadius: r, startAngle: 0, endAngle });
        expect(ringPath(r - 3, r, endAngle)).toBe(expected);
      }
    }
  });
});
