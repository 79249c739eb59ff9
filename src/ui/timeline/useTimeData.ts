import { useMemo, useRef, useState } from 'react';
import type { Epoch, Figures, History } from '../../sim';
import { type AppState, getSim, loadedScenario, useAppStore, usePainter } from '../../store';
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
  // The core holds the history; while playing, charts grow and the log's "now"
  // moves, so they are redrawn a couple of times a second too.
  const stored = useThrottledTick(keyOf);
  const growing = useGrowTick(stored);
  const tick = `${stored}:${growing}`;
  const loadCount = useAppStore((s) => s.loadCount);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and loadCount say when the sim changed
  return useMemo(() => {
    const sim = getSim();
    if (!sim) return null;
    const scenario = loadedScenario(sim);
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

/**
 * A counter that bumps every `GROW_INTERVAL_MS` while playing, but only when
 * `stored` has not moved for that long: at high speed the store's own ticks
 * already redraw a few times a second, and a second redraw between them (each
 * a pass over the history) made long frames.
 */
function useGrowTick(stored: number): number {
  const [growing, setGrowing] = useState(0);
  const seen = useRef({ stored, atMs: performance.now() });
  if (seen.current.stored !== stored) seen.current = { stored, atMs: performance.now() };
  usePainter((frame) => {
    if (!frame.playing || frame.wallMs - seen.current.atMs < GROW_INTERVAL_MS - 20) return;
    seen.current.atMs = frame.wallMs;
    setGrowing((g) => g + 1);
  }, GROW_INTERVAL_MS);
  return growing;
}
