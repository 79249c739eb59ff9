/** Time control: seek, step, and acting while scrubbed back (which forks history). */
import { describe, expect, test } from 'vitest';
import { checkpointIntervalMs } from './checkpoints';
import type { Simulation } from './simulation';
import { given } from './testing/harness';

const setup = { nodes: 4, durationMs: 60_000 } as const;
const straightTo = (tMs: number) => given(setup).fail(4).at(20_000).run(tMs).sim;

describe('seek', () => {
  test('back, then forward past a checkpoint taken before, gives the straight run (no holes in the log)', () => {
    const interval = checkpointIntervalMs(setup.durationMs);
    const target = 20_000 + 3 * interval + 7;
    const sim = straightTo(40_000);
    sim.seek(1_000);
    expect(sim.events().every((e) => e.tMs <= 1_000)).toBe(true);
    sim.seek(target);
    const straight = straightTo(target);
    expect(sim.events().includes(undefined as never)).toBe(false);
    expect(sim.events()).toEqual(straight.events());
    expect(sim.fibChanges()).toEqual(straight.fibChanges());
    expect(sim.epochs()).toEqual(straight.epochs());
    expect(sim.figures()).toEqual(straight.figures());
    expect(sim.snapshot()).toEqual(straight.snapshot());
  });

  test('seeking clamps to the scenario and never runs past its end', () => {
    const sim = straightTo(0);
    sim.seek(-5);
    expect(sim.now()).toBe(0);
    sim.seek(1e12);
    expect(sim.now()).toBe(setup.durationMs);
    expect(sim.horizonMs()).toBe(setup.durationMs);
  });
});

describe('step', () => {
  test('each step lands on the next moment something is logged', () => {
    const sim = straightTo(19_999);
    const before = sim.events().length;
    expect(sim.step()).toBe(true);
    const next = sim.events().slice(before);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((e) => e.tMs === sim.now())).toBe(true);
    expect(next[0]).toMatchObject({ type: 'node-fail', node: 4 });
  });

  test('stepping to the end visits the same events as a straight run', () => {
    const sim = straightTo(0);
    while (sim.step()) {
      /* keep stepping */
    }
    expect(sim.events()).toEqual(straightTo(setup.durationMs).events());
    expect(sim.step()).toBe(false);
  });
});

describe('act', () => {
  test('acting while scrubbed back forks: the scenario keeps its faults, the new one applies', () => {
    const sim = given(setup).fail(4).at(20_000).fail(3).at(30_000).run(40_000).sim;
    sim.seek(25_000);
    expect(sim.act({ type: 'recover-node', node: 4 })).toEqual({ droppedActions: 0 });
    expect(sim.horizonMs()).toBe(25_000);
    expect(sim.scenario().faults.map((f) => [f.atMs, f.node, f.action])).toEqual([
      [20_000, 4, 'fail'],
      [25_000, 4, 'recover'],
      [30_000, 3, 'fail'],
    ]);
    sim.advanceTo(60_000);
    expect(sim.events().some((e) => e.type === 'node-fail' && e.node === 3)).toBe(true);
    expect(sim.snapshot().fib).toEqual([1, 2, 4]);
  });

  test('a fork drops only the user’s own later actions, and says how many', () => {
    const sim = given(setup).fail(4).at(20_000).run(5_000).sim;
    sim.act({ type: 'fail-node', node: 1, kind: 'crash' });
    sim.advanceTo(8_000);
    sim.act({ type: 'recover-node', node: 1 });
    sim.advanceTo(12_000);
    sim.act({ type: 'fail-node', node: 2, kind: 'link' });
    expect(sim.userActions().map((f) => [f.atMs, f.node, f.action])).toEqual([
      [5_000, 1, 'fail'],
      [8_000, 1, 'recover'],
      [12_000, 2, 'fail'],
    ]);
    sim.seek(6_000);
    expect(sim.act({ type: 'fail-node', node: 3, kind: 'crash' })).toEqual({ droppedActions: 2 });
    expect(sim.scenario().faults.map((f) => [f.atMs, f.node, f.action])).toEqual([
      [5_000, 1, 'fail'],
      [6_000, 3, 'fail'],
      [20_000, 4, 'fail'],
    ]);
    expect(sim.userActions().map((f) => f.atMs)).toEqual([5_000, 6_000]);
    sim.advanceTo(25_000);
    expect(sim.events().some((e) => e.type === 'node-fail' && e.node === 4)).toBe(true);
  });

  test('a node that does not exist is refused', () => {
    const sim = straightTo(0);
    expect(() => sim.act({ type: 'fail-node', node: 5, kind: 'crash' })).toThrow(/node 5/);
  });
});

describe('scrubbing back and forth, then forking', () => {
  test('acting after a rewind forgets every checkpoint of the abandoned future', () => {
    // Acting at 2 s keeps the scenario's own crash of node 4 at 20 s.
    const forked = given(setup).fail(2, 'carrier').at(2_000).fail(4).at(20_000).run(40_000).sim;
    const sim = straightTo(40_000);
    sim.seek(1_000);
    sim.seek(2_000);
    sim.act({ type: 'fail-node', node: 2, kind: 'carrier' });
    sim.advanceTo(40_000);
    sim.seek(30_000);
    forked.seek(30_000);
    expect(sim.snapshot()).toEqual(forked.snapshot());
    expect(sim.events()).toEqual(forked.events());
    expect(sim.figures()).toEqual(forked.figures());
  });
});

test.each([
  ['seek', (sim: Simulation, t: number) => sim.seek(t)],
  ['play (advanceTo)', (sim: Simulation, t: number) => sim.advanceTo(t)],
])(
  'a rewind, %s across events, then a fork: no checkpoint of the old future survives',
  (_, forward) => {
    const forked = given(setup).fail(4).at(20_000).fail(2, 'carrier').at(25_000).run(40_000).sim;
    const sim = straightTo(40_000);
    sim.seek(19_000);
    forward(sim, 25_000);
    sim.act({ type: 'fail-node', node: 2, kind: 'carrier' });
    sim.advanceTo(40_000);
    for (const t of [30_000, 26_000, 39_000]) {
      sim.seek(t);
      forked.seek(t);
      expect(sim.snapshot()).toEqual(forked.snapshot());
      expect(sim.events()).toEqual(forked.events());
      expect(sim.figures()).toEqual(forked.figures());
    }
  },
);
