import { appStore, useFib } from '../../store';
import { sharesFor } from '../../viz/shares';
import { formatPercent } from './format';
import { hopColor } from './palette';
import { useFromSim } from './useSimTick';

const NO_SHARES = new Map<number, number>();

/** The router's FIB: one row per next hop of the ECMP set, with its live share of flows. */
export function ForwardingTable() {
  const fib = useFib();
  // The same cached shares the topology labels its paths with (per revision).
  const shares = useFromSim(
    (sim) => sharesFor(sim, appStore.getState().revision).byNode,
    NO_SHARES,
    false,
  );
  return (
    <div className="max-h-56 overflow-auto rounded-md border border-line">
      <table className="w-full border-collapse text-sm tabular-nums">
        <caption className="sr-only">Forwarding table</caption>
        <thead className="sticky top-0 bg-surface-2 text-left text-xs text-muted">
          <tr>
            <th scope="col" className="px-2 py-0.5 whitespace-nowrap font-medium">
              Next hop
            </th>
            <th scope="col" className="px-2 py-0.5 whitespace-nowrap text-right font-medium">
              Share of flows
            </th>
          </tr>
        </thead>
        <tbody>
          {fib.length === 0 && (
            <tr>
              <td colSpan={2} className="px-2 py-2 text-alert">
                Empty: no route, every packet is dropped.
              </td>
            </tr>
          )}
          {fib.map((node) => {
            const share = shares.get(node) ?? 0;
            return (
              <tr key={node} data-node={node} className="border-t border-line">
                <th scope="row" className="px-2 py-0.5 text-left font-medium">
                  <span className="inline-flex items-center gap-2">
                    <span
                      aria-hidden="true"
                      className="inline-block size-3 rounded-sm"
                      style={{ background: hopColor(node) }}
                    />
                    Node {node}
                  </span>
                </th>
                <td className="px-2 py-0.5">
                  <span className="flex items-center justify-end gap-2">
                    <span aria-hidden="true" className="h-1.5 w-20 rounded-full bg-surface-2">
                      <span
                        className="block h-full rounded-full"
                        style={{ width: `${share * 100}%`, background: hopColor(node) }}
                      />
                    </span>
                    <span className="w-10 text-right">{formatPercent(share)}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
