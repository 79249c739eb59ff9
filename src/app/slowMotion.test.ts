import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario } from '../sim';
import { effectiveSpeed, fastUntil, SLOW_SPEED } from './slowMotion';

const scenario = parseScenario({
  version: 1,
  nodes: 4,
  durationMs: 60_000,
  protocol: { preset: 'lab' },
  strategy: 'none',
  faults: [{ atMs: 10_000, node: 4, action: 'fail', kind: 'crash' }],
});

function speedAt(tMs: number, on = true, speed = 10): number {
  const sim = createSimulation(scenario);
  sim.advanceTo(tMs);
  return effectiveSpeed(speed, on, tMs, scenario, sim.snapshot());
}

describe('automatic slow motion', () => {
  it('runs at the chosen speed far from any failure', () => {
    expect(speedAt(2_000)).toBe(10);
  });

  it('slows down just before a scripted failure and while the black hole lasts', () => {
    expect(speedAt(9_800)).toBe(SLOW_SPEED);
    // Without metric lowering node 4 stays in the FIB until its route expires.
    expect(speedAt(12_000)).toBe(SLOW_SPEED);
  });

  it('forgets the slow stretch of a scenario no longer loaded', () => {
    expect(speedAt(12_000)).toBe(SLOW_SPEED);
    const calm = parseScenario({ version: 1, nodes: 4, durationMs: 60_000 });
    const sim = createSimulation(calm);
    sim.advanceTo(12_500);
    expect(effectiveSpeed(10, true, 12_500, calm, sim.snapshot())).toBe(10);
  });

  it('lets a fast frame run only to the lead of the next failure', () => {
    expect(fastUntil(true, 2_000, scenario)).toBe(10_000 - 400);
    expect(fastUntil(false, 2_000, scenario)).toBe(Number.POSITIVE_INFINITY);
    // Inside the lead or past the last failure nothing holds a frame back.
    expect(fastUntil(true, 9_700, scenario)).toBe(Number.POSITIVE_INFINITY);
    expect(fastUntil(true, 20_000, scenario)).toBe(Number.POSITIVE_INFINITY);
  });

  it('does nothing when switched off or already slower', () => {
    expect(speedAt(12_000, false)).toBe(10);
    expect(speedAt(12_000, true, 0.1)).toBe(0.1);
  });
});
