import { useMemo } from 'react';
import { getSim, useAppStore } from '../../store';
import { PATH_LABEL, pathState } from '../../viz/pathState';
import { sharesFor } from '../../viz/shares';
import { formatPercent } from '../inspect/format';
import { routeStatus } from '../inspect/routeStatus';

/**
 * The stage as a table, for screen readers and for anyone who wants the
 * numbers: one row per node with its state, the metric it advertises, its share
 * of traffic and what the router does with its route. It changes only on
 * discrete moments (snapshot, revision), never with the running clock.
 */
export function StageTable() {
  const snapshot = useAppStore((s) => s.snapshot);
  const revision = useAppStore((s) => s.revision);
  const shares = useMemo(() => {
    const sim = getSim();
    return sim ? sharesFor(sim, revision).byNode : new Map<number, number>();
  }, [revision]);
  if (!snapshot) return null;
  const routes = new Map(snapshot.routes.map((r) => [r.node, r]));
  return (
    <div className="stage-table max-h-[28rem] overflow-auto border-t border-line px-4 py-3">
      <table className="w-full border-collapse text-sm tabular-nums">
        <caption className="pb-2 text-left text-sm font-semibold">Stage table</caption>
        <thead className="sticky top-0 bg-surface text-left text-xs text-muted">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Node
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              State
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Metric
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Share
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Route status
            </th>
          </tr>
        </thead>
        <tbody>
          {snapshot.nodes.map((node) => {
            const route = routes.get(node.node);
            const path = pathState(route, node);
            return (
              <tr key={node.node} className="border-t border-line" data-state={path}>
                <th scope="row" className="px-2 py-1 text-left font-medium">
                  Node {node.node}
                </th>
                <td className="px-2 py-1">{node.state}</td>
                <td className="px-2 py-1 text-right font-mono">{node.metric ?? '—'}</td>
                <td className="px-2 py-1 text-right font-mono">
                  {formatPercent(shares.get(node.node) ?? 0)}
                </td>
                <td className="px-2 py-1">
                  {route ? `${routeStatus(route).text}: ${PATH_LABEL[path]}` : PATH_LABEL[path]}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
