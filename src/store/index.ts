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
export { getSim, loadedScenario, type SimulationFactory, setSimulationFactory } from './sim-ref';
export * from './state';
export { appStore, resetStore } from './store';
export * from './frame';
export { RunContext, type RunHandle, useRun, useRunStore } from './runContext';
export { guardCore } from './coreError';
export { cancelWork, workRunning } from './work';
export {
  COMPARE_MAX,
  COMPARE_MIN,
  COMPARE_STRATEGIES,
  compareProblem,
  readCompareList,
} from './compareList';
export {
  type CompareState,
  closeCompare,
  comparing,
  compareFigures,
  compareRuns,
  compareStore,
  type Follower,
  followAll,
  followLead,
  leadStrategy,
  openCompare,
  type RunFigures,
  runFrame,
} from './runs';
