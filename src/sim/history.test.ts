import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { parseScenario } from './scenario';
import { presetByName } from './presets';

// The history known up to the horizon: scrubbing back keeps what was already
// played, a fork (acting in the past) drops it.

const basic = () => createSimulation(parseScenario(presetByName('basic')!.scenario));

describe('history', () => {
  it('keeps events and epochs beyond now after seeking back', () => {
    const sim = basic();
    sim.advanceTo(30_000);
    const atFront = sim.history();
    const events = atFront.events.length;
    const epochs = atFront.epochs.map((e) => ({ ...e }));
    sim.seek(12_000);
    const back = sim.history();
    expect(sim.events().length).toBeLessThan(events);
    expect(back.events.length).toBe(events);
    expect(back.horizonMs).toBe(30_000);
    expect(back.epochs).toEqual(epochs);
    expect(back.epochs.at(-1)!.endMs).toBe(30_000);
  });

  it('is the same object until something in it changes', () => {
    const sim = basic();
    sim.advanceTo(30_000);
    const first = sim.history();
    sim.seek(12_000);
    const back = sim.history();
    expect(sim.history()).toBe(back);
    sim.seek(20_000);
    expect(sim.history()).toBe(back);
    sim.seek(30_500);
    expect(sim.history()).not.toBe(first);
    expect(sim.history().horizonMs).toBe(30_500);
  });

  it('forgets the old future after a fork', () => {
    const sim = basic();
    sim.advanceTo(30_000);
    sim.history();
    sim.seek(5_000);
    sim.act({ type: 'fail-node', node: 2, kind: 'crash' });
    const forked = sim.history();
    expect(forked.horizonMs).toBe(5_000);
    expect(forked.events.every((e) => e.tMs <= 5_000)).toBe(true);
    expect(forked.epochs.every((e) => e.endMs <= 5_000)).toBe(true);
  });

  it('holds what a straight run to the horizon logs, wherever now is', () => {
    const sim = basic();
    sim.advanceTo(40_000);
    sim.seek(3_000);
    sim.seek(17_000);
    const straight = basic();
    straight.advanceTo(40_000);
    expect(sim.history().events).toEqual(straight.events());
    // The straight run's open epoch is empty when an epoch closed at 40 s.
    const played = straight
      .epochs()
      .filter((e, i, all) => i < all.length - 1 || e.endMs > e.startMs);
    expect(sim.history().epochs).toEqual(played);
  });
});
