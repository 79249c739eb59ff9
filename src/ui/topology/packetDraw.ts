/**
 * Drawing the packet layer's marks in one batch per kind: healthy packets as
 * blue dots, doomed ones as vermillion diamonds (colour and shape differ), and
 * drops as ✕ marks that fade. Returns the device-pixel box drawn in, so the
 * next frame clears only that.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const EMPTY_BOX: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };

interface Point {
  x: number;
  y: number;
}

export interface Marks {
  dots: Point[];
  doomed: Point[];
  drops: (Point & { fade: number })[];
  max: number;
}

const DOT_R = 3.2;
const DIAMOND_R = 4.6;
const CROSS_R = 4.5;
const DROP_LEVELS = 4;
/** Margin around marks (stroke widths, antialiasing), in stage units. */
const PAD = 8;

export function drawPackets(
  ctx: CanvasRenderingContext2D,
  m: DOMMatrix,
  marks: Marks,
  colors: { packet: string; drop: string },
): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const grow = ({ x, y }: Point) => {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  ctx.setTransform(m.a, m.b, m.c, m.d, m.e, m.f);
  let budget = marks.max;
  ctx.beginPath();
  for (const p of marks.dots) {
    if (budget-- <= 0) break;
    grow(p);
    ctx.moveTo(p.x + DOT_R, p.y);
    ctx.arc(p.x, p.y, DOT_R, 0, 2 * Math.PI);
  }
  ctx.fillStyle = colors.packet;
  ctx.fill();
  ctx.beginPath();
  for (const p of marks.doomed) {
    if (budget-- <= 0) break;
    grow(p);
    ctx.moveTo(p.x, p.y - DIAMOND_R);
    ctx.lineTo(p.x + DIAMOND_R, p.y);
    ctx.lineTo(p.x, p.y + DIAMOND_R);
    ctx.lineTo(p.x - DIAMOND_R, p.y);
    ctx.closePath();
  }
  ctx.fillStyle = colors.drop;
  ctx.fill();
  ctx.strokeStyle = colors.drop;
  ctx.lineWidth = 2.5;
  ctx.lineCap = 'round';
  const levels: Point[][] = Array.from({ length: DROP_LEVELS }, () => []);
  let drops = 120;
  for (const d of marks.drops) {
    if (drops-- <= 0) break;
    grow(d);
    levels[Math.min(DROP_LEVELS - 1, Math.floor(d.fade * DROP_LEVELS))]!.push(d);
  }
  levels.forEach((level, i) => {
    if (!level.length) return;
    ctx.globalAlpha = 1 - i / DROP_LEVELS;
    ctx.beginPath();
    for (const { x, y } of level) {
      ctx.moveTo(x - CROSS_R, y - CROSS_R);
      ctx.lineTo(x + CROSS_R, y + CROSS_R);
      ctx.moveTo(x + CROSS_R, y - CROSS_R);
      ctx.lineTo(x - CROSS_R, y + CROSS_R);
    }
    ctx.stroke();
  });
  ctx.globalAlpha = 1;
  if (minX > maxX) return EMPTY_BOX;
  // The stage-space box, mapped to device pixels (the matrix scales and translates only).
  const ax = m.a * (minX - PAD) + m.e;
  const bx = m.a * (maxX + PAD) + m.e;
  const ay = m.d * (minY - PAD) + m.f;
  const by = m.d * (maxY + PAD) + m.f;
  return {
    x0: Math.floor(Math.min(ax, bx)),
    y0: Math.floor(Math.min(ay, by)),
    x1: Math.ceil(Math.max(ax, bx)),
    y1: Math.ceil(Math.max(ay, by)),
  };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The same marks as SVG (stage coordinates), for a picture of the stage: the
 * canvas layer is not part of the SVG that is exported.
 */
export function packetsSvg(marks: Marks, colors: { packet: string; drop: string }): string {
  let budget = marks.max;
  const take = <T>(list: T[]) => {
    const n = Math.max(0, Math.min(list.length, budget));
    budget -= n;
    return list.slice(0, n);
  };
  const dots = take(marks.dots)
    .map((p) => `<circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="${DOT_R}"/>`)
    .join('');
  const doomed = take(marks.doomed)
    .map(({ x, y }) => {
      const d = DIAMOND_R;
      return `<path d="M${r1(x)} ${r1(y - d)}L${r1(x + d)} ${r1(y)}L${r1(x)} ${r1(y + d)}L${r1(x - d)} ${r1(y)}Z"/>`;
    })
    .join('');
  const drops = marks.drops
    .slice(0, 120)
    .map(({ x, y, fade }) => {
      const c = CROSS_R;
      const opacity = 1 - Math.min(DROP_LEVELS - 1, Math.floor(fade * DROP_LEVELS)) / DROP_LEVELS;
      return `<path opacity="${opacity}" d="M${r1(x - c)} ${r1(y - c)}L${r1(x + c)} ${r1(y + c)}M${r1(x + c)} ${r1(y - c)}L${r1(x - c)} ${r1(y + c)}"/>`;
    })
    .join('');
  return (
    `<g class="packets" data-packets="${marks.dots.length + marks.doomed.length}">` +
    `<g fill="${colors.packet}">${dots}</g>` +
    `<g fill="${colors.drop}">${doomed}</g>` +
    `<g fill="none" stroke="${colors.drop}" stroke-width="2.5" stroke-linecap="round">${drops}</g></g>`
  );
}
