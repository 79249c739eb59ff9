/**
 * The running Simulation, kept outside the reactive state on purpose: it mutates
 * every frame. Read it with `getSim()` when `revision` (or `displayMs`) tells you
 * something changed.
 */
import type { Scenario, Simulation } from '../sim';
import { appStore } from './store';

export type SimulationFactory = (scenario: Scenario) => Simulation;

let current: Simulation | null = null;
let factory: SimulationFactory | null = null;

/** The running simulation, or null before the first load. */
export function getSim(): Simulation | null {
  return current;
}

/**
 * The scenario `sim` runs as it was loaded: its duration, nodes and settings,
 * without the clicks. `sim.scenario()` adds those by cloning every fault.
 */
export function loadedScenario(sim: Simulation): Scenario {
  return appStore.getState().scenario ?? sim.scenario();
}

export function setSim(sim: Simulation | null): void {
  current = sim;
}

/** Tell the store how to build simulations (the app passes the core's `createSimulation`; tests may pass a fake). */
export function setSimulationFactory(create: SimulationFactory): void {
  factory = create;
}

export function getSimulationFactory(): SimulationFactory {
  if (!factory) throw new Error('setSimulationFactory() was not called before loading a scenario');
  return factory;
}
