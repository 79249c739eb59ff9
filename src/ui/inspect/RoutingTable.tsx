import { memo } from 'react';
import type { RouteView } from '../../sim';
import { useAppStore } from '../../store';
import { formatAgo, formatCountdown } from './format';
import { StatusIcon } from './icons';
import { routeStatus } from './routeStatus';
import { useNowMs } from './useSimTick';

const EMPTY: readonly RouteView[] = [];

/** The router's RIB for the VIP: one row per neighbor's route. */
export function RoutingTable() {
  const routes = useAppStore((s) => s.snapshot?.routes ?? EMPTY);
  const nowMs = useNowMs();
  return (
    <div className="max-h-72 overflow-auto rounded-md border border-line">
      <table className="w-full border-collapse text-sm tabular-nums">
        <caption className="sr-only">Routing table</caption>
        <thead className="sticky top-0 bg-surface-2 text-left text-xs text-muted">
          <tr>
            <th scope="col" className="px-1.5 py-0.5 whitespace-nowrap font-medium">
              Node
            </th>
            <th scope="col" className="px-1.5 py-0.5 whitespace-nowrap text-right font-medium">
              Metric
            </th>
            <th scope="col" className="px-1.5 py-0.5 whitespace-nowrap text-right font-medium">
              Heard
            </th>
            <th scope="col" className="px-1.5 py-0.5 whitespace-nowrap text-right font-medium">
              Expires
            </th>
            <th scope="col" className="px-1.5 py-0.5 whitespace-nowrap font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {routes.length === 0 && (
            <tr>
              <td colSpan={5} className="px-2 py-2 text-muted">
                No routes: the router has nothing for the VIP.
              </td>
            </tr>
          )}
          {routes.map((route) => (
            <RouteRow key={route.node} route={route} nowMs={nowMs} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const RouteRow = memo(function RouteRow({ route, nowMs }: { route: RouteView; nowMs: number }) {
  const status = routeStatus(route);
  return (
    <tr data-node={route.node} className="border-t border-line">
      <th scope="row" className="px-1.5 py-0.5 text-left font-medium whitespace-nowrap">
        Node {route.node}
      </th>
      <td className="px-1.5 py-0.5 text-right font-mono">{route.metric}</td>
      <td className="px-1.5 py-0.5 text-right whitespace-nowrap">
        {formatAgo(nowMs, route.lastHeardMs)}
      </td>
      <td className="px-1.5 py-0.5 text-right whitespace-nowrap">
        {formatCountdown(nowMs, route.expiresAtMs)}
      </td>
      <td className="px-1.5 py-0.5" title={status.detail}>
        <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
          <StatusIcon glyph={status.glyph} />
          {status.text}
        </span>
      </td>
    </tr>
  );
});
