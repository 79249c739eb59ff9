/**
 * Every way the app changes state, as plain functions (no hooks): the UI, the
 * animation clock, the URL loader and `window.ecmp` all call these.
 */
import {
  type ActResult,
  type Command,
  type FailureKind,
  type Fault,
  parseScenario,
  type Scenario,
  type Simulation,
  type Snapshot,
  type Strategy,
} from '../sim';
import { getSim, getSimulationFactory, setSim } from './sim-ref';
import { type Selection, SPEED_MAX, SPEED_MIN, type ThemeChoice } from './state';
import { appStore } from './store';
import { guardCore } from './coreError';
import { cancelWork, runForward } from './work';

let lastEventCount = 0;

// The core keeps the identity of every snapshot part that did not change.
export const sameParts = (a: Snapshot | null, b: Snapshot) =>
  a !== null &&
  a.nodes === b.nodes &&
  a.routes === b.routes &&
  a.fib === b.fib &&
  a.buckets === b.buckets;

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
  const next = sim.snapshot();
  const unchanged = sameParts(state.snapshot, next);
  // Only a discrete change replaces the stored snapshot, so subscribers to it
  // hear about changes, not ticks.
  const snapshot = unchanged ? state.snapshot! : next;
  const discrete = !unchanged || logged;
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
  show(getSimulationFactory()(scenario), scenario, presetName, null);
  return scenario;
}

function show(
  sim: Simulation,
  scenario: Scenario,
  presetName: string | null,
  selected: Selection,
): void {
  cancelWork();
  setSim(sim);
  lastEventCount = -1;
  const state = appStore.getState();
  appStore.setState({
    scenario,
    presetName,
    snapshot: null,
    loadCount: state.loadCount + 1,
    selected,
    notice: null,
  });
  syncFromSim();
}

/**
 * Run `input` again with the user's own actions, to the same moment, keeping
 * play or pause and the selection: the experiment survives a change of strategy,
 * hashing or any setting that keeps the cluster's shape. A different node count
 * (the actions would name other nodes) starts a fresh run instead.
 * @returns whether the user's actions were kept.
 * @throws ScenarioError, keeping the previous state.
 */
export function rerunScenario(input: unknown, presetName: string | null = null): boolean {
  const scenario = parseScenario(input);
  const old = getSim();
  const state = appStore.getState();
  if (!old || !state.scenario || state.scenario.nodes !== scenario.nodes) {
    show(getSimulationFactory()(scenario), scenario, presetName, null);
    return false;
  }
  const nowMs = old.now();
  const sim = getSimulationFactory()(scenario);
  // Acting at each action's moment, as the click did, keeps it the user's (a later
  // fork drops it, never the scenario's faults); then back to where the user was.
  for (const f of old.userActions()) {
    if (f.atMs > scenario.durationMs) break;
    sim.advanceTo(f.atMs);
    sim.act(commandOf(f));
  }
  sim.seek(nowMs);
  show(sim, scenario, presetName, state.selected);
  return true;
}

function commandOf(f: Fault): Command {
  if (f.action === 'fail') return { type: 'fail-node', node: f.node, kind: f.kind };
  return f.action === 'drain'
    ? { type: 'drain-node', node: f.node }
    : { type: 'recover-node', node: f.node };
}

/** Run the current scenario under another failure-detection strategy, clicks and moment kept. */
export function setStrategy(strategy: Strategy): void {
  const { scenario, presetName } = appStore.getState();
  if (!scenario || scenario.strategy === strategy) return;
  rerunScenario({ ...scenario, strategy }, presetName);
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

/** Automatic slow motion around failures (`app/slowMotion.ts`). */
export function setSlowMotion(slowMotion: boolean): void {
  appStore.setState({ slowMotion });
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
  if (tMs > sim.now() && !guardCore(() => sim.advanceTo(tMs))) return false;
  return syncFromSim(withTime, refresh);
}

/** Pause and run to the next control-plane event. */
export function stepToNextEvent(): void {
  const sim = getSim();
  if (!sim) return;
  appStore.setState({ playing: false });
  const fromMs = sim.now();
  // To the next moment something is logged (internal timers that turn out to
  // be moot, like a superseded expiry, are passed over).
  if (!guardCore(() => sim.step())) return;
  // Side by side, another run's next moment may come first (`./runs.ts`).
  const otherMs = otherRunsNextMoment?.(fromMs) ?? null;
  const leadMs = sim.now() > fromMs ? sim.now() : Number.POSITIVE_INFINITY;
  if (otherMs !== null && otherMs > fromMs && otherMs < leadMs) sim.seek(otherMs);
  syncFromSim();
}

let otherRunsNextMoment: ((fromMs: number) => number | null) | null = null;

/** How Step finds the other runs' next logged moment while they are shown side by side. */
export function setOtherRunsNextMoment(find: ((fromMs: number) => number | null) | null): void {
  otherRunsNextMoment = find;
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
    if (guardCore(() => sim.seek(target))) done();
    return Promise.resolve();
  }
  if (known > sim.now() && !guardCore(() => sim.seek(known))) return Promise.resolve();
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

/** Planned maintenance: drain the node (worst metric, then stop once it carries nothing). */
export function drainNode(node: number): void {
  act(() => getSim()?.act({ type: 'drain-node', node }));
}

/** What a click on a node does: fail an up node (with `failureKind`), recover a down one. */
export function toggleNode(node: number): void {
  const view = appStore.getState().snapshot?.nodes.find((n) => n.node === node);
  if (!view) return;
  if (view.state === 'active' || view.state === 'recovering') failNode(node);
  else recoverNode(node);
}

function act(run: () => ActResult | undefined): void {
  cancelWork();
  try {
    const dropped = run()?.droppedActions ?? 0;
    if (dropped > 0) showNotice(forkNotice(dropped));
  } catch (error) {
    showError((error as Error).message);
  }
  syncFromSim();
}

/** The one line that says what a fork did. */
export function forkNotice(dropped: number): string {
  const actions = dropped === 1 ? 'your 1 later action' : `your ${dropped} later actions`;
  return `History forked here: ${actions} dropped; the scenario’s own faults are kept.`;
}

/** A one-line message about what just happened to the run (not an error). */
export function showNotice(notice: string | null): void {
  appStore.setState({ notice });
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
