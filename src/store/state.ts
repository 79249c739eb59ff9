/**
 * The app's reactive state, built from three slices. The running `Simulation`
 * itself is NOT in here (it mutates as it runs); it lives in `./sim-ref.ts`.
 * Everything here changes only on discrete events (and the snapshot a few
 * times a second while playing), so React never re-renders every animation
 * frame; what moves with time is painted per frame (`./frame.ts`).
 */
import type { FailureKind, Figures, Scenario, Snapshot } from '../sim';

/** What the inspector panel shows. */
export type Selection = { kind: 'router' } | { kind: 'node'; node: number } | null;

/** 'system' follows prefers-color-scheme; the others force a theme via `data-theme`. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface SimSlice {
  /** The scenario as loaded (defaults filled in, without the clicks made since). Null before the first load. */
  scenario: Scenario | null;
  /** Name of the preset the scenario came from, or null for a custom scenario. */
  presetName: string | null;
  /** The sim's latest snapshot. Unchanged nodes/routes keep their object identity between updates. */
  snapshot: Snapshot | null;
  /** Figures accumulated up to `displayMs` (refreshed on discrete events and after every action, not per frame). */
  figures: Figures | null;
  /** Simulated time in ms at the last discrete change or action (exact after every action; it does not move per frame while playing: read `FrameContext.nowMs` in a painter, or `useCoarseNow`). */
  displayMs: number;
  /**
   * Bumps whenever the sim's event log length changes, on seek, and on load.
   * Subscribe to it to rebuild derived views (tables, charts, timeline, event log)
   * by reading `getSim().events()`, `.epochs()`, `.fibChanges()`.
   */
  revision: number;
  /** Bumps on every load / reset (a new Simulation object): drop caches keyed by the old one. */
  loadCount: number;
  /** A long seek or advance under way (shown after half a second), or null. */
  work: Work | null;
}

/** Progress of a long seek or advance (`store/work.ts`). */
export interface Work {
  label: string;
  targetMs: number;
  /** Done so far, 0..1. */
  fraction: number;
}

export interface ClockSlice {
  /** The animation clock is running. */
  playing: boolean;
  /** Simulated ms per wall ms (0.1 to 1000). */
  speed: number;
  /** Slow down automatically around a failure (on in the lesson, a toggle in free play). */
  slowMotion: boolean;
  /** The clock is running slowed down by `slowMotion` right now. */
  slowed: boolean;
}

export interface UiSlice {
  /** Theme choice (applied as `data-theme` on <html>). */
  theme: ThemeChoice;
  /** The selected router or node (for inspectors), or null. */
  selected: Selection;
  /** The failure kind that clicking an active node applies. */
  failureKind: FailureKind;
  /** A message shown in a dismissible banner (bad URL, bad scenario), or null. */
  error: string | null;
  /** One line about what just happened to the run (a fork dropped later actions), or null. */
  notice: string | null;
}

export type AppState = SimSlice & ClockSlice & UiSlice;

export const SPEED_MIN = 0.1;
export const SPEED_MAX = 1000;

export const initialSimSlice: SimSlice = {
  scenario: null,
  presetName: null,
  snapshot: null,
  figures: null,
  displayMs: 0,
  revision: 0,
  loadCount: 0,
  work: null,
};

export const initialClockSlice: ClockSlice = {
  playing: false,
  speed: 1,
  slowMotion: false,
  slowed: false,
};

export const initialUiSlice: UiSlice = {
  theme: 'system',
  selected: null,
  failureKind: 'crash',
  error: null,
  notice: null,
};
