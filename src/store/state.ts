/**
 * The app's reactive state, built from three slices. The running `Simulation`
 * itself is NOT in here (it mutates as it runs); it lives in `./sim-ref.ts`.
 * Everything here changes only on discrete events or at a coarse ~10 Hz tick,
 * so React never re-renders every animation frame.
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
  /** Figures accumulated up to `displayMs` (refreshed on events and at ~10 Hz while playing). */
  figures: Figures | null;
  /** Coarse current simulated time in ms (~10 Hz while playing; exact after every action). */
  displayMs: number;
  /**
   * Bumps whenever the sim's event log length changes, on seek, and on load.
   * Subscribe to it to rebuild derived views (tables, charts, timeline, event log)
   * by reading `getSim().events()`, `.epochs()`, `.fibChanges()`.
   */
  revision: number;
  /** Bumps on every load / reset (a new Simulation object): drop caches keyed by the old one. */
  loadCount: number;
}

export interface ClockSlice {
  /** The animation clock is running. */
  playing: boolean;
  /** Simulated ms per wall ms (0.1 to 1000). */
  speed: number;
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
};

export const initialClockSlice: ClockSlice = { playing: false, speed: 1 };

export const initialUiSlice: UiSlice = {
  theme: 'system',
  selected: null,
  failureKind: 'crash',
  error: null,
  notice: null,
};
