/**
 * The side-by-side view: one run per strategy on one clock and one fault
 * schedule. The main run (the app store and `getSim()`) leads; each other
 * strategy gets a follower, a Simulation of the same scenario under that
 * strategy with a small store of its own. Followers never take commands of
 * their own: every action goes to the lead (so the clock, `window.ecmp`, the
 * toolbar and the inspectors work unchanged), and `followLead` brings each
 * follower to the lead's user actions and moment. Acting at the moment the
 * lead acted is what a click does, so a follower is the same replayable run
 * as if it had been clicked itself.
 *
 * Per frame a follower only runs forward to the lead's time (its painters ask
 * for that, `runFrame`); its store changes only on its own discrete events.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Command, Fault, Figures, Simulation, Strategy } from '../sim';
import { failNode, recoverNode, sameParts, setOtherRunsNextMoment, setStrategy } from './actions';
import { compareProblem } from './compareList';
import { type FrameContext, type Painter, registerPainter } from './frame';
import type { RunHandle } from './runContext';
import { getSim, getSimulationFactory } from './sim-ref';
import { type AppState, initialClockSlice, initialSimSlice, initialUiSlice } from './state';
import { appStore } from './store';

/** How often a follower's snapshot is rebuilt while nothing discrete happens (as the lead's). */
const SNAPSHOT_INTERVAL_MS = 250;

export interface Follower {
  /** Unique per follower built (a rebuilt run is a new one: its stage remounts). */
  id: number;
  strategy: Strategy;
  sim: Simulation;
  store: StoreApi<AppState>;
  /** What the stage components in this run read (`RunContext`). */
  handle: RunHandle;
}

interface FollowerState extends Follower {
  eventCount: number;
  refreshedWallMs: number;
  base: FrameContext | null;
  frame: FrameContext | null;
}

export interface CompareState {
  /** The strategies shown side by side, in order, or null in the normal view. */
  strategies: readonly Strategy[] | null;
  /** One per strategy other than the lead's, in the order of `strategies`. */
  followers: readonly Follower[];
}

export const compareStore = createStore<CompareState>()(() => ({
  strategies: null,
  followers: [],
}));

/** The run of the list that the main run is (its strategy is the main scenario's). */
export function leadStrategy(): Strategy | null {
  return appStore.getState().scenario?.strategy ?? null;
}

const same = (a: Fault, b: Fault) =>
  a.atMs === b.atMs &&
  a.node === b.node &&
  a.action === b.action &&
  (a.action !== 'fail' || (b.action === 'fail' && a.kind === b.kind));

function commandOf(f: Fault): Command {
  if (f.action === 'fail') return { type: 'fail-node', node: f.node, kind: f.kind };
  return f.action === 'drain'
    ? { type: 'drain-node', node: f.node }
    : { type: 'recover-node', node: f.node };
}

function moveTo(sim: Simulation, tMs: number): void {
  if (tMs > sim.now()) sim.advanceTo(tMs);
  else if (tMs < sim.now()) sim.seek(tMs);
}

/**
 * Bring `follower` to the lead's user actions and moment: the actions it lacks
 * are given at their own moments (one given in the past forks it, dropping
 * its later ones, exactly as it did the lead), then it goes to the lead's time.
 * @returns false when the follower cannot match (it must be rebuilt).
 */
export function followLead(lead: Simulation, follower: Simulation): boolean {
  const want = lead.userActions();
  const have = follower.userActions();
  let i = 0;
  while (i < want.length && i < have.length && same(want[i]!, have[i]!)) i++;
  if (i < want.length || i < have.length) {
    for (const fault of want.slice(i)) {
      moveTo(follower, fault.atMs);
      follower.act(commandOf(fault));
    }
    const now = follower.userActions();
    if (now.length !== want.length || now.some((f, k) => !same(f, want[k]!))) return false;
  }
  moveTo(follower, lead.now());
  return true;
}

let followerCount = 0;

/** A follower of the lead under `strategy`, at the lead's actions and moment. */
function createFollower(strategy: Strategy, lead: Simulation): FollowerState {
  const base = appStore.getState().scenario!;
  const scenario = { ...base, strategy };
  const sim = getSimulationFactory()(scenario);
  followLead(lead, sim);
  const store = createStore<AppState>()(() => ({
    ...initialSimSlice,
    ...initialClockSlice,
    ...initialUiSlice,
    scenario,
    loadCount: 1,
  }));
  const follower: FollowerState = {
    id: ++followerCount,
    strategy,
    sim,
    store,
    eventCount: -1,
    refreshedWallMs: Number.NEGATIVE_INFINITY,
    base: null,
    frame: null,
    handle: {
      store,
      sim: () => sim,
      registerPainter: (painter: Painter) =>
        registerPainter((frame) => painter(runFrame(follower, frame))),
      // The click decides from this run's own view; the lead carries it to every run.
      toggleNode(node) {
        const view = store.getState().snapshot?.nodes.find((n) => n.node === node);
        if (!view) return;
        if (view.state === 'active' || view.state === 'recovering') failNode(node);
        else recoverNode(node);
      },
      select: (selected) => store.setState({ selected }),
    },
  };
  syncStore(follower, true);
  return follower;
}

