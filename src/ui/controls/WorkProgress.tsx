import { useAppStore } from '../../store';
import { formatClock } from './format';

/**
 * Progress of a long seek or advance (shown only after half a second): the
 * core runs in slices, so the page and this bar keep moving meanwhile.
 */
export function WorkProgress() {
  const work = useAppStore((s) => s.work);
  if (!work) return null;
  const pct = Math.round(work.fraction * 100);
  return (
    <div className="flex items-center gap-2 text-sm" role="status">
      <span>
        {work.label} to {formatClock(work.targetMs)}…
      </span>
      <div
        role="progressbar"
        aria-label="Simulation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2 w-24 overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-[var(--info)]" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
