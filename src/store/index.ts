/**
 * The app store: a zustand vanilla store (`appStore`) with hooks for React, and
 * actions as plain functions. The running Simulation is outside the reactive
 * state: read it with `getSim()` when `revision` changes.
 *
 * @example
 * const revision = useAppStore((s) => s.revision);
 * const events = useMemo(() => getSim()?.events() ?? [], [revision]);
 */
export * from './actions';
export * from './hooks';
export { getSim, type SimulationFactory, setSimulationFactory } from './sim-ref';
export * from './state';
export { appStore, resetStore } from './store';
export * from './frame';
export { cancelWork, workRunning } from './work';
