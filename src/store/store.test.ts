import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulation, ScenarioError } from '../sim';
import {
  advance,
  appStore,
  forkNotice,
  getSim,
  loadScenario,
  rerunScenario,
  reset,
  resetStore,
  seek,
  setSimulationFactory,
  setStrategy,
  stepToNextEvent,
  syncFromSim,
  toggleNode,
} from '.';

const FOUR = { version: 1, nodes: 4, durationMs: 60_000 } as const;

beforeEach(() => {
  resetStore();
  setSimulationFactory(createSimulation);
});

describe('app store', () => {
  it('loads a scenario and shows its first snapshot', () => {
    loadScenario(FOUR, 'four');
    const state = appStore.getState();
    expect(state.scenario?.nodes).toBe(4);
    expect(state.presetName).toBe('four');
    expect(state.snapshot?.nodes.map((n) => n.state)).toEqual([
      'active',
      'active',
      'active',
      'active',
    ]);
    expect(state.loadCount).toBe(1);
    expect(state.revision).toBeGreaterThan(0);
  });

  it('keeps the previous scenario when a load fails', () => {
    loadScenario(FOUR);
    const before = appStore.getState();
    expect(() => loadScenario({ version: 1, nodes: 0 })).toThrow(ScenarioError);
    expect(appStore.getState().scenario).toBe(before.scenario);
    expect(appStore.getState().loadCount).toBe(before.loadCount);
  });

  it('advances, toggles a node with the chosen failure kind, and bumps the revision', () => {
    loadScenario(FOUR);
    advance(5_000);
    expect(appStore.getState().displayMs).toBe(5_000);
    const revision = appStore.getState().revision;
    appStore.setState({ failureKind: 'unhealthy' });
    toggleNode(2);
    const node = appStore.getState().snapshot?.nodes[1];
    expect(node?.state).toBe('unhealthy');
    expect(appStore.getState().revision).toBeGreaterThan(revision);
    toggleNode(2);
    expect(appStore.getState().snapshot?.nodes[1]?.state).not.toBe('unhealthy');
  });

  it('keeps unchanged nodes as the same objects between syncs', () => {
    loadScenario(FOUR);
    advance(5_000);
    const before = appStore.getState().snapshot!;
    toggleNode(4);
    const after = appStore.getState().snapshot!;
    expect(after.nodes[0]).toBe(before.nodes[0]);
    expect(after.nodes[3]).not.toBe(before.nodes[3]);
    // Nothing discrete happened: syncing again without time changes nothing.
    expect(syncFromSim(false)).toBe(false);
  });

  it('steps to the next event, seeks back, resets and reloads with another strategy', () => {
    loadScenario({ ...FOUR, faults: [{ atMs: 10_000, node: 4, action: 'fail' }] });
    const logged = getSim()!.events().length;
    stepToNextEvent();
    // Step lands exactly on the next moment something is logged.
    const events = getSim()!.events();
    expect(events.length).toBeGreaterThan(logged);
    expect(appStore.getState().displayMs).toBe(events.at(-1)!.tMs);
    expect(appStore.getState().displayMs).toBe(10_000);
    advance(20_000);
    seek(1_000);
    expect(getSim()!.now()).toBe(1_000);
    reset();
    expect(getSim()!.now()).toBe(0);
    expect(appStore.getState().playing).toBe(false);
    setStrategy('bfd');
    expect(appStore.getState().scenario?.strategy).toBe('bfd');
    expect(appStore.getState().scenario?.faults).toHaveLength(1);
  });
});

describe('keeping the experiment', () => {
  const SCRIPTED = { ...FOUR, faults: [{ atMs: 10_000, node: 4, action: 'fail' as const }] };

  it('a strategy switch replays the same clicks to the same moment, playing or paused as before', () => {
    loadScenario(SCRIPTED);
    advance(3_000);
    toggleNode(2);
    advance(9_000);
    appStore.setState({ playing: true, selected: { kind: 'node', node: 2 } });
    const loads = appStore.getState().loadCount;
    setStrategy('bfd');
    const sim = getSim()!;
    expect(appStore.getState().loadCount).toBe(loads + 1);
    expect(sim.now()).toBe(12_000);
    expect(sim.scenario().strategy).toBe('bfd');
    expect(sim.userActions().map((f) => [f.atMs, f.node])).toEqual([[3_000, 2]]);
    expect(appStore.getState().playing).toBe(true);
    expect(appStore.getState().selected).toEqual({ kind: 'node', node: 2 });
    // The click is still a click: the straight run of the same faults under BFD agrees.
    const straight = createSimulation(sim.scenario());
    straight.advanceTo(12_000);
    expect(sim.figures()).toEqual(straight.figures());
    expect(appStore.getState().snapshot?.nodes[1]?.state).toBe('failed');
  });

  it('a change of cluster size starts over: the clicks would name other nodes', () => {
    loadScenario(SCRIPTED);
    advance(3_000);
    toggleNode(2);
    expect(rerunScenario({ ...SCRIPTED, nodes: 6 })).toBe(false);
    expect(getSim()!.now()).toBe(0);
    expect(getSim()!.userActions()).toEqual([]);
  });

  it('a fork keeps the scripted faults, drops the user’s later actions and says so', () => {
    loadScenario(SCRIPTED);
    advance(5_000);
    toggleNode(1);
    advance(1_000);
    toggleNode(1);
    advance(10_000);
    seek(3_000);
    toggleNode(2);
    expect(appStore.getState().notice).toBe(forkNotice(2));
    expect(forkNotice(2)).toMatch(/2 later actions dropped.*scenario’s own faults are kept/);
    advance(8_000);
    expect(appStore.getState().snapshot?.nodes[3]?.state).toBe('failed');
    expect(appStore.getState().snapshot?.nodes[0]?.state).toBe('active');
  });
});
