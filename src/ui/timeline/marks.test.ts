import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim';
import { timelineMarks } from './marks';

describe('timeline marks', () => {
  const x = scaleLinear().domain([0, 1_000_000]).range([0, 1_000]);

  it('keeps fault badges bounded by the width when faults come every minute', () => {
    const events: SimEvent[] = Array.from({ length: 2_000 }, (_, i) =>
      i % 2
        ? { tMs: i * 500, type: 'node-recover', node: 1 }
        : { tMs: i * 500, type: 'node-fail', node: 1, kind: 'crash' },
    );
    const marks = timelineMarks(events, [], x);
    expect(marks.faults.length).toBeLessThanOrEqual(2 * (1_000 / 20 + 1));
    expect(marks.faults.length).toBeGreaterThan(50);
  });

  it('puts a second fault close to the first in the row above', () => {
    const events: SimEvent[] = [
      { tMs: 10_000, type: 'node-fail', node: 4, kind: 'crash' },
      { tMs: 12_000, type: 'node-fail', node: 3, kind: 'crash' },
    ];
    expect(timelineMarks(events, [], x).faults.map((f) => f.lane)).toEqual([0, 1]);
  });
});
