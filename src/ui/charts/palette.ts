/**
 * Okabe–Ito colour-blind-safe palette for the nodes' bands, each with a text
 * colour readable on it. The eighth (black) follows the theme's text colour so
 * it stays visible in dark mode; grouped nodes are grey.
 */
export interface Swatch {
  fill: string;
  text: string;
}

// Ordered so that nodes 1–4 (most scenarios) stay far apart under deuteranopia
// and protanopia too, and neighbours differ (see palette.test.ts).
export const NODE_SWATCHES: readonly Swatch[] = [
  { fill: '#0072B2', text: '#fff' },
  { fill: '#F0E442', text: '#111' },
  { fill: '#D55E00', text: '#fff' },
  { fill: '#009E73', text: '#fff' },
  { fill: '#56B4E9', text: '#111' },
  { fill: '#E69F00', text: '#111' },
  { fill: '#CC79A7', text: '#111' },
  { fill: 'var(--text)', text: 'var(--surface)' },
];

export const REST_SWATCH: Swatch = { fill: 'var(--idle)', text: '#111' };

export function swatchFor(index: number, key: string): Swatch {
  return key === 'rest' ? REST_SWATCH : NODE_SWATCHES[index % NODE_SWATCHES.length]!;
}
