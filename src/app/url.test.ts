import { describe, expect, it } from 'vitest';
import { readUrl, withOverrides } from './url';

const presets = {
  names: ['basic', 'cascade'],
  byName: (name: string) => (name === 'basic' ? { version: 1, nodes: 4 } : undefined),
};

describe('URL parameters', () => {
  it('reads a preset with seed, strategy and paused', () => {
    const request = readUrl('?preset=basic&seed=9&strategy=bfd&paused=1', presets);
    expect(request.problems).toEqual([]);
    expect(request.presetName).toBe('basic');
    expect(request.paused).toBe(true);
    expect(withOverrides(request.input, request.overrides)).toEqual({
      version: 1,
      nodes: 4,
      seed: 9,
      strategy: 'bfd',
    });
  });

  it('names each bad value and what is allowed', () => {
    const request = readUrl('?preset=nope&seed=-1&strategy=fast', presets);
    expect(request.problems).toEqual([
      'preset: "nope" is not one of basic, cascade',
      'seed: "-1" is not a whole number from 0 to 4294967295',
      'strategy: "fast" is not one of none, metric-lowering, bfd',
    ]);
    expect(request.input).toBeNull();
  });

  it('reads an encoded scenario and reports bad JSON', () => {
    const good = readUrl(`?scenario=${encodeURIComponent('{"version":1,"nodes":3}')}`, presets);
    expect(good.input).toEqual({ version: 1, nodes: 3 });
    expect(good.presetName).toBeNull();
    expect(readUrl('?scenario=%7Bnope', presets).problems[0]).toMatch(/^scenario: not valid JSON/);
  });
});
