import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, presetByName } from '../../sim';
import { COMPARED, compareStrategies } from './compare';

describe('strategy comparison', () => {
  it('runs the same scenario, clicks included, under each strategy up to the moment asked', async () => {
    const live = createSimulation(parseScenario(presetByName('basic')!.scenario));
    live.advanceTo(12_000);
    live.act({ type: 'fail-node', node: 2, kind: 'crash' });
    live.advanceTo(25_000);
    const result = await compareStrategies(live.scenario(), live.now());
    expect(result.atMs).toBe(25_000);
    expect(result.rows.map((r) => r.strategy)).toEqual(COMPARED);
    const by = Object.fromEntries(result.rows.map((r) => [r.strategy, r.figures]));
    // The running strategy's row is the live run's own figures.
    expect(by['metric-lowering']).toEqual(live.figures());
    // The same traffic under each: only where it went differs.
    expect(by.none!.packetsSent).toBe(by['metric-lowering']!.packetsSent);
    expect(by.bfd!.packetsSent).toBe(by['metric-lowering']!.packetsSent);
    // Two silent crashes: expiry alone black-holes far longer than either remedy.
    expect(by.none!.blackholeMs).toBeGreaterThan(5 * by['metric-lowering']!.blackholeMs);
    expect(by.none!.blackholeMs).toBeGreaterThan(5 * by.bfd!.blackholeMs);
  });
});
