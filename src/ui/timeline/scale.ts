/**
 * The time axis shared by the timeline and the charts: one d3 linear scale
 * from simulated ms to pixels, with ticks in seconds or minutes.
 */
import { type ScaleLinear, scaleLinear } from 'd3-scale';

/** Left and right gutters, the same for the timeline and every chart so they line up. */
export const MARGIN_LEFT = 64;
export const MARGIN_RIGHT = 20;

export interface TimeAxis {
  x: ScaleLinear<number, number>;
  ticks: { ms: number; label: string }[];
  /** "s" or "min": the unit of the tick labels. */
  unit: string;
}

export function timeAxis(durationMs: number, width: number): TimeAxis {
  const x = scaleLinear()
    .domain([0, Math.max(1, durationMs)])
    .range([MARGIN_LEFT, Math.max(MARGIN_LEFT + 1, width - MARGIN_RIGHT)]);
  const minutes = durationMs > 180_000;
  const unitMs = minutes ? 60_000 : 1000;
  const units = scaleLinear().domain([0, durationMs / unitMs]);
  const count = Math.max(2, Math.floor((width - MARGIN_LEFT - MARGIN_RIGHT) / 80));
  const ticks = units.ticks(count).map((u) => ({ ms: u * unitMs, label: formatUnits(u) }));
  return { x, ticks, unit: minutes ? 'min' : 's' };
}

function formatUnits(u: number): string {
  return Number.isInteger(u) ? String(u) : u.toFixed(1);
}

/** "12.4 s" (the slider's value text). */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "10.489" seconds with milliseconds, as the event log prints times. */
export function formatEventTime(ms: number): string {
  return (ms / 1000).toFixed(3);
}
