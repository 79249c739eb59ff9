/**
 * The side-by-side view: one stage per strategy on one clock and one fault
 * schedule, then the scoreboard. Each run is the same `Topology` the normal
 * view draws, given its run through `RunContext`; a click in any run acts on
 * every run (`store/runs.ts`).
 */
import { useStore } from 'zustand';
import type { Strategy } from '../../sim';
import {
  COMPARE_MIN,
  COMPARE_STRATEGIES,
  closeCompare,
  compareRuns,
  compareStore,
  type Follower,
  openCompare,
  RunContext,
  showError,
  useAppStore,
} from '../../store';
import { FailureKindPicker } from '../controls/FailureKindPicker';
import { Announcer } from '../stage/Announcer';
import { Topology } from '../topology/Topology';
import { strategyLabel } from '../controls/StrategySelect';
import { Scoreboard } from './Scoreboard';

function RunStage({ strategy, follower }: { strategy: Strategy; follower: Follower | null }) {
  const label = strategyLabel(strategy);
  const stage = (
    <section
      aria-label={`Run: ${label}`}
      className="stage run-stage flex min-w-0 flex-col rounded-xl"
    >
      <h2 className="px-4 pt-3 text-base font-semibold tracking-tight">{label}</h2>
      <div className="run-canvas relative p-1">
        <Topology />
      </div>
    </section>
  );
  return follower ? (
    <RunContext.Provider value={follower.handle}>{stage}</RunContext.Provider>
  ) : (
    stage
  );
}

/** Which strategies run side by side (at least two). */
function RunPicker({ strategies }: { strategies: readonly Strategy[] }) {
  const toggle = (strategy: Strategy, on: boolean) => {
    const next = COMPARE_STRATEGIES.filter((s) => (s === strategy ? on : strategies.includes(s)));
    try {
      openCompare(next);
    } catch (error) {
      showError((error as Error).message);
    }
  };
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <legend className="float-left mr-1 font-medium">Runs</legend>
      {COMPARE_STRATEGIES.map((s) => {
        const on = strategies.includes(s);
        return (
          <label key={s} className="radio inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={on}
              disabled={on && strategies.length <= COMPARE_MIN}
              onChange={(event) => toggle(s, event.currentTarget.checked)}
            />
            {strategyLabel(s)}
          </label>
        );
      })}
    </fieldset>
  );
}

export function SideBySide() {
  const strategies = useStore(compareStore, (s) => s.strategies);
  // Re-render when the runs are rebuilt (a new lead, a reset) or the lead changes strategy.
  useStore(compareStore, (s) => s.followers);
  const loaded = useAppStore((s) => s.loadCount);
  if (!strategies || loaded === 0) return null;
  const runs = compareRuns();
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-1">
        <p className="text-sm text-muted">
          The same scenario under each strategy, on one clock: a click on a node in any run fails or
          recovers it in every run.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <RunPicker strategies={strategies} />
          <button
            type="button"
            onClick={closeCompare}
            className="btn btn-secondary rounded-md px-3 py-1.5 text-sm"
          >
            Back to one run
          </button>
        </div>
      </div>
      <div className="px-1">
        <FailureKindPicker />
      </div>
      {/* The control-plane moments of the current run (the one the Strategy menu names). */}
      <Announcer />
      <div className="compare-runs" data-runs={runs.length}>
        {runs.map(({ strategy, follower }) => (
          <RunStage key={follower ? follower.id : 'lead'} strategy={strategy} follower={follower} />
        ))}
      </div>
      <Scoreboard strategies={strategies} />
    </div>
  );
}
