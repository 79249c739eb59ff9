import { describe, expect, it } from 'vitest';
import { createEventLog } from './eventlog';
import type { SimEvent } from './types';

// The packed log gives back exactly what was pushed, shares equal node lists,
// and rewinds like the plain log.

const samples: SimEvent[] = [
  { tMs: 0, type: 'advertise', node: 1, metric: 100, reason: 'session' },
  { tMs: 0.5, type: 'best-path', ecmp: [1, 2, 3], metric: null },
  { tMs: 1, type: 'detect', node: 2, lost: [4], activeSet: [1, 2, 3] },
  { tMs: 1, type: 'detect', node: 3, lost: [4], activeSet: [1, 2, 3] },
  { tMs: 2.25, type: 'best-path', ecmp: [], metric: 4294967295 },
  { tMs: 3, type: 'node-fail', node: 4, kind: 'carrier' },
  { tMs: 4, type: 'timer-start', node: 1, firesAtMs: 10_004.125 },
];

describe('packed event log', () => {
  it('reads back every event as pushed', () => {
    const log = createEventLog<SimEvent>();
    for (const e of samples) log.push(e);
    expect(log.view()).toEqual(samples);
    expect(log.length).toBe(samples.length);
  });

  it('stores one copy of equal node lists', () => {
    const log = createEventLog<SimEvent>();
    for (const e of samples) log.push(structuredClone(e));
    const [a, b] = log.view().filter((e) => e.type === 'detect') as Extract<
      SimEvent,
      { type: 'detect' }
    >[];
    expect(a!.activeSet).toBe(b!.activeSet);
  });

  it('hides entries on rewind, keeps them as known, drops them on a fork', () => {
    const log = createEventLog<SimEvent>();
    for (const e of samples) log.push(e);
    log.rewind(2);
    expect(log.view()).toEqual(samples.slice(0, 2));
    expect(log.known()).toEqual(samples);
    log.push(samples[2]!);
    expect(log.view()).toEqual(samples.slice(0, 3));
    log.dropHidden();
    expect(log.kept).toBe(3);
    const other: SimEvent = { tMs: 9, type: 'node-recover', node: 4 };
    log.push(other);
    expect(log.known()).toEqual([...samples.slice(0, 3), other]);
  });
});
