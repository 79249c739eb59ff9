import { describe, expect, it } from 'vitest';
import { distance, type Vision } from './colorVision';
import { NODE_SWATCHES } from './palette';

const VISIONS: readonly Vision[] = ['normal', 'deuteranopia', 'protanopia'];
// The eighth swatch is the theme's text colour, light and dark.
const THEME_TEXT = ['#16202e', '#e8ecf2'];
const hexes = NODE_SWATCHES.slice(0, 7).map((s) => s.fill);

function closest(colours: readonly string[], vision: Vision): { d: number; pair: string } {
  let best = { d: Number.POSITIVE_INFINITY, pair: '' };
  colours.forEach((a, i) => {
    for (const b of colours.slice(i + 1)) {
      const d = distance(a, b, vision);
      if (d < best.d) best = { d, pair: `${a}/${b}` };
    }
  });
  return best;
}

describe('node palette under colour-vision deficiency', () => {
  it('the simulation itself separates what a red–green deficiency merges', () => {
    // Pure red and green are far apart normally, close under deuteranopia.
    expect(distance('#ff0000', '#00ff00', 'normal')).toBeGreaterThan(100);
    expect(distance('#ff0000', '#00ff00', 'deuteranopia')).toBeLessThan(
      distance('#ff0000', '#00ff00', 'normal') / 3,
    );
  });

  it.each(VISIONS)('nodes 1–4 are far apart (ΔE ≥ 30) with %s vision', (vision) => {
    const { d, pair } = closest(hexes.slice(0, 4), vision);
    expect(d, `closest pair ${pair}`).toBeGreaterThanOrEqual(30);
  });

  it.each(VISIONS)('neighbouring node numbers differ (ΔE ≥ 20) with %s vision', (vision) => {
    for (let i = 0; i + 1 < hexes.length; i++) {
      const d = distance(hexes[i]!, hexes[i + 1]!, vision);
      expect(d, `nodes ${i + 1} and ${i + 2}`).toBeGreaterThanOrEqual(20);
    }
    for (const text of THEME_TEXT) {
      expect(distance(hexes[6]!, text, vision), 'nodes 7 and 8').toBeGreaterThanOrEqual(20);
      expect(distance(text, hexes[0]!, vision), 'nodes 8 and 9').toBeGreaterThanOrEqual(20);
    }
  });

  it.each(VISIONS)('no two of the eight swatches merge (ΔE ≥ 15) with %s vision', (vision) => {
    const { d, pair } = closest(hexes, vision);
    expect(d, `closest pair ${pair}`).toBeGreaterThanOrEqual(15);
  });
});
