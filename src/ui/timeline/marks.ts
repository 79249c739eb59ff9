/**
 * What the timeline draws, in pixels: fault badges, FIB changes, small ticks
 * for detections and metric changes (one per pixel column, so 10,000 events
 * stay a few hundred elements), and black-hole spans. A fault badge that would
 * overlap the badges already in both rows is left out (the event log lists
 * it), so a day of faults every minute does not grow the page without bound.
 */
import type { ScaleLinear } from 'd3-scale';
import type { Epoch, SimEvent } from '../../sim';

export interface FaultMark {
  key: string;
  x: number;
  node: number;
  fail: boolean;
  /** 0: the row just above the track; 1: the row above it (when badges would overlap). */
  lane: number;
}
export interface Span {
  x0: number;
  x1: number;
}
export interface TimelineMarks {
  faults: FaultMark[];
  fib: number[];
  detect: number[];
  metric: number[];
  blackholes: Span[];
  /** Number of badge rows in use (1 or 2). */
  lanes: number;
}

const BADGE_GAP_PX = 20;

function column(xs: Set<number>, x: number): void {
  xs.add(Math.round(x));
}

export function timelineMarks(
  events: readonly SimEvent[],
  epochs: readonly Epoch[],
  x: ScaleLinear<number, number>,
): TimelineMarks {
  const faults: FaultMark[] = [];
  const laneEnd = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const fib = new Set<number>();
  const detect = new Set<number>();
  const metric = new Set<number>();
  for (const [i, e] of events.entries()) {
    const px = x(e.tMs);
    if (e.type === 'node-fail' || e.type === 'node-recover') {
      const lane = px - laneEnd[0]! >= BADGE_GAP_PX ? 0 : px - laneEnd[1]! >= BADGE_GAP_PX ? 1 : -1;
      if (lane < 0) continue;
      laneEnd[lane] = px;
      faults.push({ key: `${i}`, x: px, node: e.node, fail: e.type === 'node-fail', lane });
    } else if (e.type === 'fib-install') column(fib, px);
    else if (e.type === 'detect') column(detect, px);
    else if (e.type === 'advertise' && e.reason !== 'session') column(metric, px);
  }
  return {
    faults,
    fib: [...fib],
    detect: [...detect],
    metric: [...metric],
    blackholes: blackholeSpans(epochs, x),
    lanes: faults.some((f) => f.lane === 1) ? 2 : 1,
  };
}

/** Adjacent black-hole epochs merged, at least 2 px wide so a short one still shows. */
function blackholeSpans(epochs: readonly Epoch[], x: ScaleLinear<number, number>): Span[] {
  const spans: Span[] = [];
  for (const e of epochs) {
    if (!e.blackhole || e.endMs <= e.startMs) continue;
    const last = spans.at(-1);
    const x0 = x(e.startMs);
    const x1 = Math.max(x(e.endMs), x0 + 2);
    if (last && x0 <= last.x1 + 0.5) last.x1 = Math.max(last.x1, x1);
    else spans.push({ x0, x1 });
  }
  return spans;
}