/** Pull a follower's state into its store; only discrete changes (or `refresh`) replace the snapshot. */
function syncStore(f: FollowerState, refresh: boolean, bump = false): void {
  const state = f.store.getState();
  const count = f.sim.events().length;
  const logged = count !== f.eventCount;
  if (!logged && !refresh && !bump) return;
  const next = f.sim.snapshot();
  const unchanged = sameParts(state.snapshot, next);
  if (unchanged && !logged && !bump) return;
  f.eventCount = count;
  f.store.setState({
    snapshot: unchanged ? state.snapshot : next,
    revision: state.revision + 1,
    displayMs: f.sim.now(),
  });
}

function followers(): FollowerState[] {
  return compareStore.getState().followers as FollowerState[];
}

/** Bring every follower to the lead (actions and time); rebuild one that cannot follow. */
export function followAll(): void {
  const lead = getSim();
  if (!lead) return;
  let rebuilt = false;
  const next = followers().map((f) => {
    const from = f.sim.now();
    if (!followLead(lead, f.sim)) {
      rebuilt = true;
      return createFollower(f.strategy, lead);
    }
    syncStore(f, true, f.sim.now() < from);
    return f;
  });
  if (rebuilt) compareStore.setState({ followers: next });
}

/**
 * The frame context for a follower's painters: the lead's frame with the
 * follower's sim, snapshot and revision, after running it to the frame's time.
 * Computed once per frame per follower, so per-frame work stays O(runs).
 */
export function runFrame(f: Follower, frame: FrameContext): FrameContext {
  const s = f as FollowerState;
  if (s.base === frame && s.frame) return s.frame;
  const from = s.sim.now();
  moveTo(s.sim, frame.nowMs);
  const refresh = !frame.playing || frame.wallMs - s.refreshedWallMs >= SNAPSHOT_INTERVAL_MS;
  if (refresh) s.refreshedWallMs = frame.wallMs;
  syncStore(s, refresh, s.sim.now() < from);
  const state = s.store.getState();
  s.base = frame;
  s.frame = { ...frame, sim: s.sim, snapshot: state.snapshot, revision: state.revision };
  return s.frame;
}

/** The runs in the order shown: the lead as null (the main run), followers by strategy. */
export function compareRuns(): { strategy: Strategy; follower: Follower | null }[] {
  const { strategies } = compareStore.getState();
  const lead = leadStrategy();
  return (strategies ?? []).map((strategy) => ({
    strategy,
    follower: strategy === lead ? null : (followers().find((f) => f.strategy === strategy) ?? null),
  }));
}

function rebuild(strategies: readonly Strategy[]): void {
  const lead = getSim();
  const leader = leadStrategy();
  if (!lead || !leader) return;
  compareStore.setState({
    strategies,
    followers: strategies.filter((s) => s !== leader).map((s) => createFollower(s, lead)),
  });
}

/**
 * The earliest next logged moment of the followers after `fromMs` (for Step), or
 * null. Each is stepped to find it; `followAll` brings them back to the lead.
 */
function followersNextMoment(fromMs: number): number | null {
  let best: number | null = null;
  for (const f of followers()) {
    moveTo(f.sim, fromMs);
    const count = f.sim.events().length;
    if (f.sim.step() && f.sim.events().length > count && (best === null || f.sim.now() < best)) {
      best = f.sim.now();
    }
  }
  return best;
}

let subscribed = false;
function follow(): void {
  if (subscribed) return;
  subscribed = true;
  setOtherRunsNextMoment((fromMs) => (comparing() ? followersNextMoment(fromMs) : null));
  appStore.subscribe((state, prev) => {
    const { strategies } = compareStore.getState();
    if (!strategies) return;
    if (state.loadCount !== prev.loadCount || state.scenario !== prev.scenario) {
      // A new lead (a reset, a preset, a setting, or the Strategy menu): if its
      // strategy is not in the list it takes the old lead's place.
      const leader = state.scenario?.strategy;
      const old = prev.scenario?.strategy;
      const list =
        leader && !strategies.includes(leader)
          ? strategies.map((s) => (s === old ? leader : s))
          : strategies;
      rebuild(list);
    } else if (
      state.snapshot !== prev.snapshot ||
      state.displayMs !== prev.displayMs ||
      state.revision !== prev.revision
    ) {
      followAll();
    }
  });
}

/**
 * Show `strategies` side by side. The main run becomes the first of them
 * unless its strategy is listed (its clicks and moment are kept either way).
 * @throws Error naming the problem with the list; nothing changes then.
 */
export function openCompare(strategies: readonly Strategy[]): void {
  const problem = compareProblem(strategies);
  if (problem) throw new Error(`compare: ${problem}`);
  follow();
  const leader = leadStrategy();
  if (leader && !strategies.includes(leader)) {
    // Switch the lead first, outside the view, so only one rebuild follows.
    compareStore.setState({ strategies: null, followers: [] });
    setStrategy(strategies[0]!);
  }
  rebuild(strategies);
}

/** Back to the normal view (the main run carries on as it is). */
export function closeCompare(): void {
  compareStore.setState({ strategies: null, followers: [] });
}

/** The side-by-side view is open. */
export function comparing(): boolean {
  return compareStore.getState().strategies !== null;
}

/** A run's figures, tagged with its strategy (`window.ecmp.figures()` in the side-by-side view). */
export type RunFigures = { strategy: Strategy } & Figures;

/** Every run's figures now, in the order shown. */
export function compareFigures(): RunFigures[] {
  followAll();
  const lead = getSim();
  return compareRuns().flatMap(({ strategy, follower }) => {
    const sim = follower ? follower.sim : lead;
    return sim ? [{ strategy, ...sim.figures() }] : [];
  });
}
