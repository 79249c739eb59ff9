/**
 * Per-frame painting without React and without importing the app: the clock
 * (app/clock.ts) installs how a frame is requested and hands every painter a
 * frame context; views register painters here. Text that moves with time
 * (the clock, figures, countdowns, playheads) is written by painters straight
 * to the DOM, so React re-renders only on discrete events.
 */
import { useEffect, useRef, useState } from 'react';
import type { Simulation, Snapshot } from '../sim';
import { useRun } from './runContext';

export interface FrameContext {
  sim: Simulation;
  /** Simulated time of this frame. */
  nowMs: number;
  /** Simulated ms per wall ms. */
  speed: number;
  /** The clock is running (time moves between frames). */
  playing: boolean;
  /** The store's snapshot (kept between discrete changes, refreshed a few times a second). */
  snapshot: Snapshot | null;
  /** The store's `revision` (bumps when the log grows, on seek and on load). */
  revision: number;
  /** The frame's requestAnimationFrame timestamp. */
  wallMs: number;
  /**
   * A frame on which DOM painters may write (about every `COARSE_MS` while
   * playing, and every frame while paused). Keeping every DOM write on the same
   * frames means the page is repainted ten times a second, not every frame.
   */
  coarse: boolean;
  /**
   * Painted for the DOM painters only (canvas layers skip it): above
   * `FAST_PAINT_SPEED` they write on the frame the store syncs on, between
   * the core's frames, so what they read is the moment the store just read.
   */
  domOnly?: boolean;
}

/** While playing, DOM text and marks move at most this often (ten times a second). */
export const COARSE_MS = 100;

/**
 * Faster than this (simulated ms per wall ms), DOM painters write at most every
 * `FAST_PAINT_MS`: at 1000× a large run's ages, countdowns and tables change
 * on every frame, each write costs a layout and a paint of the page, and text
 * that moves 100 simulated seconds a frame cannot be read at ten a second
 * either. At ordinary speeds painters keep their own interval.
 */
export const FAST_PAINT_SPEED = 10;
export const FAST_PAINT_MS = 250;

export type Painter = (frame: FrameContext) => void;

const painters = new Set<Painter>();
let requester: () => void = () => {};
let last: FrameContext | null = null;

/** Draw with every frame; returns the unregister function. Asks for a frame at once. */
export function registerPainter(painter: Painter): () => void {
  painters.add(painter);
  requester();
  return () => painters.delete(painter);
}

/** Paint once more (after a resize or a zoom while paused). */
export function requestRepaint(): void {
  requester();
}

/** The clock installs how to ask for a frame. */
export function setFrameRequester(request: () => void): void {
  requester = request;
}

/** Run every painter for one frame (the clock calls this). */
export function paintFrame(frame: FrameContext): void {
  last = frame;
  for (const paint of painters) paint(frame);
}

/** The latest frame painted, or null before the first. */
export function lastFrame(): FrameContext | null {
  return last;
}

/**
 * A painter that runs on coarse frames at most once per `intervalMs` of wall
 * time while playing, and on every frame while paused (frames are rare then,
 * and each follows a step, a seek or a click that must show at once).
 */
export function throttled(intervalMs: number, painter: Painter): Painter {
  let lastWallMs = Number.NEGATIVE_INFINITY;
  // A little slack, so a 250 ms painter does not miss the coarse frame at 249.9 ms.
  const slackMs = Math.min(20, intervalMs / 4);
  const fastMs = Math.max(intervalMs, FAST_PAINT_MS);
  const fastSlackMs = Math.min(20, fastMs / 4);
  return (frame) => {
    const fast = frame.speed > FAST_PAINT_SPEED;
    const every = fast ? fastMs : intervalMs;
    const slack = fast ? fastSlackMs : slackMs;
    if (frame.playing && (!frame.coarse || frame.wallMs - lastWallMs < every - slack)) {
      return;
    }
    lastWallMs = frame.wallMs;
    painter(frame);
  };
}

/**
 * Register `painter` while the component is mounted (the latest closure is
 * used): on coarse frames, at most once per `intervalMs` while playing (DOM
 * writes belong on coarse frames; only canvas layers paint every frame, with
 * `registerPainter`). `enabled` false skips it.
 */
export function usePainter(painter: Painter, intervalMs = COARSE_MS, enabled = true): void {
  const current = useRef(painter);
  current.current = painter;
  // Inside a run of the side-by-side view the painter gets that run's frame.
  const register = useRun()?.registerPainter ?? registerPainter;
  useEffect(() => {
    if (!enabled) return;
    const run: Painter = (frame) => current.current(frame);
    return register(throttled(intervalMs, run));
  }, [intervalMs, enabled, register]);
}

/**
 * Simulated time as React state, refreshed at most every `intervalMs` while
 * playing: for the few views that must re-render with time (a node's restore
 * timer). Moving text should use `usePainter` instead.
 */
export function useCoarseNow(intervalMs = 250, enabled = true): number {
  const [nowMs, setNowMs] = useState(() => last?.nowMs ?? 0);
  usePainter((frame) => setNowMs(frame.nowMs), intervalMs, enabled);
  return nowMs;
}

/**
 * Write `text` into an element whose only child is React's text node, in place
 * (React keeps its node, so a later render stays consistent); nothing when equal.
 */
export function writeText(el: Element | null, text: string): void {
  if (!el) return;
  const node = el.firstChild;
  if (node && node.nodeType === 3 && !node.nextSibling) {
    if (node.nodeValue !== text) node.nodeValue = text;
  } else if (el.textContent !== text) el.textContent = text;
}
