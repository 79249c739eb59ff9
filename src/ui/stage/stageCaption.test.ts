import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  parseScenario,
  presetByName,
  type Scenario,
  type SimEvent,
  type Simulation,
  type Strategy,
} from '../../sim';
import { computeShares, formatShare } from '../../viz/shares';
import { stageCaption } from './stageCaption';

// Every number the caption states is checked against the simulation's own
// state or log at that moment: timers from the snapshot, times from events,
// shares from the same flow sample the stage draws.

function run(preset: string, strategy?: Strategy, patch: Record<string, unknown> = {}) {
  const input = { ...presetByName(preset)!.scenario, ...patch, ...(strategy ? { strategy } : {}) };
  const scenario = parseScenario(input);
  return { scenario, sim: createSimulation(scenario) };
}

function captionAt(sim: Simulation, scenario: Scenario, tMs: number): string {
  sim.seek(tMs);
  return stageCaption({
    scenario,
    snapshot: sim.snapshot(),
    events: sim.events(),
    nowMs: sim.now(),
    shares: computeShares(sim).byNode,
  });
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const route = (sim: Simulation, node: number) =>
  sim.snapshot().routes.find((r) => r.node === node)!;
const firstEvent = <T extends SimEvent['type']>(
  sim: Simulation,
  type: T,
  fromMs: number,
  where: (e: Extract<SimEvent, { type: T }>) => boolean = () => true,
) => {
  sim.seek(sim.scenario().durationMs);
  const found = sim
    .events()
    .find((e) => e.type === type && e.tMs >= fromMs && where(e as Extract<SimEvent, { type: T }>));
  if (!found) throw new Error(`no ${type} after ${fromMs}`);
  return found as Extract<SimEvent, { type: T }>;
};

describe('the stage caption under metric lowering (basic story)', () => {
  const { scenario, sim } = run('basic', 'metric-lowering');

  it('at rest: every node advertises the base metric', () => {
    expect(captionAt(sim, scenario, 5000)).toBe(
      'All 4 nodes advertise 100, so the router installs ECMP and spreads the flows over all of them.',
    );
  });

  it('before detection: the black hole, its share of flows and the expiry still to come', () => {
    const text = captionAt(sim, scenario, 10_300);
    expect(sim.snapshot().fib).toContain(4);
    const share = formatShare(computeShares(sim).byNode.get(4));
    const expires = s(route(sim, 4).expiresAtMs! - 10_300);
    expect(text).toBe(
      `Node 4 crashed 0.3 s ago; the router cannot tell and still sends it ${share} of flows, which are lost, until its peers miss its heartbeats and lower their metric (its route would expire only in ${expires}).`,
    );
  });

  it('the staggered transient: the first node to lower takes all the traffic', () => {
    const single = firstEvent(sim, 'fib-install', 10_000, (e) => e.ecmp.length === 1);
    const first = single.ecmp[0]!;
    const text = captionAt(sim, scenario, single.tMs);
    expect(sim.snapshot().fib).toEqual([first]);
    expect(text).toMatch(new RegExp(`^Node ${first} lowered to 99 first`));
  });

  it('after the lowering: the stale route is no longer best; timers are the sim’s', () => {
    const text = captionAt(sim, scenario, 12_000);
    expect(sim.snapshot().fib).toEqual([1, 2, 3]);
    const restoreAt = Math.min(...sim.snapshot().nodes.map((n) => n.restoreAtMs ?? Infinity));
    const left = firstEvent(sim, 'fib-install', 10_000, (e) => !e.ecmp.includes(4)).tMs;
    sim.seek(12_000);
    expect(text).toBe(
      `Nodes 1, 2 and 3 advertise 99 and restore 100 in ${s(restoreAt - 12_000)}; node 4 left the forwarding table ${s(left - 10_000)} after it crashed; its stale route at 100 is no longer best (it expires in ${s(route(sim, 4).expiresAtMs! - 12_000)}).`,
    );
  });

  it('after expiry and restore: how long the node took to leave, and to expire', () => {
    const expired = firstEvent(sim, 'route-removed', 10_000, (e) => e.node === 4);
    expect(expired.reason).toBe('expiry');
    const text = captionAt(sim, scenario, 30_000);
    expect(text).toContain('Nodes 1, 2 and 3 advertise 100 and share the traffic');
    expect(text).toContain(`its route expired after ${s(expired.tMs - 10_000)}`);
  });

  it('back from the failure: the session is not up yet', () => {
    expect(captionAt(sim, scenario, 41_000)).toBe(
      'Node 4 came back 1.0 s ago; it gets traffic once its routing session is up and it advertises again.',
    );
  });
});

describe('the stage caption under none (router expiry only)', () => {
  const { scenario, sim } = run('basic', 'none');

  it('during the black hole: it counts down to the route’s expiry', () => {
    const text = captionAt(sim, scenario, 12_100);
    expect(sim.snapshot().fib).toContain(4);
    const expires = route(sim, 4).expiresAtMs! - 12_100;
    expect(text).toContain('Node 4 crashed 2.1 s ago; the router cannot tell and still sends it');
    expect(text).toContain(`until its route expires in ${s(expires)}.`);
    expect(text).not.toMatch(/lower/);
  });

  it('after expiry: the black hole’s length matches the figures', () => {
    const text = captionAt(sim, scenario, 30_000);
    const blackholeMs = sim.figures().blackholeMs;
    expect(text).toContain(`(its flows were lost for ${s(blackholeMs)})`);
    expect(text).toContain('its route expired');
  });
});

describe('the stage caption under BFD', () => {
  const { scenario, sim } = run('basic', 'bfd');

  it('promises no more than BFD delivers', () => {
    const removed = firstEvent(sim, 'route-removed', 10_000, (e) => e.node === 4);
    expect(removed.reason).toBe('bfd');
    const text = captionAt(sim, scenario, 10_300);
    const within = Number(/within ([\d.]+) s/.exec(text)?.[1]);
    expect(text).toContain('until BFD misses 3 packets in a row and declares it down');
    expect(removed.tMs - 10_300).toBeLessThanOrEqual(within * 1000 + 50);
  });

  it('after: how soon BFD removed the route', () => {
    const removed = firstEvent(sim, 'route-removed', 10_000, (e) => e.node === 4);
    expect(captionAt(sim, scenario, 15_000)).toContain(
      `BFD removed its route ${s(removed.tMs - 10_000)} after it crashed`,
    );
  });
});

describe('the consequences', () => {
  it('a wait shorter than the expiry puts the stale route back', () => {
    const { scenario, sim } = run('short-wait');
    const text = captionAt(sim, scenario, 14_000);
    expect(sim.snapshot().fib).toContain(4);
    expect(text).toContain('Its peers restored 100 before its stale route expired');
    expect(text).toContain(`expires in ${s(route(sim, 4).expiresAtMs! - 14_000)}`);
  });

  it('a node back during the wait gets nothing until its peers restore', () => {
    const { scenario, sim } = run('recovery-during-wait');
    const text = captionAt(sim, scenario, 18_000);
    expect(sim.snapshot().fib).toEqual([1, 2, 3]);
    const restoreAt = Math.min(...sim.snapshot().nodes.map((n) => n.restoreAtMs ?? Infinity));
    expect(text).toBe(
      `Node 4 came back 6.0 s ago and advertises 100, but nodes 1, 2 and 3 advertise 99, so it gets no traffic until they restore in ${s(restoreAt - 18_000)}.`,
    );
  });

  it('a node back during the wait, its session not up yet, is told it will get nothing until its peers restore', () => {
    const { scenario, sim } = run('recovery-during-wait');
    const back = firstEvent(sim, 'node-recover', 0, (e) => e.node === 4);
    const at = back.tMs + 500;
    const text = captionAt(sim, scenario, at);
    const view = sim.snapshot().nodes[3]!;
    expect(view).toMatchObject({ state: 'recovering', metric: null });
    const restoreAt = Math.min(...sim.snapshot().nodes.map((n) => n.restoreAtMs ?? Infinity));
    expect(text).toContain(
      `Node 4 came back 0.5 s ago; it will advertise 100, worse than the others' 99, so it gets no traffic until they restore, in ${s(restoreAt - at)}.`,
    );
  });

  it('a cascade lowers twice', () => {
    const { scenario, sim } = run('cascade');
    expect(captionAt(sim, scenario, 18_000)).toMatch(
      /^Nodes 1 and 2 advertise 98 \(two steps down: one per loss detected since the last restore\)/,
    );
  });

  it('an unhealthy node the router cannot see, under each strategy', () => {
    const lowering = run('unhealthy', 'metric-lowering');
    const text = captionAt(lowering.sim, lowering.scenario, 11_000);
    const verdict = lowering.sim.snapshot().nodes[1]!.healthVerdictAtMs!;
    expect(text).toContain('Node 2 has been unhealthy for 1.0 s but still advertises 100');
    expect(text).toContain(`mark it unhealthy in ${s(verdict - 11_000)} and its peers lower`);
    const bfd = run('unhealthy', 'bfd');
    expect(captionAt(bfd.sim, bfd.scenario, 20_000)).toContain('BFD stays up');
    const none = run('unhealthy', 'none');
    expect(captionAt(none.sim, none.scenario, 20_000)).toContain('Its route never expires');
    expect(captionAt(lowering.sim, lowering.scenario, 20_000)).toContain(
      'Node 2 is unhealthy (for 10.0 s) and out of the forwarding table',
    );
  });

  it('a drain loses nothing', () => {
    const { scenario, sim } = run('planned-drain');
    expect(captionAt(sim, scenario, 10_050)).toContain('Node 2 is draining for maintenance');
    expect(captionAt(sim, scenario, 20_000)).toContain('node 2 stopped for maintenance');
  });

  it('every node down', () => {
    const { scenario, sim } = run('all-fail');
    expect(captionAt(sim, scenario, 12_500)).toContain('no node is left to notice');
    expect(captionAt(sim, scenario, 40_000)).toMatch(/^Every node is down/);
  });
});

describe('what the router and the hashing do', () => {
  it('a lost carrier: the router removes the route at once', () => {
    const { scenario, sim } = run('carrier-loss', 'none');
    const removed = firstEvent(sim, 'route-removed', 10_000, (e) => e.node === 3);
    expect(removed.reason).toBe('carrier');
    expect(captionAt(sim, scenario, 12_000)).toContain(
      `node 3 is down: its link lost carrier and the router removed its route ${(
        (removed.tMs - 10_000) / 1000
      ).toFixed(2)} s later`,
    );
  });

  it('simultaneous losses read literally leave one survivor lower than the rest', () => {
    const { scenario, sim } = run('simultaneous-literal');
    const text = captionAt(sim, scenario, 25_000);
    const [only] = sim.snapshot().fib;
    expect(sim.snapshot().fib).toHaveLength(1);
    expect(text).toMatch(
      new RegExp(`^Node ${only} advertises 98, below .* at 99 \\(it counted more losses\\)`),
    );
    expect(text).not.toContain('lower too');
  });

  it('resilient hashing: a next hop back in the set that gets no flows is said to', () => {
    const { scenario, sim } = run('resilient-under-load', 'none');
    const text = captionAt(sim, scenario, 40_000);
    expect(sim.snapshot().fib).toContain(4);
    expect(computeShares(sim).byNode.get(4) ?? 0).toBe(0);
    expect(text).toContain(
      'Node 4 is in the forwarding table but gets no flows yet: resilient hashing moves a bucket only once it has been idle for 120 s.',
    );
    expect(text).not.toContain('spreads the flows');
  });
});

describe('clicks and forks', () => {
  it('tells the clicks of this history only', () => {
    const scenario = parseScenario({ version: 1, nodes: 4, durationMs: 30_000 });
    const sim = createSimulation(scenario);
    sim.advanceTo(5000);
    sim.act({ type: 'fail-node', node: 2, kind: 'crash' });
    sim.advanceTo(8000);
    expect(captionAt(sim, scenario, 5200)).toMatch(/^Node 2 crashed 0.2 s ago/);
    // Back in time, a different click: history forks and node 2 never failed.
    sim.seek(3000);
    sim.act({ type: 'fail-node', node: 3, kind: 'crash' });
    sim.advanceTo(3400);
    const text = stageCaption({
      scenario,
      snapshot: sim.snapshot(),
      events: sim.events(),
      nowMs: sim.now(),
      shares: computeShares(sim).byNode,
    });
    expect(text).toMatch(/^Node 3 crashed 0.4 s ago/);
    expect(text).not.toContain('Node 2');
  });
});
