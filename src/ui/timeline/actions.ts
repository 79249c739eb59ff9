/**
 * Scrubbing: the store has `seek` and `pause`; these add what a scrubber needs
 * (clamping, pausing first, and at most one seek per animation frame while a
 * pointer drags).
 */
import { appStore, getSim, loadedScenario, pause, seek } from '../../store';

/** Pause if playing, then go to `ms` (clamped to the scenario). */
export function scrubTo(ms: number): void {
  const sim = getSim();
  if (!sim) return;
  if (appStore.getState().playing) pause();
  const end = loadedScenario(sim).durationMs;
  seek(Math.round(Math.min(end, Math.max(0, ms))));
}

/** Coalesces seek requests to one per animation frame (the last one wins). */
export function createFrameSeeker(): { request(ms: number): void; flush(): void; cancel(): void } {
  let pending: number | null = null;
  let frame = 0;
  const run = () => {
    frame = 0;
    if (pending === null) return;
    const ms = pending;
    pending = null;
    scrubTo(ms);
  };
  return {
    request(ms) {
      pending = ms;
      if (!frame) frame = requestAnimationFrame(run);
    },
    flush() {
      if (frame) cancelAnimationFrame(frame);
      run();
    },
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      pending = null;
    },
  };
}
