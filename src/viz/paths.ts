/**
 * The two path shapes the first page draws, written out so the stage does not
 * need d3-shape (the charts load it later): the router→node link of d3's
 * `linkHorizontal` and the annular sector of d3's `arc` (no corner radius, no
 * padding, starting at twelve o'clock). Same numbers, same three-decimal
 * rounding as d3-path, so the same strings: `paths.test.ts` compares them.
 */
import type { Point } from './layout';

const EPSILON = 1e-6;
const TAU = 2 * Math.PI;
const round = (v: number) => Math.round(v * 1000) / 1000;

/** SVG path data from `a` to `b`, leaving and arriving horizontally (a cubic Bézier). */
export function linkPath(a: Point, b: Point): string {
  const mx = (a.x + b.x) / 2;
  return `M${round(a.x)},${round(a.y)}C${round(mx)},${round(a.y)},${round(mx)},${round(b.y)},${round(b.x)},${round(b.y)}`;
}

/** A path builder with d3-path's moveTo / lineTo / arc (centred on the origin) / closePath. */
function builder() {
  let d = '';
  let startX = 0;
  let startY = 0;
  let x1: number | null = null;
  let y1 = 0;
  const n = round;
  return {
    moveTo(x: number, y: number) {
      startX = x1 = x;
      startY = y1 = y;
      d += `M${n(x)},${n(y)}`;
    },
    lineTo(x: number, y: number) {
      x1 = x;
      y1 = y;
      d += `L${n(x)},${n(y)}`;
    },
    arc(r: number, a0: number, a1: number, ccw: boolean) {
      const dx = r * Math.cos(a0);
      const dy = r * Math.sin(a0);
      const cw = ccw ? 0 : 1;
      let da = ccw ? a0 - a1 : a1 - a0;
      if (x1 === null) d += `M${n(dx)},${n(dy)}`;
      else if (Math.abs(x1 - dx) > EPSILON || Math.abs(y1 - dy) > EPSILON) {
        d += `L${n(dx)},${n(dy)}`;
      }
      if (!r) return;
      if (da < 0) da = (da % TAU) + TAU;
      if (da > TAU - EPSILON) {
        d += `A${n(r)},${n(r)},0,1,${cw},${n(0 - dx)},${n(0 - dy)}A${n(r)},${n(r)},0,1,${cw},${n(dx)},${n(dy)}`;
        x1 = dx;
        y1 = dy;
      } else if (da > EPSILON) {
        const ex = r * Math.cos(a1);
        const ey = r * Math.sin(a1);
        // Start and end coincide once rounded: two arcs, as d3-path draws them.
        if (da >= Math.PI && n(dx) === n(ex) && n(dy) === n(ey)) {
          da /= 2;
          const mid = a0 + da;
          d += `A${n(r)},${n(r)},0,${da >= Math.PI ? 1 : 0},${cw},${n(r * Math.cos(mid))},${n(r * Math.sin(mid))}`;
        }
        d += `A${n(r)},${n(r)},0,${da >= Math.PI ? 1 : 0},${cw},${n(ex)},${n(ey)}`;
        x1 = ex;
        y1 = ey;
      }
    },
    closePath() {
      if (x1 === null) return;
      x1 = startX;
      y1 = startY;
      d += 'Z';
    },
    toString: () => d,
  };
}

/** The ring from twelve o'clock clockwise to `endAngle` (radians), between two radii. */
export function ringPath(innerRadius: number, outerRadius: number, endAngle: number): string {
  let r0 = innerRadius;
  let r1 = outerRadius;
  if (r1 < r0) [r0, r1] = [r1, r0];
  const a0 = 0 - Math.PI / 2;
  const a1 = endAngle - Math.PI / 2;
  const da = Math.abs(a1 - a0);
  const cw = a1 > a0;
  const path = builder();
  if (!(r1 > EPSILON)) path.moveTo(0, 0);
  else if (da > TAU - EPSILON) {
    path.moveTo(r1 * Math.cos(a0), r1 * Math.sin(a0));
    path.arc(r1, a0, a1, !cw);
    if (r0 > EPSILON) {
      path.moveTo(r0 * Math.cos(a1), r0 * Math.sin(a1));
      path.arc(r0, a1, a0, cw);
    }
  } else {
    path.moveTo(r1 * Math.cos(a0), r1 * Math.sin(a0));
    if (da > EPSILON) path.arc(r1, a0, a1, !cw);
    if (!(r0 > EPSILON) || !(da > EPSILON)) path.lineTo(r0 * Math.cos(a1), r0 * Math.sin(a1));
    else path.arc(r0, a1, a0, cw);
  }
  path.closePath();
  return path.toString();
}
