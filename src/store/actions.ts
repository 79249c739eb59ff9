/**
 * Every way the app changes state, as plain functions (no hooks): the UI, the
 * animation clock, the URL loader and `window.ecmp` all call these.
 */
import {
  type FailureKind,
  parseScenario,
  type Scenario,
  type Simulation,
  type Strategy,
} from '../sim';
import { shareSnapshot } from './share';
import { getSim, getSimulationFactory, setSim } from './sim-ref';
import { type Selection, SPEED_MAX, SPEED_MIN, type ThemeChoice } from './state';
import { appStore } from './store';
import { cancelWork, runForward } from './work';

let lastEventCount = 0;

/**
 * Pull the sim's state into the store. `withTime` also pushes the current time
 * and figures even when nothing discrete changed (every action does); the clock
 * passes false, so while playing the store changes only on discrete events
 * (moving text is painted per frame, `store/frame.ts`). `refresh` rebuilds the
 * snapshot even without a new event (route ages and timers move); the clock
 * asks for that a few times a second rather than every frame.
 * Returns true when something discrete changed.
 */
export function syncFromSim(withTime = true, refresh = true): boolean {
  const sim = getSim();
  if (!sim) return false;
  const state = appStore.getState();
  const eventCount = sim.events().length;
  const logged = eventCount !== lastEventCount;
  if (!logged && !withTime && !refresh) return false;
  const snapshot = shareSnapshot(state.snapshot, sim.snapshot());
  const discrete = snapshot !== state.snapshot || logged;
  if (!discrete && !withTime) return false;
  const revision = logged ? state.revision + 1 : state.revision;
  lastEventCount = eventCount;
  appStore.setState({ snapshot, revision, displayMs: sim.now(), figures: sim.figures() });
  return discrete;
}

/**
 * Validate `input` as a scenario file, build a new simulation and show it.
 * @throws ScenarioError (the message names each bad field); the previous state is kept.
 */
export function loadScenario(input: unknown, presetName: string | null = null): Scenario {
  const scenario = parseScenario(input);
  const sim = getSimulationFactory()(scenario);
  cancelWork();
  setSim(sim);
  lastEventCount = -1;
  const state = appStore.getState();
  appStore.setState({
    scenario,
    presetName,
    snapshot: null,
    loadCount: state.loadCount + 1,
    selected: null,
  });
  syncFromSim();
  return scenario;
}

/** Reload the current scenario with another failure-detection strategy (fresh run). */
export function setStrategy(strategy: Strategy): void {
  const { scenario, presetName } = appStore.getState();
  if (!scenario || scenario.strategy === strategy) return;
  loadScenario({ ...scenario, strategy }, presetName);
}

export function play(): void {
  const sim = getSim();
  const { scenario } = appStore.getState();
  // Playing at the end starts over from the beginning, as media players do.
  if (sim && scenario && sim.now() >= scenario.durationMs) reset();
  appStore.setState({ playing: true });
}

export function pause(): void {
  appStore.setState({ playing: false });
  syncFromSim();
}

export function togglePlay(): void {
  if (appStore.getState().playing) pause();
  else play();
}

export function setSpeed(speed: number): void {
  appStore.setState({ speed: Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed)) });
}

/**
 * Run forward by `ms` of simulated time (clamped to the scenario's duration).
 * Long runs go in slices that yield every frame (`./work.ts`); the promise
 * resolves once the store shows the result (at once when it fits in a slice).
 */
export function advance(ms: number): Promise<void> {
  const sim = getSim();
  if (!sim || !(ms >= 0)) return Promise.resolve();
  return goTo(sim, sim.now() + ms, 'Running');
}

/** Run to the absolute simulated time `tMs` (forward only); the clock uses this. */
export function advanceTo(tMs: number, withTime = true, refresh = true): boolean {
  const sim = getSim();
  if (!sim) return false;
  if (tMs > sim.now()) sim.advanceTo(tMs);
  return syncFromSim(withTime, refresh);
}

/** Pause and run to the next control-plane event. */
export function stepToNextEvent(): void {
  const sim = getSim();
  if (!sim) return;
  appStore.setState({ playing: false });
  // To the next moment something is logged (internal timers that turn out to
  // be moot, like a superseded expiry, are passed over).
  sim.step();
  syncFromSim();
}

/**
 * Go to any simulated time, back or forward. Within what is already known
 * (up to the horizon) it is one replay from the nearest checkpoint; beyond it
 * the core runs in slices, as `advance` does.
 */
export function seek(tMs: number): Promise<void> {
  const sim = getSim();
  if (!sim) return Promise.resolve();
  return goTo(sim, Math.max(0, tMs), 'Seeking');
}

function goTo(sim: Simulation, tMs: number, label: string): Promise<void> {
  const target = Math.min(tMs, appStore.getState().scenario?.durationMs ?? tMs);
  const known = Math.max(sim.horizonMs(), sim.now());
  const done = () => {
    appStore.setState({ revision: appStore.getState().revision + 1 });
    syncFromSim();
  };
  if (target <= known) {
    cancelWork();
    sim.seek(target);
    done();
    return Promise.resolve();
  }
  if (known > sim.now()) sim.seek(known);
  return runForward(sim, target, label, done).then(() => undefined);
}

/** Start the loaded scenario over (discarding clicks) and pause. */
export function reset(): void {
  const { scenario, presetName } = appStore.getState();
  if (!scenario) return;
  appStore.setState({ playing: false });
  loadScenario(scenario, presetName);
}

export function failNode(node: number, kind: FailureKind = appStore.getState().failureKind): void {
  act(() => getSim()?.act({ type: 'fail-node', node, kind }));
}

export function recoverNode(node: number): void {
  act(() => getSim()?.act({ type: 'recover-node', node }));
}

/** What a click on a node does: fail an up node (with `failureKind`), recover a down one. */
export function toggleNode(node: number): void {
  const view = appStore.getState().snapshot?.nodes.find((n) => n.node === node);
  if (!view) return;
  if (view.state === 'active' || view.state === 'recovering') failNode(node);
  else recoverNode(node);
}

function act(run: () => void): void {
  cancelWork();
  try {
    run();
  } catch (error) {
    showError((error as Error).message);
  }
  syncFromSim();
}

export function select(selected: Selection): void {
  appStore.setState({ selected });
}

export function setFailureKind(failureKind: FailureKind): void {
  appStore.setState({ failureKind });
}

export function setTheme(theme: ThemeChoice): void {
  appStore.setState({ theme });
}

export function showError(error: string): void {
  appStore.setState({ error });
}

export function dismissError(): void {
  appStore.setState({ error: null });
}
