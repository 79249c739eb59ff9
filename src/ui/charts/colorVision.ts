/**
 * Colour-vision simulation for checking the palettes: Machado, Oliveira and
 * Fernandes (2009) matrices at full severity, applied in linear RGB, and the
 * CIE76 distance in CIELAB (D65). Used by tests, not by the app.
 */
export type Vision = 'normal' | 'deuteranopia' | 'protanopia';

type Matrix = readonly [readonly number[], readonly number[], readonly number[]];

const MATRICES: Record<Vision, Matrix> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function lab([r, g, b]: readonly number[]): [number, number, number] {
  const x = (0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047;
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const z = (0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** The colour `hex` (#rrggbb) as seen with `vision`, in CIELAB. */
export function seenAs(hex: string, vision: Vision): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => linear(Number.parseInt(hex.slice(i, i + 2), 16) / 255));
  const m = MATRICES[vision];
  return lab(
    m.map((row) =>
      Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!)),
    ),
  );
}

/** CIE76 ΔE between two colours as seen with `vision`. */
export function distance(a: string, b: string, vision: Vision): number {
  const p = seenAs(a, vision);
  const q = seenAs(b, vision);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
