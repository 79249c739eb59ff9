import { describe, expect, test } from 'vitest';
import { createSimulation, MAX_FAULTS, parseScenario } from './index';
import { workloadProblem } from './workload';

// Clicks become faults: a run may never hold more than a file may, or its
// export would be refused when loaded again.
describe('the fault cap holds for clicks too', () => {
  test('acting past the cap is refused, and the export at the cap loads again', () => {
    const faults = Array.from({ length: MAX_FAULTS - 1 }, (_, i) => ({
      atMs: 80_000_000 + i,
      node: 1,
      action: i % 2 === 0 ? ('fail' as const) : ('recover' as const),
    }));
    const sim = createSimulation(
      parseScenario({
        version: 1,
        nodes: 2,
        durationMs: 86_400_000,
        faults,
        traffic: { flows: 0 },
      }),
    );
    sim.act({ type: 'fail-node', node: 2, kind: 'crash' });
    expect(sim.scenario().faults).toHaveLength(MAX_FAULTS);
    expect(() => sim.act({ type: 'recover-node', node: 2 })).toThrow(
      /already holds 10000 faults, the most a scenario may hold/,
    );
    expect(sim.scenario().faults).toHaveLength(MAX_FAULTS);
    expect(parseScenario(sim.scenario()).faults).toHaveLength(MAX_FAULTS);
  });
});

describe('the workload limit holds for clicks too', () => {
  test('a click that would make the run too large to load again is refused, and the export loads', () => {
    // A million flows over a day: the estimate, not the fault cap, is what a
    // few thousand faults reach. Find the most faults it accepts.
    const base = {
      version: 1 as const,
      nodes: 8,
      durationMs: 86_400_000,
      traffic: { flows: 1_000_000, longLivedShare: 1 },
    };
    const withFaults = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        atMs: 80_000_000 + i,
        node: 1,
        action: i % 2 === 0 ? ('fail' as const) : ('recover' as const),
      }));
    const empty = parseScenario({ ...base, faults: [] });
    let most = 0;
    while (workloadProblem(empty, most + 1) === null) most++;
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThan(MAX_FAULTS);

    const sim = createSimulation(parseScenario({ ...base, faults: withFaults(most - 1) }));
    sim.act({ type: 'fail-node', node: 2, kind: 'crash' });
    expect(sim.scenario().faults).toHaveLength(most);
    expect(() => sim.act({ type: 'recover-node', node: 2 })).toThrow(
      /one more fault would make this run too large to load again \(nodes 8, faults \d+,.*limit/,
    );
    expect(sim.scenario().faults).toHaveLength(most);
    expect(parseScenario(sim.scenario()).faults).toHaveLength(most);
  });
});
