/**
 * The side-by-side view's scoreboard: one row per run, and the sentence that
 * says why the rows differ. React renders the rows when the runs change; a
 * painter writes the numbers and the sentence in place a few times a second,
 * all from the same facts, so the sentence is always true of the numbers shown.
 */
import { useRef } from 'react';
import type { Simulation, Strategy } from '../../sim';
import {
  compareRuns,
  type FrameContext,
  getSim,
  runFrame,
  useAppStore,
  usePainter,
  writeText,
} from '../../store';
import { strategyLabel } from '../controls/StrategySelect';
import { type RunFacts, runFacts } from './facts';
import { explainDifference, seconds } from './why';

const SCORE_INTERVAL_MS = 250;
const count = (n: number) => n.toLocaleString('en-US');

/** The cells of one row, in column order. */
function cells(facts: RunFacts): string[] {
  let left = '–';
  if (facts.failure) {
    left =
      facts.leftAfterMs !== null
        ? seconds(facts.leftAfterMs)
        : facts.stillDown
          ? 'not yet'
          : 'recovered first';
  }
  return [count(facts.packetsLost), count(facts.flowsBroken), seconds(facts.blackholeMs), left];
}

/** Every run's facts at this frame (each follower run to the frame's time first). */
function allFacts(frame: FrameContext | null): RunFacts[] {
  return compareRuns().flatMap(({ strategy, follower }) => {
    const sim: Simulation | null = follower
      ? frame
        ? runFrame(follower, frame).sim
        : follower.sim
      : (frame?.sim ?? getSim());
    return sim ? [runFacts(sim, strategy)] : [];
  });
}

/** Who the last column is about: the latest failure's node. */
const deadNode = (node: number | undefined) =>
  node === undefined ? 'The dead node' : `Node ${node}`;

interface Props {
  strategies: readonly Strategy[];
}

export function Scoreboard({ strategies }: Props) {
  const scenario = useAppStore((s) => s.scenario);
  const body = useRef<HTMLTableSectionElement>(null);
  const why = useRef<HTMLParagraphElement>(null);
  const failedNode = useRef<HTMLSpanElement>(null);
  const context = {
    hashing: scenario?.hashing ?? 'hash-threshold',
    connectionState: scenario?.cluster.connectionState ?? 'local',
    ...(scenario
      ? { restoreWaitMs: scenario.metric.restoreWaitMs, expiryMs: scenario.protocol.expiryMs }
      : {}),
  } as const;

  const paint = (facts: RunFacts[]) => {
    const rows = body.current?.rows;
    facts.forEach((f, i) => {
      const row = rows?.[i];
      if (!row) return;
      cells(f).forEach((text, k) => {
        writeText(row.cells[k + 1] ?? null, text);
      });
    });
    writeText(why.current, explainDifference(facts, context));
    const node = facts[0]?.failure?.node;
    writeText(failedNode.current, deadNode(node));
  };
  usePainter((frame) => paint(allFacts(frame)), SCORE_INTERVAL_MS);

  // The first render shows the numbers at once; the painter keeps them moving.
  const initial = allFacts(null);
  const node = initial[0]?.failure?.node;
  return (
    <section aria-labelledby="scoreboard-title" className="card flex flex-col gap-2 rounded-xl p-4">
      <h2 id="scoreboard-title" className="text-lg font-semibold tracking-tight">
        Scoreboard
      </h2>
      <div className="overflow-x-auto rounded-md border border-line">
        <table
          aria-labelledby="scoreboard-title"
          className="scoreboard w-full border-collapse text-sm tabular-nums"
        >
          <thead className="bg-surface-2 text-left text-xs text-muted">
            <tr>
              <th scope="col" className="px-2 py-2 sm:px-3 font-medium">
                Strategy
              </th>
              <th scope="col" className="px-2 py-2 sm:px-3 text-right font-medium">
                Packets lost
              </th>
              <th scope="col" className="px-2 py-2 sm:px-3 text-right font-medium">
                Flows broken
              </th>
              <th scope="col" className="px-2 py-2 sm:px-3 text-right font-medium">
                Black hole
              </th>
              <th scope="col" className="px-2 py-2 sm:px-3 text-right font-medium">
                <span ref={failedNode}>{deadNode(node)}</span> left the forwarding table after
              </th>
            </tr>
          </thead>
          <tbody ref={body}>
            {strategies.map((strategy, i) => {
              const facts = initial[i];
              const shown = facts ? cells(facts) : ['', '', '', ''];
              return (
                <tr key={strategy} className="border-t border-line">
                  <th scope="row" className="px-2 py-2 sm:px-3 text-left font-medium">
                    {strategyLabel(strategy)}
                  </th>
                  {shown.map((text, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                    <td key={k} className="px-2 py-2 sm:px-3 text-right font-mono">
                      {text}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p ref={why} className="why text-sm">
        {explainDifference(initial, context)}
      </p>
    </section>
  );
}
