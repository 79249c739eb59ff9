import { arc } from 'd3-shape';
import { useAppStore } from '../../store';

const ring = arc();

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

/**
 * A ring that empties as a timer runs out (route expiry, restore wait). It alone
 * subscribes to the coarse display time, so only it re-renders ~10× a second.
 */
export function Countdown({ x, y, r, fromMs, toMs, className, title }: Props) {
  const nowMs = useAppStore((s) => s.displayMs);
  const total = Math.max(1, toMs - fromMs);
  const left = Math.min(1, Math.max(0, (toMs - nowMs) / total));
  const path = ring({
    innerRadius: r - 3,
    outerRadius: r,
    startAngle: 0,
    endAngle: left * 2 * Math.PI,
  });
  const secondsLeft = Math.max(0, (toMs - nowMs) / 1000);
  return (
    <g transform={`translate(${x} ${y})`} className={className}>
      <title>{`${title}: ${secondsLeft.toFixed(1)} s left`}</title>
      <circle r={r - 1.5} className="countdown-track" />
      <path d={path ?? ''} className="countdown-fill" />
    </g>
  );
}
