import { createSimulation, type Scenario } from '../src/sim/index';
import { memoryMB } from './memory';

/**
 * Run `scenario` to its end in steps of `stepMs`, reading memory after each,
 * then its figures: the simulation, the wall time and the peak memory (MB).
 */
export function runToEnd(scenario: Scenario, stepMs: number) {
  let peakMB = memoryMB();
  const t0 = performance.now();
  const sim = createSimulation(scenario);
  for (let t = stepMs; t < scenario.durationMs; t += stepMs) {
    sim.advanceTo(t);
    peakMB = Math.max(peakMB, memoryMB());
  }
  sim.advanceTo(scenario.durationMs);
  sim.figures();
  const runMs = performance.now() - t0;
  return { sim, runMs, peakMB: Math.max(peakMB, memoryMB()) };
}
