import type { PathState } from '../../viz/pathState';
import type { NodeState } from '../../sim';
import { NODE_ICON } from '../../viz/pathState';

const PATHS: [PathState, string][] = [
  ['fib', 'In forwarding table (carries traffic)'],
  ['blackhole', 'Black hole: installed, node down'],
  ['stale', 'Stale: router still holds a dead node’s route'],
  ['standby', 'Present, not best (higher metric)'],
  ['absent', 'No route'],
];

const NODES: [NodeState, string][] = [
  ['active', 'Active'],
  ['failed', 'Failed'],
  ['unhealthy', 'Unhealthy'],
  ['recovering', 'Recovering'],
];

/** What the path styles, node colours and rings mean. */
export function Legend() {
  return (
    <section aria-label="Legend" className="legend flex flex-wrap gap-x-6 gap-y-1 text-xs">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {PATHS.map(([state, text]) => (
          <li key={state} className="flex items-center gap-1.5">
            <svg width="34" height="10" aria-hidden="true" className="path" data-state={state}>
              <path d="M2 5H32" className="path-line" />
            </svg>
            {text}
          </li>
        ))}
      </ul>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {NODES.map(([state, text]) => (
          <li key={state} className="flex items-center gap-1.5">
            <svg width="16" height="16" aria-hidden="true" className="node" data-state={state}>
              <circle cx="8" cy="8" r="7" className="node-icon" />
              <text x="8" y="8" dy="0.35em" textAnchor="middle" className="node-icon-text">
                {NODE_ICON[state]}
              </text>
            </svg>
            {text}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <svg width="16" height="16" aria-hidden="true" className="countdown countdown-restore">
            <circle cx="8" cy="8" r="6" className="countdown-track" />
            <path d="M8 2A6 6 0 1 1 2 8" className="countdown-fill" transform="translate(0 0)" />
          </svg>
          Ring: time left on a route’s expiry or a node’s restore wait
        </li>
      </ul>
    </section>
  );
}
