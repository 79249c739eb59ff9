import { describe, expect, it } from 'vitest';
import { parseWalkthrough, ScriptError } from './script';

const problems = (input: unknown): string[] => {
  try {
    parseWalkthrough(input, 'fallback');
  } catch (error) {
    if (error instanceof ScriptError) return error.problems;
    throw error;
  }
  return [];
};
const steps = (...list: unknown[]) => problems({ version: 1, steps: list });

describe('a walkthrough script', () => {
  it('fills in the defaults and keeps each step with its action', () => {
    const script = parseWalkthrough(
      { version: 1, steps: [{ load: 'basic' }, { fail: 4, kind: 'link' }, { shot: 'after' }] },
      'from-file',
    );
    expect(script.name).toBe('from-file');
    expect(script.viewport).toEqual({ width: 1280, height: 800 });
    expect(script.deviceScaleFactor).toBe(1);
    expect(script.captionsInShots).toBe(true);
    expect(script.steps).toEqual([
      { action: 'load', load: 'basic' },
      { action: 'fail', fail: 4, kind: 'link' },
      { action: 'shot', shot: 'after' },
    ]);
  });

  it('accepts every action with its options', () => {
    expect(
      steps(
        { load: { version: 1, nodes: 3 } },
        { strategy: 'bfd' },
        { advance: 1000 },
        { seek: 0 },
        { recover: 2 },
        { caption: 'Hello', holdMs: 500 },
        { caption: null },
        { lesson: 'failover', step: 2 },
        { present: true },
        { select: 'router' },
        { select: 3 },
        { theme: 'dark' },
        { speed: 0.5 },
        { 'wait-for': 'detect', node: 2, withinMs: 5000 },
        { highlight: { table: 'Forwarding table', row: 1 } },
        { highlight: null },
        { play: 2000, speed: 2 },
        { hold: 1000 },
      ),
    ).toEqual([]);
  });

  it('names the step and the field of a bad value', () => {
    expect(steps({ load: 'basic' }, { fail: 'three' })).toEqual([
      'steps[1].fail: expected a node number, got "three"',
    ]);
    expect(steps({ fail: 0 })).toEqual([
      'steps[0].fail: expected a node number (1 or more), got 0',
    ]);
    expect(steps({ fail: 2, kind: 'melt' })).toEqual([
      'steps[0].kind: expected a failure kind: crash, link, carrier, unhealthy, got "melt"',
    ]);
    expect(steps({ advance: -5 })).toEqual([
      'steps[0].advance: expected a duration in ms, 0 or more, got -5',
    ]);
    expect(steps({ theme: 'blue' })).toEqual([
      'steps[0].theme: expected a theme: light, dark, got "blue"',
    ]);
    expect(steps({ shot: 'a/b' })[0]).toMatch(/^steps\[0\]\.shot: expected a name of letters/);
    expect(steps({ lesson: 'failover' })).toEqual([
      'steps[0].step: expected a step number, got nothing',
    ]);
  });

  it('names steps with no action, two actions or an unknown option', () => {
    expect(steps({ fial: 3 })[0]).toMatch(
      /^steps\[0\]: no action in "fial"; a step is one of load, /,
    );
    expect(steps({ fail: 1, recover: 2 })).toEqual([
      'steps[0]: one action per step, got "fail" and "recover"',
    ]);
    expect(steps({ fail: 1, knd: 'link' })).toEqual([
      'steps[0]: unknown field "knd" in a "fail" step',
    ]);
    expect(steps(7)).toEqual([
      'steps[0]: expected a step object such as { "advance": 1000 }, got 7',
    ]);
  });

  it('checks what a load step loads, as a scenario file is checked', () => {
    expect(steps({ load: 'basik' })[0]).toMatch(
      /^steps\[0\]\.load: expected a preset name \(basic, .*\) or a scenario object, got "basik"$/,
    );
    expect(steps({ load: { version: 1, nodes: 0 } })[0]).toMatch(/^steps\[0\]\.load\.nodes: /);
  });

  it('knows the event types the core logs', () => {
    expect(steps({ 'wait-for': 'fib-install' })).toEqual([]);
    expect(steps({ 'wait-for': 'fib' })[0]).toMatch(
      /^steps\[0\]\.wait-for: expected an event type: .*fib-install.*, got "fib"$/,
    );
  });

  it('reports every problem at once, the header first', () => {
    expect(problems({ version: 2, steps: [] })).toEqual([
      'version: expected 1, got 2',
      'steps: expected at least one step, got []',
    ]);
    expect(
      problems({ version: 1, viewport: { width: 100, height: 600 }, steps: [{ seek: 0 }] }),
    ).toEqual(['viewport.width: expected a width in CSS pixels, from 320 to 3840, got 100']);
    expect(problems({ version: 1, steps: [{ seek: 0 }], extra: true })).toEqual([
      'script: unknown field "extra"',
    ]);
    expect(steps({ fail: 'x' }, { recover: 'y' })).toHaveLength(2);
  });
});
