/**
 * Which run a stage component draws. The normal view has one run, the app
 * store with `getSim()`; the side-by-side view (`./runs.ts`) adds a store and a
 * Simulation per extra strategy. Stage components read the run they are in
 * through this context (null: the main run), so one set of components draws
 * every run, and painters inside a run get that run's frame context.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Simulation } from '../sim';
import type { Painter } from './frame';
import type { AppState, Selection } from './state';
import { appStore } from './store';

export interface RunHandle {
  /** The run's store: the fields the stage reads (snapshot, revision, scenario, selected). */
  store: StoreApi<AppState>;
  sim(): Simulation | null;
  /** Register a painter that gets this run's frame context (sim, snapshot, revision). */
  registerPainter(painter: Painter): () => void;
  /** What a click on a node does in this run. */
  toggleNode(node: number): void;
  select(selection: Selection): void;
}

export const RunContext = createContext<RunHandle | null>(null);

/** The run this component is in, or null for the main run. */
export function useRun(): RunHandle | null {
  return useContext(RunContext);
}

/** Select from the store of the run this component is in (the app store outside a run). */
export function useRunStore<T>(selector: (state: AppState) => T): T {
  return useStore(useContext(RunContext)?.store ?? appStore, selector);
}
