import { describe, expect, test } from 'vitest';
import { createSimulation, MAX_FAULTS, parseScenario } from './index';

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
