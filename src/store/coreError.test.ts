import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../sim';
import {
  advanceTo,
  appStore,
  getSim,
  loadScenario,
  play,
  resetStore,
  seek,
  setSimulationFactory,
  stepToNextEvent,
  workRunning,
} from '.';

const FOUR = { version: 1, nodes: 4, durationMs: 60_000 } as const;
const BROKEN_AT_MS = 20_000;
const MESSAGE = 'The simulation is stuck at 20000 ms (a test double)';

/** A real run whose core throws once asked to pass BROKEN_AT_MS, as the stuck-run guard does. */
function breaksLater(scenario: Parameters<typeof createSimulation>[0]): Simulation {
  const sim = createSimulation(scenario);
  const fail = (tMs: number) => {
    if (tMs > BROKEN_AT_MS) throw new Error(MESSAGE);
  };
  return {
    ...sim,
    advanceTo: (tMs: number) => (fail(tMs), sim.advanceTo(tMs)),
    seek: (tMs: number) => (fail(tMs), sim.seek(tMs)),
    step: () => (fail(sim.now() + 1), sim.step()),
  };
}

beforeEach(() => {
  resetStore();
  setSimulationFactory(breaksLater);
  loadScenario(FOUR, 'four');
  play();
});

function expectStoppedWithMessage(): void {
  const state = appStore.getState();
  expect(state.error).toBe(MESSAGE);
  expect(state.playing).toBe(false);
  expect(state.work).toBeNull();
  expect(workRunning()).toBe(false);
}

describe('a core that throws', () => {
  it('stops playing and says why when the clock advances into it', () => {
    advanceTo(10_000);
    expect(appStore.getState().error).toBeNull();
    expect(advanceTo(30_000)).toBe(false);
    expectStoppedWithMessage();
    expect(getSim()!.now()).toBe(10_000);
  });

  it('stops a seek into it and keeps the moment it had', async () => {
    await seek(5_000);
    await seek(40_000);
    expectStoppedWithMessage();
    expect(getSim()!.now()).toBe(5_000);
  });

  it('stops a step into it', async () => {
    await seek(BROKEN_AT_MS);
    stepToNextEvent();
    expectStoppedWithMessage();
  });

  it('leaves a working core alone', async () => {
    setSimulationFactory(createSimulation);
    loadScenario(FOUR, 'four');
    await seek(40_000);
    expect(appStore.getState().error).toBeNull();
    expect(getSim()!.now()).toBe(40_000);
  });
});
