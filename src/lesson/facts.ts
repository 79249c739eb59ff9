/**
 * Reading a lesson's checks and facts off the simulation: what a *do* step
 * waits for (at the current moment) and what a prediction's answers claim (at
 * their own moment). Pure: the runner and the lesson tests share it.
 */
import type { Simulation, Snapshot } from '../sim';
import { blackHoleNow } from '../app/slowMotion';
import type { Check, Fact } from './types';

/** Whether a *do* step's check holds in the simulation now. */
export function checkHolds(check: Check, sim: Simulation): boolean {
  if (check.kind === 'strategy') return sim.scenario().strategy === check.strategy;
  const node = sim.snapshot().nodes.find((n) => n.node === check.node);
  if (!node) return false;
  const down = node.state === 'failed' || node.state === 'unhealthy';
  return check.kind === 'nodeDown' ? down : !down;
}

/** Whether `fact` holds of `snapshot` (taken at the fact's moment). */
export function factHolds(fact: Fact, at: (tMs: number) => Snapshot): boolean {
  switch (fact.kind) {
    case 'all':
      return fact.facts.every((f) => factHolds(f, at));
    case 'fib': {
      const fib = [...at(fact.atMs).fib].sort((a, b) => a - b);
      const want = [...fact.nodes].sort((a, b) => a - b);
      return fib.length === want.length && fib.every((n, i) => n === want[i]);
    }
    case 'inFib':
      return at(fact.atMs).fib.includes(fact.node) === fact.is;
    case 'route': {
      const route = at(fact.atMs).routes.find((r) => r.node === fact.node);
      if (!route) return !fact.present;
      return (
        fact.present &&
        (fact.metric === undefined || route.metric === fact.metric) &&
        (fact.stale === undefined || route.stale === fact.stale) &&
        (fact.inFib === undefined || route.inFib === fact.inFib)
      );
    }
    case 'advertises':
      return at(fact.atMs).nodes.find((n) => n.node === fact.node)?.metric === fact.metric;
    case 'blackHole':
      return blackHoleNow(at(fact.atMs)) === fact.is;
  }
}

/** The moments a fact looks at, earliest first. */
export function factTimes(fact: Fact): number[] {
  if (fact.kind === 'all') return [...new Set(fact.facts.flatMap(factTimes))].sort((a, b) => a - b);
  return [fact.atMs];
}

/** Check `fact` against `sim` by seeking it to each moment the fact names. */
export function factHoldsIn(fact: Fact, sim: Simulation): boolean {
  return factHolds(fact, (tMs) => {
    sim.seek(tMs);
    return sim.snapshot();
  });
}
