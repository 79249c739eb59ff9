import { useEffect, useMemo } from 'react';
import type { Epoch, Figures } from '../../sim';
import {
  type AppState,
  appStore,
  getSim,
  registerPainter,
  throttled,
  useAppStore,
  useCoarseNow,
} from '../../store';
import { type History, readHistory } from './history';
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
/** While playing, charts grow and the log's "now" moves: redraw them this often. */
const GROW_INTERVAL_MS = 500;

export function useTimeData(): TimeData | null {
  // Record the history at every store change and a few times a second while
  // playing, not only when React redraws: a seek right after an advance must
  // not lose what the advance reached.
  useEffect(() => {
    const unsubscribe = appStore.subscribe((s, p) => {
      const sim = getSim();
      if (sim && (s.revision !== p.revision || s.displayMs !== p.displayMs)) readHistory(sim);
    });
    const unregister = registerPainter(throttled(250, ({ sim }) => readHistory(sim)));
    return () => {
      unsubscribe();
      unregister();
    };
  }, []);
  const stored = useThrottledTick(keyOf);
  const growing = useCoarseNow(GROW_INTERVAL_MS);
  const tick = `${stored}:${growing}`;
  const loadCount = useAppStore((s) => s.loadCount);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and loadCount say when the sim changed
  return useMemo(() => {
    const sim = getSim();
    if (!sim) return null;
    const scenario = sim.scenario();
    return {
      history: readHistory(sim),
      played: sim.epochs(),
      nowMs: sim.now(),
      durationMs: scenario.durationMs,
      nodeCount: scenario.nodes,
      figures: sim.figures(),
    };
  }, [tick, loadCount]);
}
