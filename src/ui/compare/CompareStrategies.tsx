import { useRef, useState } from 'react';
import { getSim, useAppStore, usePainter } from '../../store';
import { strategyLabel } from '../controls/StrategySelect';
import { formatSeconds } from '../inspect/format';
import { type Comparison, compareStrategies } from './compare';

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** The current run's figures next to what the other strategies would have done. */
export function CompareStrategies() {
  const [result, setResult] = useState<Comparison | null>(null);
  const [busy, setBusy] = useState(false);
  const moved = useRef<HTMLSpanElement>(null);
  const loadCount = useAppStore((s) => s.loadCount);
  const current = useAppStore((s) => s.scenario?.strategy);
  const [forLoad, setForLoad] = useState(loadCount);
  const shown = forLoad === loadCount ? result : null;
  // Whether time has moved since the comparison, checked in the frame loop
  // rather than by re-rendering the panel with the clock.
  usePainter(({ nowMs }) => {
    const hidden = !shown || shown.atMs === nowMs;
    if (moved.current && moved.current.hidden !== hidden) moved.current.hidden = hidden;
  }, 250);

  async function run() {
    const sim = getSim();
    if (!sim) return;
    setBusy(true);
    try {
      setResult(await compareStrategies(sim.scenario(), sim.now()));
      setForLoad(loadCount);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-labelledby="compare-title"
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4"
    >
      <header className="flex items-center justify-between gap-3">
        <h2 id="compare-title" className="text-lg font-semibold tracking-tight">
          Compare strategies
        </h2>
        <button
          type="button"
          className="btn btn-secondary rounded-md px-3 py-1 text-sm"
          onClick={run}
          disabled={busy}
        >
          {busy ? 'Comparing…' : shown ? 'Update' : 'Compare up to now'}
        </button>
      </header>
      <p className="text-sm text-muted">
        The same traffic, faults and clicks under each strategy, up to{' '}
        {shown ? `${formatSeconds(shown.atMs)} (when compared)` : 'the current moment'}.
        <span ref={moved} hidden>
          {' Time has moved since: update to follow.'}
        </span>
      </p>
      {shown && (
        <div className="overflow-auto rounded-md border border-line">
          <table className="w-full border-collapse text-sm tabular-nums">
            <caption className="sr-only">Strategy comparison</caption>
            <thead className="bg-surface-2 text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Strategy
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Packets lost
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Black hole
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Flows broken
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map(({ strategy, figures }) => (
                <tr key={strategy} className="border-t border-line">
                  <th scope="row" className="px-2 py-1.5 text-left font-normal">
                    {strategyLabel(strategy)}
                    {strategy === current && <span className="text-muted"> · running</span>}
                  </th>
                  <td className="px-2 py-1.5 text-right">{count(figures.packetsLost)}</td>
                  <td className="px-2 py-1.5 text-right">{seconds(figures.blackholeMs)}</td>
                  <td className="px-2 py-1.5 text-right">{count(figures.flowsBroken)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
