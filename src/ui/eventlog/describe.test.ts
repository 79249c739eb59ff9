import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim';
import { describeEvent, formatSet } from './describe';

const say = (events: SimEvent[], i = 0) => describeEvent(events, i, 'bgp');

describe('describeEvent', () => {
  it('tells a detection together with the metric it lowers to', () => {
    const events: SimEvent[] = [
      { tMs: 1, type: 'detect', node: 3, lost: [4], activeSet: [1, 2, 3] },
      { tMs: 1, type: 'advertise', node: 3, metric: 99, reason: 'lower' },
    ];
    expect(say(events)).toBe('Node 3 detects the loss of node 4 and lowers its metric to 99');
  });

  it('names the router, the FIB and the expiry timer', () => {
    expect(say([{ tMs: 0, type: 'fib-install', ecmp: [1, 2, 3] }])).toBe(
      'Router installs ECMP set {1, 2, 3}',
    );
    expect(say([{ tMs: 0, type: 'route-removed', node: 4, reason: 'expiry' }])).toBe(
      "Node 4's route expires (hold timer) and is removed",
    );
  });

  it('keeps 64-node sets short with ranges', () => {
    const all = Array.from({ length: 64 }, (_, i) => i + 1).filter((n) => n !== 47);
    expect(formatSet(all)).toBe('{1–46, 48–64}');
    expect(formatSet([1, 3])).toBe('{1, 3}');
  });
});
