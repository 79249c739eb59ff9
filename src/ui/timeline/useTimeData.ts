import { useMemo } from 'react';
import type { Epoch, Figures, History } from '../../sim';
import { type AppState, getSim, useAppStore } from '../../store';
import { useThrottledTick } from './useThrottledTick';

/** What the timeline, charts and event log draw, refreshed a few times a second. */
export interface TimeData {
  history: History;
  /** The core's epochs up to now (the last one open, cut at now). */
  played: readonly Epoch[];
  nowMs: number;
  durationMs: number;
  nodeCount: number;
  figures: Figures;
}

const keyOf = (s: AppState) => [s.revision, s.displayMs, s.loadCount];

export function useTimeData(): TimeData | null {
  const tick = useThrottledTick(keyOf);
  const loadCount = useAppStore((s) => s.loadCount);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and loadCount say when the sim changed
  return useMemo(() => {
    const sim = getSim();
    if (!sim) return null;
    const scenario = sim.scenario();
    return {
      history: sim.history(),
      played: sim.epochs(),
      nowMs: sim.now(),
      durationMs: scenario.durationMs,
      nodeCount: scenario.nodes,
      figures: sim.figures(),
    };
  }, [tick, loadCount]);
}
