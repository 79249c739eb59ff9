/**
 * The animation clock: one requestAnimationFrame loop, outside React. While
 * playing, simulated time advances by wall delta × speed (the delta clamped so
 * a background tab does not jump), the sim runs to that time, the store is
 * updated only on discrete changes (and its snapshot refreshed a few times a
 * second), and the painters (`store/frame.ts`) draw the frame from a frame
 * context. When paused it paints once after each store change.
 */
import type { Simulation } from '../sim';
import {
  advanceTo,
  appStore,
  COARSE_MS,
  type FrameContext,
  getSim,
  guardCore,
  paintFrame,
  pause,
  setFrameRequester,
  workRunning,
} from '../store';
import { effectiveSpeed, fastUntil } from './slowMotion';

export { registerPainter, requestRepaint } from '../store';

const MAX_WALL_STEP_MS = 100;
/**
 * While playing, work and paint at most this often (30 Hz): packets moving a
 * few pixels a frame read as smooth at that rate, and every frame skipped is a
 * layer commit, a paint and a raster saved (a laptop runs this for an hour on
 * battery). Paused frames (after a click, a step, a seek) paint at once.
 */
const PLAY_FRAME_MS = 1000 / 30 - 4;
/**
 * The core's share of a frame. A huge scenario at a high speed would take
 * longer than a frame to simulate the wall delta × speed; then simulated time
 * runs slower than asked rather than freezing the page.
 */
const SIM_BUDGET_MS = 10;
/** How often the snapshot is rebuilt while nothing discrete happens (route ages move). */
const SNAPSHOT_INTERVAL_MS = 250;
/**
 * Above this speed, discrete changes reach the store (and so React) at most
 * every `FAST_SYNC_MS`, on a frame the core does not run on: at 1000× a large
 * run logs something every frame, and a React commit beside the core's share
 * would make every frame a long one. A quarter second is 250 simulated seconds
 * there; at ordinary speeds every change shows on its own frame, as before.
 */
const FAST_SPEED = 10;
const FAST_SYNC_MS = 250;

let frame = 0;
let lastWallMs: number | null = null;
let lastSnapshotWallMs = 0;
let lastCoarseWallMs = 0;
/** The core ran ahead of the store (fast play): sync on a frame of its own. */
let syncPending = false;
let lastSyncWallMs = 0;
let ownSync = false;
/** Measured cost of the core: wall ms per simulated ms (a running average). */
let costPerSimMs = 0;
let started = false;
/** A discrete change asked for this frame: do not skip it. */
let forced = false;
const frameWaiters: (() => void)[] = [];

function requestFrame(): void {
  if (!frame) frame = requestAnimationFrame(tick);
}

function tick(wallMs: number): void {
  frame = 0;
  const state = appStore.getState();
  const sim = getSim();
  const running =
    state.playing && !document.hidden && sim !== null && state.scenario !== null && !workRunning();
  if (running && lastWallMs !== null && wallMs - lastWallMs < PLAY_FRAME_MS && !forced) {
    if (syncPending && wallMs - lastSyncWallMs >= FAST_SYNC_MS) {
      syncPending = false;
      lastSyncWallMs = wallMs;
      lastSnapshotWallMs = wallMs;
      // The clock's own sync: the next frame keeps its place in the cadence.
      ownSync = true;
      advanceTo(sim!.now(), false, true);
      ownSync = false;
      // The DOM painters write now, reading what the sync just accounted,
      // rather than on a core frame at a moment nothing has accounted yet.
      paintFrame({ ...frameContext(sim!, state.speed, true, wallMs, true), domOnly: true });
    }
    requestFrame();
    return;
  }
  // The speed actually run (slow motion may hold it below the chosen one).
  const speed =
    running && sim && state.scenario
      ? effectiveSpeed(state.speed, state.slowMotion, sim.now(), state.scenario, state.snapshot)
      : state.speed;
  // Above `FAST_SPEED` the DOM painters write on the sync frames (above), which
  // only that speed brings.
  const coarse =
    !running || forced || (speed <= FAST_SPEED && wallMs - lastCoarseWallMs >= COARSE_MS - 4);
  if (coarse) lastCoarseWallMs = wallMs;
  const wasForced = forced;
  forced = false;
  if (running && sim && state.scenario) {
    const deltaMs = lastWallMs === null ? 0 : Math.min(MAX_WALL_STEP_MS, wallMs - lastWallMs);
    const from = sim.now();
    if (speed < state.speed !== state.slowed) appStore.setState({ slowed: speed < state.speed });
    // Never slower than real time, whatever the estimate says.
    const affordable =
      costPerSimMs > 0 ? Math.max(deltaMs, SIM_BUDGET_MS / costPerSimMs) : Number.POSITIVE_INFINITY;
    const target = Math.min(
      state.scenario.durationMs,
      from + Math.min(deltaMs * speed, affordable),
      fastUntil(state.slowMotion, from, state.scenario),
    );
    // The core alone is timed (the store sync after it costs the same at any step).
    const before = performance.now();
    if (target > from && !guardCore(() => sim.advanceTo(target))) {
      lastWallMs = null;
      requestFrame();
      return;
    }
    const took = performance.now() - before;
    if (target - from >= 1) {
      const cost = took / (target - from);
      costPerSimMs = costPerSimMs === 0 ? cost : 0.7 * costPerSimMs + 0.3 * cost;
    }
    if (speed > FAST_SPEED && !wasForced) syncPending = true;
    else {
      const refresh = wallMs - lastSnapshotWallMs >= SNAPSHOT_INTERVAL_MS;
      if (refresh) lastSnapshotWallMs = wallMs;
      syncPending = false;
      lastSyncWallMs = wallMs;
      advanceTo(target, false, refresh);
    }
    if (target >= state.scenario.durationMs) pause();
    lastWallMs = wallMs;
  } else {
    lastWallMs = null;
  }
  if (sim) paintFrame(frameContext(sim, speed, running, wallMs, coarse));
  for (const resolve of frameWaiters.splice(0)) resolve();
  if (running) requestFrame();
}

function frameContext(
  sim: Simulation,
  speed: number,
  running: boolean,
  wallMs: number,
  coarse: boolean,
): FrameContext {
  const now = appStore.getState();
  return {
    sim,
    nowMs: sim.now(),
    speed,
    playing: running && now.playing,
    snapshot: now.snapshot,
    revision: now.revision,
    wallMs,
    coarse,
  };
}

/** Resolves after the next painted frame (used by `window.ecmp.advance`). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    frameWaiters.push(resolve);
    forced = true;
    requestFrame();
  });
}

/** Start listening to the store and the page's visibility. Idempotent. */
export function startClock(): void {
  if (started) return;
  started = true;
  setFrameRequester(requestFrame);
  appStore.subscribe((state, prev) => {
    if (ownSync) return;
    if (
      state.playing !== prev.playing ||
      state.snapshot !== prev.snapshot ||
      state.displayMs !== prev.displayMs ||
      state.speed !== prev.speed ||
      state.loadCount !== prev.loadCount
    ) {
      if (state.loadCount !== prev.loadCount) costPerSimMs = 0;
      forced = true;
      requestFrame();
    }
  });
  document.addEventListener('visibilitychange', () => {
    lastWallMs = null;
    if (!document.hidden) requestFrame();
  });
  requestFrame();
}
