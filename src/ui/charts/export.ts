/**
 * Downloads without a network: a chart as a standalone SVG (the theme's
 * colours written into every element, since the CSS variables stay behind)
 * and the epochs as CSV.
 */
import type { Epoch } from '../../sim';
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
] as const;

function save(blob: Blob, filename: string): void {
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

/** The SVG element as a standalone document, with computed colours and a background. */
export function standaloneSvg(svg: SVGSVGElement, title: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  for (const [i, el] of from.entries()) {
    const target = to[i];
    if (!(target instanceof SVGElement)) continue;
    const computed = getComputedStyle(el);
    const style = INLINED.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  }
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.removeAttribute('role');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(svg).getPropertyValue('--surface') || '#fff');
  clone.prepend(background);
  const titleEl = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  titleEl.textContent = title;
  clone.prepend(titleEl);
  return new XMLSerializer().serializeToString(clone);
}

export function downloadSvg(svg: SVGSVGElement, title: string, filename: string): void {
  save(new Blob([standaloneSvg(svg, title)], { type: 'image/svg+xml' }), filename);
}

/** One row per epoch: time span, the ECMP set, packets per node, lost, unrouted, flows broken. */
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
      e.blackhole ? 1 : 0,
    ].join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

export function downloadCsv(epochs: readonly Epoch[], nodeCount: number, filename: string): void {
  save(new Blob([epochsCsv(epochs, nodeCount)], { type: 'text/csv' }), filename);
}
