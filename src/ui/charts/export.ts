/**
 * Downloads without a network: a chart as a standalone SVG (the theme's
 * colours written into every element, since the CSS variables stay behind,
 * and the app's fonts embedded) and the epochs as CSV.
 */
import type { Epoch } from '../../sim';
import { withEmbeddedFonts } from './fonts';
import { lostIn } from './series';

const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  // A label haloed by its stroke paints the stroke first; without this it is hidden.
  'paint-order',
  'stroke-linejoin',
  'stroke-linecap',
  'font-variant-numeric',
  'text-transform',
  'letter-spacing',
] as const;

export function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Copy the computed colours and type of every element of `svg` onto `clone`, dropping classes. */
function inlineStyles(svg: SVGSVGElement, clone: SVGSVGElement): void {
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  for (const [i, el] of from.entries()) {
    const target = to[i];
    if (!(target instanceof SVGElement)) continue;
    const computed = getComputedStyle(el);
    if (computed.display === 'none') {
      target.setAttribute('display', 'none');
      continue;
    }
    const style = INLINED.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  }
}

export interface Picture {
  /** A standalone SVG document. */
  svg: string;
  width: number;
  height: number;
}

export interface PictureSpec {
  /** The drawing: a chart or the stage. */
  source: SVGSVGElement;
  /** Its coordinates: the source's own viewBox, or its size in px. */
  viewBox: { width: number; height: number };
  /** The size to draw it at, in CSS px (the PNG doubles it). */
  width: number;
  /** What it shows, written above it: a title and up to a few lines of caption. */
  title: string;
  caption: string;
  /** e.g. "Simulated time 00:11.000". */
  time: string;
  /** Transform the clone before it is inlined (undo a zoom). */
  prepare?: (clone: SVGSVGElement) => void;
  /** SVG markup drawn over the drawing, in its coordinates (the stage's packets). */
  overlay?: { markup: string; into?: string };
}

/** Split `text` into lines of about `chars` characters at spaces. */
export function wrapText(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A picture to hand out: the drawing under a heading band with its title, its
 * caption and the simulated time, in the theme's colours, as one SVG document.
 */
export function composePicture(spec: PictureSpec): Picture {
  const { source, viewBox, width, title, caption, time } = spec;
  const clone = source.cloneNode(true) as SVGSVGElement;
  spec.prepare?.(clone);
  inlineStyles(source, clone);
  if (spec.overlay?.markup) {
    const into = (spec.overlay.into && clone.querySelector(spec.overlay.into)) || clone;
    into.insertAdjacentHTML('beforeend', spec.overlay.markup);
  }
  const styles = getComputedStyle(source);
  const text = styles.getPropertyValue('--text') || '#111';
  const muted = styles.getPropertyValue('--muted') || '#555';
  const surface = styles.getPropertyValue('--surface') || '#fff';
  const font = getComputedStyle(document.body).fontFamily;
  const captionLines = wrapText(caption, Math.max(40, Math.floor(width / 8.2))).slice(0, 3);
  const band = 58 + captionLines.length * 20;
  const height = Math.round(band + (viewBox.height * width) / viewBox.width);
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const add = (tag: string, attrs: Record<string, string | number>, content?: string) => {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (content !== undefined) el.textContent = content;
    root.append(el);
    return el;
  };
  add('title', {}, `${title}: ${caption} (${time})`);
  add('rect', { width: '100%', height: '100%', fill: surface });
  const type = { 'font-family': font, fill: text };
  add('text', { ...type, x: 20, y: 32, 'font-size': 20, 'font-weight': 650 }, title);
  add(
    'text',
    { ...type, x: width - 20, y: 32, 'font-size': 16, 'text-anchor': 'end', 'font-weight': 600 },
    time,
  );
  captionLines.forEach((line, i) => {
    add('text', { ...type, fill: muted, x: 20, y: 58 + i * 20, 'font-size': 15 }, line);
  });
  clone.removeAttribute('role');
  clone.removeAttribute('aria-label');
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(band));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height - band));
  clone.setAttribute('viewBox', `0 0 ${viewBox.width} ${viewBox.height}`);
  root.append(clone);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Save a picture as SVG, or as PNG at twice its size (presentation resolution). */
export async function savePicture(
  picture: Picture,
  format: 'svg' | 'png',
  filename: string,
): Promise<void> {
  const svgBlob = new Blob([await withEmbeddedFonts(picture.svg)], { type: 'image/svg+xml' });
  if (format === 'svg') {
    save(svgBlob, `${filename}.svg`);
    return;
  }
  const url = URL.createObjectURL(svgBlob);
  try {
    const image = new Image();
    image.decoding = 'sync';
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = picture.width * scale;
    canvas.height = picture.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw a PNG');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('this browser could not encode the PNG');
    save(png, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** One row per epoch: time span, the ECMP set, packets per node, lost, unrouted, flows broken and reset, packets steered. */
export function epochsCsv(epochs: readonly Epoch[], nodeCount: number): string {
  const nodes = Array.from({ length: nodeCount }, (_, i) => `node${i + 1}_packets`);
  const header = [
    'start_ms',
    'end_ms',
    'ecmp',
    ...nodes,
    'lost',
    'unrouted',
    'flows_broken',
    'flows_reset',
    'packets_steered',
    'blackhole',
  ];
  const rows = epochs.map((e) =>
    [
      e.startMs,
      e.endMs,
      e.ecmp.join(' '),
      ...Array.from({ length: nodeCount }, (_, i) => e.packetsByNode[i] ?? 0),
      lostIn(e),
      e.unrouted,
      e.flowsBroken,
      e.flowsReset,
      e.packetsSteered,
      e.blackhole ? 1 : 0,
    ].join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

export function downloadCsv(epochs: readonly Epoch[], nodeCount: number, filename: string): void {
  save(new Blob([epochsCsv(epochs, nodeCount)], { type: 'text/csv' }), filename);
}
