/**
 * Path geometry shared by the React topology (path strings) and the packet
 * painter (points along the same curves), so packets ride exactly on the drawn
 * paths. Each router→node path is the cubic Bézier that d3's linkHorizontal draws.
 */
import type { Point } from './layout';

export { linkPath } from './paths';

export interface Cubic {
  p0: Point;
  p1: Point;
  p2: Point;
  p3: Point;
}

/** The same curve as `linkPath`, as control points. */
export function linkCubic(a: Point, b: Point): Cubic {
  const mx = (a.x + b.x) / 2;
  return { p0: a, p1: { x: mx, y: a.y }, p2: { x: mx, y: b.y }, p3: b };
}

/** Point at parameter t in [0, 1] along a cubic. */
export function pointOnCubic(c: Cubic, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return {
    x: a * c.p0.x + b * c.p1.x + d * c.p2.x + e * c.p3.x,
    y: a * c.p0.y + b * c.p1.y + d * c.p2.y + e * c.p3.y,
  };
}

export function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}
