/**
 * The animation clock: one requestAnimationFrame loop, outside React. While
 * playing, simulated time advances by wall delta × speed (the delta clamped so
 * a background tab does not jump), the sim runs to that time, the store is
 * updated on discrete changes and at ~10 Hz, and the painters (packet layer)
 * draw the frame. When paused it paints once after each store change.
 */
import type { Simulation } from '../sim';
import { advanceTo, appStore, getSim, pause } from '../store';

/** Draws one frame for simulated time `nowMs`; `wallMs` is the rAF timestamp. */
export type Painter = (sim: Simulation, nowMs: number, wallMs: number) => void;

const MAX_WALL_STEP_MS = 100;
const DISPLAY_INTERVAL_MS = 100;

const painters = new Set<Painter>();
let frame = 0;
let lastWallMs: number | null = null;
let lastDisplayWallMs = 0;
let started = false;
const frameWaiters: (() => void)[] = [];

export function registerPainter(painter: Painter): () => void {
  painters.add(painter);
  requestFrame();
  return () => painters.delete(painter);
}

function requestFrame(): void {
  if (!frame) frame = requestAnimationFrame(tick);
}

function tick(wallMs: number): void {
  frame = 0;
  const state = appStore.getState();
  const sim = getSim();
  const running = state.playing && !document.hidden && sim !== null && state.scenario !== null;
  if (running && sim && state.scenario) {
    const deltaMs = lastWallMs === null ? 0 : Math.min(MAX_WALL_STEP_MS, wallMs - lastWallMs);
    const target = Math.min(state.scenario.durationMs, sim.now() + deltaMs * state.speed);
    const withTime = wallMs - lastDisplayWallMs >= DISPLAY_INTERVAL_MS;
    if (withTime) lastDisplayWallMs = wallMs;
    advanceTo(target, withTime);
    if (target >= state.scenario.durationMs) pause();
    lastWallMs = wallMs;
  } else {
    lastWallMs = null;
  }
  if (sim) for (const paint of painters) paint(sim, sim.now(), wallMs);
  for (const resolve of frameWaiters.splice(0)) resolve();
  if (running) requestFrame();
}

/** Paint once more (e.g. after a resize or a zoom while paused). */
export function requestRepaint(): void {
  requestFrame();
}

/** Resolves after the next painted frame (used by `window.ecmp.advance`). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    frameWaiters.push(resolve);
    requestFrame();
  });
}

/** Start listening to the store and the page's visibility. Idempotent. */
export function startClock(): void {
  if (started) return;
  started = true;
  appStore.subscribe((state, prev) => {
    if (
      state.playing !== prev.playing ||
      state.snapshot !== prev.snapshot ||
      state.displayMs !== prev.displayMs ||
      state.loadCount !== prev.loadCount
    ) {
      requestFrame();
    }
  });
  document.addEventListener('visibilitychange', () => {
    lastWallMs = null;
    if (!document.hidden) requestFrame();
  });
  requestFrame();
}
