import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulation } from '../sim';
import {
  advance,
  appStore,
  closeCompare,
  compareRuns,
  compareStore,
  failNode,
  followLead,
  getSim,
  loadScenario,
  openCompare,
  readCompareList,
  recoverNode,
  resetStore,
  seek,
  setSimulationFactory,
  setStrategy,
  stepToNextEvent,
} from '.';

const FOUR = {
  version: 1,
  nodes: 4,
  durationMs: 60_000,
  protocol: { preset: 'lab' },
  faults: [{ atMs: 30_000, node: 1, action: 'fail' }],
} as const;

beforeEach(() => {
  closeCompare();
  resetStore();
  setSimulationFactory(createSimulation);
  loadScenario(FOUR);
});

const follower = (strategy: string) => compareRuns().find((r) => r.strategy === strategy)?.follower;
const nodeState = (strategy: string, node: number) => {
  const f = follower(strategy);
  const snapshot = f ? f.store.getState().snapshot : appStore.getState().snapshot;
  return snapshot?.nodes.find((n) => n.node === node)?.state;
};

describe('side-by-side runs', () => {
  it('keeps the main run as the lead when its strategy is listed, one follower per other', () => {
    openCompare(['none', 'metric-lowering', 'bfd']);
    expect(compareRuns().map((r) => [r.strategy, r.follower === null])).toEqual([
      ['none', false],
      ['metric-lowering', true],
      ['bfd', false],
    ]);
    expect(follower('bfd')?.sim.scenario().strategy).toBe('bfd');
  });

  it('makes the first listed strategy the lead when the main one is not listed', () => {
    openCompare(['none', 'bfd']);
    expect(appStore.getState().scenario?.strategy).toBe('none');
    expect(compareRuns().map((r) => r.follower?.strategy ?? 'lead')).toEqual(['lead', 'bfd']);
  });

  it('fans a fault given to the lead out to every run, at the same moment', () => {
    openCompare(['none', 'metric-lowering', 'bfd']);
    advance(5_000);
    failNode(4, 'crash');
    for (const s of ['none', 'bfd']) {
      expect(follower(s)?.sim.userActions()).toEqual(getSim()!.userActions());
      expect(follower(s)?.sim.now()).toBe(5_000);
      expect(nodeState(s, 4)).toBe('failed');
    }
    advance(5_000);
    recoverNode(4);
    expect(follower('none')?.sim.userActions()).toHaveLength(2);
    expect(follower('none')?.sim.now()).toBe(10_000);
    // The scripted fault applies in every run by itself.
    advance(25_000);
    expect(nodeState('bfd', 1)).toBe('failed');
  });

  it('a click in a follower acts on every run, decided from that run', () => {
    openCompare(['none', 'metric-lowering']);
    advance(2_000);
    follower('none')!.handle.toggleNode(3);
    expect(nodeState('metric-lowering', 3)).toBe('failed');
    expect(nodeState('none', 3)).toBe('failed');
    follower('none')!.handle.toggleNode(3);
    expect(nodeState('metric-lowering', 3)).not.toBe('failed');
    expect(nodeState('none', 3)).not.toBe('failed');
  });

  it('a fork in the past forks every run alike, and each follower equals a straight run', () => {
    openCompare(['none', 'metric-lowering']);
    advance(4_000);
    failNode(2, 'crash');
    advance(8_000);
    seek(2_000);
    failNode(3, 'link');
    advance(10_000);
    const lead = getSim()!;
    const none = follower('none')!.sim;
    expect(none.userActions()).toEqual(lead.userActions());
    expect(none.userActions().map((f) => f.node)).toEqual([3]);
    const straight = createSimulation({ ...none.scenario(), strategy: 'none' });
    straight.advanceTo(12_000);
    expect(none.figures()).toEqual(straight.figures());
  });

  it('a follower out of step is brought back by followLead', () => {
    const lead = createSimulation(getSim()!.scenario());
    lead.advanceTo(3_000);
    lead.act({ type: 'fail-node', node: 2, kind: 'crash' });
    lead.advanceTo(7_000);
    const other = createSimulation({ ...appStore.getState().scenario!, strategy: 'bfd' });
    expect(followLead(lead, other)).toBe(true);
    expect(other.now()).toBe(7_000);
    expect(other.userActions()).toEqual(lead.userActions());
  });

  it('a change of the lead’s strategy keeps the list and the moment', () => {
    openCompare(['none', 'metric-lowering']);
    advance(6_000);
    failNode(4, 'crash');
    setStrategy('bfd');
    expect(compareStore.getState().strategies).toEqual(['none', 'bfd']);
    expect(follower('none')?.sim.now()).toBe(6_000);
    expect(follower('none')?.sim.userActions()).toHaveLength(1);
  });

  it('Step stops at the next logged moment of any run', () => {
    openCompare(['none', 'metric-lowering']);
    setStrategy('none');
    advance(5_000);
    failNode(4, 'crash');
    const scenario = getSim()!.scenario();
    const nextIn = (strategy: 'none' | 'metric-lowering', fromMs: number) => {
      const sim = createSimulation({ ...scenario, strategy });
      sim.advanceTo(fromMs);
      const count = sim.events().length;
      sim.step();
      return sim.events().length > count ? sim.now() : Number.POSITIVE_INFINITY;
    };
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const from = getSim()!.now();
      const none = nextIn('none', from);
      const lowering = nextIn('metric-lowering', from);
      stepToNextEvent();
      expect(getSim()!.now()).toBe(Math.min(none, lowering));
      expect(follower('metric-lowering')?.sim.now()).toBe(getSim()!.now());
      seen.add(none < lowering ? 'none' : lowering < none ? 'metric-lowering' : 'both');
    }
    // Some of those stops were the follower's own moments.
    expect(seen.has('metric-lowering')).toBe(true);
  });

  it('refuses a bad list and leaves the view as it was', () => {
    expect(() => openCompare(['none'])).toThrow(/1 strategy given; name 2 or 3/);
    expect(() => openCompare(['none', 'none'])).toThrow(/"none" is listed twice/);
    expect(compareStore.getState().strategies).toBeNull();
  });
});

describe('the compare list', () => {
  it('reads two or three distinct strategy ids', () => {
    expect(readCompareList('none,metric-lowering')).toEqual({
      ok: true,
      value: ['none', 'metric-lowering'],
    });
    expect(readCompareList('bfd,none,metric-lowering').ok).toBe(true);
  });
  it('names the problem: unknown ids, duplicates, too few, too many, empty', () => {
    const why = (raw: string) => {
      const read = readCompareList(raw);
      return read.ok ? '' : read.why;
    };
    expect(why('none,fast')).toMatch(
      /"fast" is not a strategy \(allowed: none, metric-lowering, bfd\)/,
    );
    expect(why('none,x,y')).toMatch(/"x", "y" are not strategies/);
    expect(why('bfd,bfd')).toMatch(/"bfd" is listed twice/);
    expect(why('none')).toMatch(/1 strategy given/);
    expect(why('none,bfd,metric-lowering,none')).toMatch(/listed twice/);
    expect(why('')).toMatch(/empty/);
  });
});
