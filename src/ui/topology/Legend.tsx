import type { PathState } from '../../viz/pathState';

const PATHS: [PathState, string, string][] = [
  ['fib', 'In FIB', 'In the forwarding table: carries traffic'],
  ['blackhole', 'Black hole', 'In the forwarding table, but the node is down: traffic is lost'],
  ['stale', 'Stale', 'The router still holds the route of a dead node (not in the FIB)'],
  ['standby', 'Not best', 'Present, not best: a higher metric'],
  ['absent', 'No route', 'The router holds no route from this node'],
];

/** What the path styles and rings mean (each node names its own state). */
export function Legend() {
  return (
    <section aria-label="Legend" className="legend text-xs">
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <li className="font-medium">Paths</li>
        {PATHS.map(([state, text, detail]) => (
          <li key={state} className="flex items-center gap-1.5" title={detail}>
            <svg width="30" height="10" aria-hidden="true" className="path" data-state={state}>
              <path d="M2 5H28" className="path-line" />
            </svg>
            {text}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <svg width="16" height="16" aria-hidden="true" className="countdown countdown-restore">
            <circle cx="8" cy="8" r="6" className="countdown-track" />
            <path d="M8 2A6 6 0 1 1 2 8" className="countdown-fill" />
          </svg>
          Ring: timer running down
        </li>
      </ul>
    </section>
  );
}
