import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, presetByName } from '../../sim';
import { futureEpochs, lostIn } from '../charts/series';
import { readHistory } from './history';

// The furthest history: scrubbing back keeps what was already played, a fork
// (acting in the past) drops it, and the future part of the charts adds up.

const basic = () => createSimulation(parseScenario(presetByName('basic')!.scenario));

describe('readHistory', () => {
  it('keeps events and epochs beyond now after seeking back', () => {
    const sim = basic();
    sim.advanceTo(30_000);
    const atFront = readHistory(sim);
    const events = atFront.events.length;
    sim.seek(12_000);
    const back = readHistory(sim);
    expect(sim.events().length).toBeLessThan(events);
    expect(back.events.length).toBe(events);
    expect(back.horizonMs).toBe(30_000);
    expect(back.epochs.at(-1)!.endMs).toBe(30_000);
  });

  it('forgets the old future after a fork', () => {
    const sim = basic();
    sim.advanceTo(30_000);
    readHistory(sim);
    sim.seek(5_000);
    sim.act({ type: 'fail-node', node: 2, kind: 'crash' });
    const forked = readHistory(sim);
    expect(forked.horizonMs).toBe(5_000);
    expect(forked.events.every((e) => e.tMs <= 5_000)).toBe(true);
  });

  it('splits the known run at now so played + future loss is the whole loss', () => {
    const sim = basic();
    sim.advanceTo(30_000);
    const total = sim.figures().packetsLost;
    readHistory(sim);
    sim.seek(10_300); // inside the black hole
    const history = readHistory(sim);
    const played = sim.epochs();
    const future = futureEpochs(history.epochs, played, sim.now());
    const sum = [...played, ...future].reduce((s, e) => s + lostIn(e), 0);
    expect(sum).toBe(total);
  });
});
