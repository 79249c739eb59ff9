/**
 * Runs the current scenario (with the clicks made so far) under every strategy
 * up to the current moment, so their figures can be set side by side: the
 * same traffic, the same faults, the same timer phases, only the strategy differs.
 */
import {
  createSimulation,
  type Figures,
  STRATEGY_IDS,
  type Scenario,
  type Strategy,
} from '../../sim';

export const COMPARED: readonly Strategy[] = STRATEGY_IDS;

export interface Comparison {
  atMs: number;
  rows: { strategy: Strategy; figures: Figures }[];
}

/** One strategy's figures at `atMs` for `scenario`. */
export function figuresUnder(scenario: Scenario, strategy: Strategy, atMs: number): Figures {
  const sim = createSimulation({ ...scenario, strategy });
  sim.advanceTo(atMs);
  return sim.figures();
}

/**
 * Compare all strategies, yielding to the browser between runs so that a long
 * scenario does not freeze the page.
 */
export async function compareStrategies(scenario: Scenario, atMs: number): Promise<Comparison> {
  const rows: Comparison['rows'] = [];
  for (const strategy of COMPARED) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    rows.push({ strategy, figures: figuresUnder(scenario, strategy, atMs) });
  }
  return { atMs, rows };
}
