/**
 * Reading the running simulation from React without re-rendering every frame:
 * values derived from `getSim()` are recomputed only when the event log grows
 * (`revision`), on load, or (when asked) at a coarse tick of the frame clock.
 */
import { useMemo } from 'react';
import type { FlowSample, Simulation } from '../../sim';
import { getSim, useAppStore, useCoarseNow } from '../../store';

/** Simulated time as React state, a few times a second while playing, exact when paused. */
export function useNowMs(intervalMs = 250): number {
  return useCoarseNow(intervalMs);
}

/** A value computed from the simulation, refreshed on events, on load and (if `perTick`) at the coarse tick. */
export function useFromSim<T>(compute: (sim: Simulation) => T, fallback: T, perTick: boolean): T {
  const revision = useAppStore((s) => s.revision);
  const loadCount = useAppStore((s) => s.loadCount);
  const tick = useCoarseNow(500, perTick);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision, loadCount and the tick are the triggers; the sim is read outside React.
  return useMemo(() => {
    const sim = getSim();
    return sim ? compute(sim) : fallback;
  }, [revision, loadCount, tick]);
}

export const FLOW_SAMPLE = 200;

/** Flows alive now, for the hash strip (they come and go with time). */
export function useFlowSample(): FlowSample[] {
  return useFromSim((sim) => sim.flowSample(FLOW_SAMPLE), EMPTY, true);
}

const EMPTY: FlowSample[] = [];
