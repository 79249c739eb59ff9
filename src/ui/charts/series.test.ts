import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, presetByName } from '../../sim';
import { futureEpochs, lostIn } from './series';

describe('futureEpochs', () => {
  it('splits the known run at now so played + future loss is the whole loss', () => {
    const sim = createSimulation(parseScenario(presetByName('basic')!.scenario));
    sim.advanceTo(30_000);
    const total = sim.figures().packetsLost;
    sim.seek(10_300); // inside the black hole
    const played = sim.epochs();
    const future = futureEpochs(sim.history().epochs, played, sim.now());
    const sum = [...played, ...future].reduce((s, e) => s + lostIn(e), 0);
    expect(sum).toBe(total);
  });
});
