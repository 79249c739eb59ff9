import type { NodeView } from '../../sim';
import { useAppStore } from '../../store';

/** Chips 1..N: which nodes this node believes are active (present) or gone (absent). */
export function ActiveSet({ view }: { view: NodeView }) {
  const count = useAppStore((s) => s.scenario?.nodes ?? 0);
  if (view.activeSet.length === 0) {
    return <p className="text-sm text-muted">None: this node is down and hears no heartbeats.</p>;
  }
  const present = new Set(view.activeSet);
  return (
    <ul
      aria-label={`Active node set as Node ${view.node} sees it`}
      className="flex flex-wrap gap-1"
    >
      {Array.from({ length: count }, (_, i) => i + 1).map((n) => {
        const on = present.has(n);
        return (
          <li
            key={n}
            className={`inline-flex h-6 min-w-7 items-center justify-center rounded-md px-1 font-mono text-xs tabular-nums ${
              on
                ? 'border border-[var(--ok)] bg-[color-mix(in_srgb,var(--ok)_16%,var(--surface))] font-semibold'
                : 'border border-dashed border-line text-muted line-through'
            } ${n === view.node ? 'ring-2 ring-[var(--accent)] ring-offset-1 ring-offset-[var(--surface)]' : ''}`}
          >
            {n}
            <span className="sr-only">{on ? ': present' : ': absent'}</span>
          </li>
        );
      })}
    </ul>
  );
}
