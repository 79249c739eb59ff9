/**
 * Long simulation work in slices that yield every frame, so the stage, the
 * controls and Pause keep answering while a seek or an advance of hours runs.
 * A slice runs the core forward by as much simulated time as fits in a few
 * milliseconds (measured as it goes); work that fits in the first slice is
 * done at once, synchronously, so short seeks behave as before; where there
 * are no frames to yield to (Node: tests, the CLI) it all runs at once. Anything that
 * takes longer than half a second shows its progress (`work` in the store).
 * A new seek, advance or load supersedes the one running.
 */
import type { Simulation } from '../sim';
import { guardCore } from './coreError';
import { getSim } from './sim-ref';
import { appStore } from './store';

/** Work per slice: well inside a 60 Hz frame, leaving room to paint. */
const SLICE_MS = 8;
/** The first slice, run before returning: a frame's worth. */
const FIRST_SLICE_MS = 16;
/** Show progress for work longer than this. */
const PROGRESS_AFTER_MS = 500;
const PROGRESS_INTERVAL_MS = 100;

let token = 0;
let running = false;

/** Sliced work is under way (the clock does not advance time meanwhile). */
export function workRunning(): boolean {
  return running;
}

/** Cancel the work under way (a load, a fork or a reset starts afresh). */
export function cancelWork(): void {
  token++;
  running = false;
  if (appStore.getState().work) appStore.setState({ work: null });
}

/** Give the browser a frame: paint, input, then resume. */
function yieldFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function' && !document.hidden) {
      requestAnimationFrame(() => setTimeout(resolve, 0));
    } else setTimeout(resolve, 0);
  });
}

/**
 * Run `sim` forward to `targetMs` in slices. Resolves true when it got there,
 * false when superseded. `done` runs once at the end (to sync the store).
 */
export async function runForward(
  sim: Simulation,
  targetMs: number,
  label: string,
  done: () => void,
): Promise<boolean> {
  const mine = ++token;
  const startMs = sim.now();
  const started = performance.now();
  let stepMs = 1_000;
  let lastProgress = 0;
  // No frames to yield to (Node): one run to the end.
  if (typeof requestAnimationFrame !== 'function' && !guardCore(() => sim.seek(targetMs))) {
    running = false;
    return false;
  }
  let budgetMs = FIRST_SLICE_MS;
  for (;;) {
    const sliceStart = performance.now();
    while (sim.now() < targetMs && performance.now() - sliceStart < budgetMs) {
      const before = performance.now();
      const from = sim.now();
      if (!guardCore(() => sim.seek(Math.min(targetMs, from + stepMs)))) {
        running = false;
        return false;
      }
      // Aim each step at a quarter of a slice, from what the last one cost.
      const took = Math.max(0.05, performance.now() - before);
      const rate = (sim.now() - from) / took;
      stepMs = Math.max(1, Math.min(3_600_000, (rate * SLICE_MS) / 4));
    }
    if (sim.now() >= targetMs) break;
    budgetMs = SLICE_MS;
    running = true;
    const now = performance.now();
    if (now - started >= PROGRESS_AFTER_MS && now - lastProgress >= PROGRESS_INTERVAL_MS) {
      lastProgress = now;
      const fraction = (sim.now() - startMs) / Math.max(1, targetMs - startMs);
      appStore.setState({ work: { label, targetMs, fraction } });
    }
    await yieldFrame();
    if (mine !== token || getSim() !== sim) return false;
  }
  running = false;
  if (appStore.getState().work) appStore.setState({ work: null });
  done();
  return true;
}
