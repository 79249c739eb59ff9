import { describe, expect, it } from 'vitest';
import { packScenario } from './linkCodec';
import { formatQuery, readUrl, withOverrides } from './url';

const presets = {
  names: ['basic', 'cascade'],
  byName: (name: string) => (name === 'basic' ? { version: 1, nodes: 4 } : undefined),
};
const read = (search: string, hash = '') => readUrl({ search, hash }, { presets });

describe('URL parameters', () => {
  it('reads a preset with seed, strategy, paused and the moment', async () => {
    const { values, problems } = await read('?preset=basic&seed=9&strategy=bfd&paused=1&t=4500');
    expect(problems).toEqual([]);
    expect(values).toEqual({ preset: 'basic', seed: 9, strategy: 'bfd', paused: true, t: 4500 });
    expect(withOverrides({ version: 1, nodes: 4 }, values)).toEqual({
      version: 1,
      nodes: 4,
      seed: 9,
      strategy: 'bfd',
    });
  });

  it('reads presenter mode as a flag, and names a bad value', async () => {
    expect((await read('?preset=basic&present=1')).values).toEqual({
      preset: 'basic',
      present: true,
    });
    const bad = await read('?preset=basic&present=yes&seed=3');
    expect(bad.values).toEqual({ preset: 'basic', seed: 3 });
    expect(bad.problems).toEqual(['present: "yes" is not 1 or 0']);
    expect(formatQuery({ preset: 'basic', present: true })).toBe('?preset=basic&present=1');
  });

  it('reads the side-by-side list, and writes it back with commas', async () => {
    const { values, problems } = await read('?preset=basic&compare=none,metric-lowering,bfd');
    expect(problems).toEqual([]);
    expect(values.compare).toEqual(['none', 'metric-lowering', 'bfd']);
    expect(decodeURIComponent(formatQuery({ compare: ['bfd', 'none'] }))).toBe('?compare=bfd,none');
  });

  it('names each bad value and what is allowed, and keeps the good ones', async () => {
    const { values, problems } = await read('?preset=nope&seed=-1&strategy=fast&paused=1');
    expect(problems).toEqual([
      'preset: "nope" is not one of basic, cascade',
      'seed: "-1" is not a whole number from 0 to 4294967295',
      'strategy: "fast" is not one of none, metric-lowering, bfd',
    ]);
    expect(values).toEqual({ paused: true });
  });

  it.each([
    ['seed=0x10', /^seed: "0x10" is not a whole number/],
    ['seed=1e3', /^seed: "1e3" is not a whole number/],
    ['seed=', /^seed: "" is not a whole number/],
    ['t=-5', /^t: "-5" is not a whole number of ms/],
    ['paused=yes', /^paused: "yes" is not 1 or 0/],
    ['scenario=null', /^scenario: expected a scenario object, got "null"/],
    ['scenario=%5B1%5D', /^scenario: expected a scenario object/],
    ['scenario=%7Bnope', /^scenario: not valid JSON/],
    ['scenario=%7B%7D&scenario=%7B%7D', /^scenario: given 2 times; give it once$/],
    ['lesson=nope', /^lesson: "nope" is not one of failover$/],
    ['step=0', /^step: "0" is not a whole number from 1 to 999$/],
    [
      'compare=none,fast',
      /^compare: "fast" is not a strategy \(allowed: none, metric-lowering, bfd\)$/,
    ],
    ['compare=bfd,none,bfd', /^compare: "bfd" is listed twice/],
    ['compare=bfd', /^compare: 1 strategy given; name 2 or 3/],
    ['compare=', /^compare: empty/],
    ['stratgy=bfd', /^"stratgy": not a parameter of this page \(known: preset, scenario, /],
  ])('refuses ?%s by name', async (search, message) => {
    const { values, problems } = await read(`?${search}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(values).toEqual({});
  });

  it('reads a lesson and its step', async () => {
    const { values, problems } = await read('?lesson=failover&step=3&paused=1');
    expect(problems).toEqual([]);
    expect(values).toEqual({ lesson: 'failover', step: 3, paused: true });
  });

  it('reads a scenario from the query and from the packed fragment', async () => {
    const json = '{"version":1,"nodes":3}';
    const query = await read(`?scenario=${encodeURIComponent(json)}`);
    expect(query.values.scenario).toEqual({ version: 1, nodes: 3 });
    const fragment = await read('?t=10', `#scenario=${await packScenario(json)}`);
    expect(fragment.problems).toEqual([]);
    expect(fragment.values).toEqual({ scenario: { version: 1, nodes: 3 }, t: 10 });
  });

  it('reports a damaged fragment, and a preset given beside a scenario', async () => {
    const damaged = await read('', '#scenario=AAAA');
    expect(damaged.problems).toEqual([
      "scenario: the link's #scenario cannot be read: it is not deflate-compressed data",
    ]);
    expect(damaged.given.has('scenario')).toBe(true);
    const notBase64 = await read('', '#scenario=a%20b');
    expect(notBase64.problems[0]).toMatch(/holds characters outside base64url/);
    const both = await read(`?preset=basic`, `#scenario=${await packScenario('{"version":1}')}`);
    expect(both.problems).toEqual(['preset: ignored, because the link also carries a scenario']);
    expect(both.values.preset).toBeUndefined();
  });

  it('writes values so that they read back the same', async () => {
    const values = { preset: 'basic', seed: 0, strategy: 'none', paused: false, t: 0 } as const;
    const again = await read(formatQuery(values));
    expect(again.problems).toEqual([]);
    expect(again.values).toEqual(values);
  });
});
