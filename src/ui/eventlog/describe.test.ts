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

  it('says what an unhealthy node that keeps advertising means for its traffic', () => {
    expect(say([{ tMs: 0, type: 'health-down', node: 2, checks: 3, withdraws: false }])).toContain(
      'keeps advertising, so the router still sends it traffic',
    );
    expect(say([{ tMs: 0, type: 'health-down', node: 2, checks: 3, withdraws: true }])).toContain(
      'withdraws its route',
    );
  });

  it('tells pacing, drains, planned leaves, poisoning and bucket moves', () => {
    expect(say([{ tMs: 0, type: 'update-held', node: 1, untilMs: 25_000 }])).toBe(
      'Node 1 holds its update until 25.000 s (minimum interval between updates)',
    );
    expect(say([{ tMs: 0, type: 'drain-start', node: 2, metric: 65_535 }])).toContain(
      'worst metric 65535',
    );
    expect(
      say([{ tMs: 0, type: 'member-leave', node: 1, left: [2], activeSet: [1, 3] }]),
    ).toContain('leave the cluster as planned, and keeps its metric');
    expect(say([{ tMs: 0, type: 'route-removed', node: 3, reason: 'poison' }])).toContain(
      'unreachable (metric 16)',
    );
    expect(
      say([{ tMs: 0, type: 'buckets-rebalanced', moved: 64, buckets: [], forced: true }]),
    ).toContain('unbalanced timer');
  });
});
