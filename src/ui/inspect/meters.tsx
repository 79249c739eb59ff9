import { useAppStore } from '../../store';
import { formatSeconds } from './format';
import { useNowMs } from './useSimTick';

/** The restore wait: a bar that fills as the wait runs, and the time left. */
export function RestoreTimer({ restoreAtMs, base }: { restoreAtMs: number | null; base: number }) {
  const waitMs = useAppStore((s) => s.scenario?.metric.restoreWaitMs ?? 0);
  const nowMs = useNowMs();
  if (restoreAtMs === null) {
    return (
      <p className="text-sm text-muted">Not running (starts when this node lowers its metric).</p>
    );
  }
  const leftMs = Math.max(0, restoreAtMs - nowMs);
  const doneMs = Math.min(waitMs, Math.max(0, waitMs - leftMs));
  const pct = waitMs > 0 ? (100 * doneMs) / waitMs : 100;
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label="Restore timer"
        aria-valuemin={0}
        aria-valuemax={Math.round(waitMs)}
        aria-valuenow={Math.round(doneMs)}
        aria-valuetext={`restores in ${formatSeconds(leftMs)}`}
        className="h-2.5 overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-[var(--info)]" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-sm">
        Restores metric {base} in{' '}
        <span className="font-mono tabular-nums">{formatSeconds(leftMs)}</span>{' '}
        <span className="text-muted">(wait {formatSeconds(waitMs)})</span>
      </p>
    </div>
  );
}

/** Health against the threshold below which the node counts as unhealthy. */
export function HealthBar({ health }: { health: number }) {
  const threshold = useAppStore((s) => s.scenario?.cluster.healthThreshold ?? 0.5);
  const below = health < threshold;
  return (
    <div className="flex flex-col gap-1">
      <div className="relative h-2.5 rounded-full bg-surface-2" aria-hidden="true">
        <div
          className="h-full rounded-full"
          style={{
            width: `${Math.max(0, Math.min(1, health)) * 100}%`,
            background: below ? 'var(--warn)' : 'var(--ok)',
          }}
        />
        <div
          className="absolute -top-1 h-4.5 w-0.5 bg-[var(--text)]"
          style={{ left: `${threshold * 100}%` }}
        />
      </div>
      <p className="text-sm">
        <span className="font-mono tabular-nums">{health.toFixed(2)}</span>{' '}
        <span className="text-muted">
          {below ? 'below' : 'at or above'} the threshold {threshold.toFixed(2)}
        </span>
      </p>
    </div>
  );
}
