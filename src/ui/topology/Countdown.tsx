import { useRef } from 'react';
import { lastFrame, usePainter, writeText } from '../../store';
import { ringPath } from '../../viz/paths';

/** The ring moves in steps of 1/STEPS of a turn: finer is invisible at this size. */
const STEPS = 90;

interface Props {
  x: number;
  y: number;
  r: number;
  /** When the countdown started and when it ends (simulated ms). */
  fromMs: number;
  toMs: number;
  className: string;
  title: string;
}

function shape(r: number, fromMs: number, toMs: number, nowMs: number) {
  const total = Math.max(1, toMs - fromMs);
  const left = Math.min(1, Math.max(0, (toMs - nowMs) / total));
  const step = Math.round(left * STEPS);
  const d = ringPath(r - 3, r, (step / STEPS) * 2 * Math.PI);
  return { step, d, seconds: Math.max(0, (toMs - nowMs) / 1000).toFixed(1) };
}

/**
 * A ring that empties as a timer runs out (route expiry, restore wait). React
 * renders it when the timer starts or changes; a painter moves it on coarse
 * frames, writing the path only when it moved a step.
 */
export function Countdown({ x, y, r, fromMs, toMs, className, title }: Props) {
  const fill = useRef<SVGPathElement>(null);
  const label = useRef<HTMLTitleElement>(null);
  const drawn = useRef(-1);
  const initial = shape(r, fromMs, toMs, lastFrame()?.nowMs ?? fromMs);
  drawn.current = initial.step;
  usePainter(({ nowMs }) => {
    const next = shape(r, fromMs, toMs, nowMs);
    if (next.step !== drawn.current) {
      drawn.current = next.step;
      fill.current?.setAttribute('d', next.d);
    }
    writeText(label.current, `${title}: ${next.seconds} s left`);
  });
  return (
    <g transform={`translate(${x} ${y})`} className={className}>
      <title ref={label}>{`${title}: ${initial.seconds} s left`}</title>
      <circle r={r - 1.5} className="countdown-track" />
      <path ref={fill} d={initial.d} className="countdown-fill" />
    </g>
  );
}
