import { useCallback } from 'react';
import { select, useFib, useRun, useRunStore } from '../../store';
import type { Layout } from '../../viz/layout';

/** The ECMP router: shows the size of its forwarding table; clicking selects it. */
export function RouterView({ layout }: { layout: Layout }) {
  const fib = useFib();
  const selected = useRunStore((s) => s.selected?.kind === 'router');
  const run = useRun();
  const { x, y, r } = layout.router;
  const onSelect = useCallback(() => (run?.select ?? select)({ kind: 'router' }), [run]);
  const label =
    fib.length === 0 ? 'no route' : `${fib.length} next hop${fib.length === 1 ? '' : 's'}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>.
    <g
      role="button"
      tabIndex={0}
      aria-label={`Router, ${label} in forwarding table`}
      aria-pressed={selected}
      className="router"
      data-state={fib.length === 0 ? 'empty' : 'ok'}
      transform={`translate(${x} ${y})`}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect();
        }
      }}
    >
      <circle r={r} className={selected ? 'router-body node-selected' : 'router-body'} />
      <path d="M-16-6h26l-6-6M16 6h-26l6 6" className="router-glyph" />
      <text y={r + 18} textAnchor="middle" className="stage-caption">
        Router
      </text>
      <text y={r + 34} textAnchor="middle" className="router-detail">
        {layout.narrow ? label : `ECMP · ${label}`}
      </text>
    </g>
  );
}
