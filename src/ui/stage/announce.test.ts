import { describe, expect, test } from 'vitest';
import { createSimulation, parseScenario, presetByName } from '../../sim';
import { momentsIn, summarise } from './announce';

function run(strategy: 'none' | 'metric-lowering', untilMs: number) {
  const scenario = parseScenario({ ...presetByName('basic')!.scenario, strategy });
  const sim = createSimulation(scenario);
  sim.advanceTo(untilMs);
  const events = sim.events();
  const from = events.findIndex((e) => e.tMs >= 10_000);
  return { sim, moments: momentsIn(events, from, scenario.protocol.preset) };
}

describe('the announcer’s summary', () => {
  test('under none the survivors’ detections are not counted as metric changes', () => {
    const { moments } = run('none', 11_000);
    expect(moments.filter((m) => m.kind === 'detection')).toHaveLength(3);
    expect(moments.filter((m) => m.kind === 'metric')).toHaveLength(0);
    expect(summarise(moments)).toMatch(/1 node failure, 3 detections/);
  });

  test('under metric lowering each detection is a metric change, and the table is the last one installed', () => {
    const { sim, moments } = run('metric-lowering', 11_000);
    expect(moments.filter((m) => m.kind === 'metric')).toHaveLength(3);
    expect(moments.filter((m) => m.kind === 'detection')).toHaveLength(0);
    const text = summarise(moments);
    expect(text).toMatch(/3 metric changes/);
    const fib = sim.snapshot().fib;
    expect(text).toContain(`Forwarding table now {${fib.join(', ')}}.`);
  });
});
