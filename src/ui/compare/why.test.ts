import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, presetByName, type Strategy } from '../../sim';
import { type RunFacts, runFacts } from './facts';
import { explainDifference } from './why';

const LOCAL = { hashing: 'hash-threshold', connectionState: 'local' } as const;

/** Every strategy's facts for a preset at `atMs` (the same faults in each). */
function factsOf(preset: string, atMs: number, strategies: Strategy[]) {
  const scenario = parseScenario(presetByName(preset)!.scenario);
  return strategies.map((strategy) => {
    const sim = createSimulation({ ...scenario, strategy });
    sim.advanceTo(atMs);
    return runFacts(sim, strategy);
  });
}

const base: RunFacts = {
  strategy: 'none',
  packetsLost: 0,
  flowsBroken: 0,
  blackholeMs: 0,
  failure: null,
  leftAfterMs: null,
  fibChanges: 0,
  stillDown: false,
  reenteredAfterMs: null,
};

describe('the scoreboard facts', () => {
  it('find when the dead node left the forwarding table in each run', () => {
    const [none, lowering, bfd] = factsOf('basic', 30_000, ['none', 'metric-lowering', 'bfd']);
    expect(none!.failure).toEqual({ node: 4, kind: 'crash', atMs: 10_000 });
    // Each run's own forwarding-table log says when node 4 went.
    const left = (strategy: Strategy) => {
      const sim = createSimulation({
        ...parseScenario(presetByName('basic')!.scenario),
        strategy,
      });
      sim.advanceTo(30_000);
      return sim.fibChanges().find((c) => c.tMs >= 10_000 && !c.ecmp.includes(4))!.tMs - 10_000;
    };
    expect(none!.leftAfterMs).toBe(left('none'));
    expect(lowering!.leftAfterMs).toBe(left('metric-lowering'));
    expect(bfd!.leftAfterMs).toBe(left('bfd'));
    expect(lowering!.leftAfterMs!).toBeLessThan(none!.leftAfterMs!);
    expect(none!.stillDown).toBe(true);
  });

  it('before a failure: no failure, no changes', () => {
    const [none] = factsOf('basic', 5_000, ['none']);
    expect(none!.failure).toBeNull();
    expect(none!.fibChanges).toBe(0);
  });
});

describe('why the numbers differ', () => {
  it('says nothing differs before a failure', () => {
    const runs = factsOf('basic', 5_000, ['none', 'metric-lowering']);
    expect(explainDifference(runs, LOCAL)).toMatch(/^No node has failed yet/);
  });

  it('basic story: None black-holes longest, metric lowering shortest but breaks more flows through churn', () => {
    const runs = factsOf('basic', 30_000, ['none', 'metric-lowering', 'bfd']);
    const [none, lowering, bfd] = runs as [RunFacts, RunFacts, RunFacts];
    // The claims below hold for these numbers (checked, not assumed).
    expect(none.blackholeMs).toBeGreaterThan(lowering.blackholeMs);
    expect(bfd.blackholeMs).toBeGreaterThan(lowering.blackholeMs);
    expect(lowering.flowsBroken).toBeGreaterThan(Math.max(none.flowsBroken, bfd.flowsBroken));
    const least = none.flowsBroken < bfd.flowsBroken ? none : bfd;
    const name = least.strategy === 'none' ? 'None' : 'BFD';
    const sentence = explainDifference(runs, LOCAL);
    expect(sentence).toContain(
      `None black-holed traffic longest (${(none.blackholeMs / 1000).toFixed(3)} s) because the router kept hashing flows to node 4 until its route expired, ${(none.leftAfterMs! / 1000).toFixed(3)} s after the failure`,
    );
    expect(sentence).toContain(
      `Metric lowering shortest (${(lowering.blackholeMs / 1000).toFixed(3)} s) because the survivors detected the loss`,
    );
    expect(sentence).toContain(
      `yet Metric lowering broke the most flows (${lowering.flowsBroken.toLocaleString('en-US')} against ${least.flowsBroken.toLocaleString('en-US')} under ${name})`,
    );
    expect(sentence).toContain(`changed ${lowering.fibChanges} times since the failure`);
    expect(sentence).toContain('hash-threshold hashing moves flows');
    expect(sentence.endsWith('.')).toBe(true);
    expect(sentence.split('. ')).toHaveLength(1);
  });

  it('does not blame hashing when the cluster keeps connection state across nodes', () => {
    const runs = factsOf('basic', 30_000, ['none', 'metric-lowering']);
    const sentence = explainDifference(runs, {
      hashing: 'hash-threshold',
      connectionState: 'steering',
    });
    expect(sentence).not.toContain('hash-threshold hashing');
    expect(sentence).toContain('its forwarding table changed');
  });

  it('with two runs, one failure: the longer black hole breaking more flows is said as such', () => {
    const failure = { node: 2, kind: 'crash' as const, atMs: 1_000 };
    const runs: RunFacts[] = [
      { ...base, failure, blackholeMs: 8_000, flowsBroken: 900, leftAfterMs: 8_000, fibChanges: 1 },
      {
        ...base,
        strategy: 'bfd',
        failure,
        blackholeMs: 900,
        flowsBroken: 300,
        leftAfterMs: 900,
        fibChanges: 1,
      },
    ];
    expect(explainDifference(runs, LOCAL)).toBe(
      "None black-holed traffic longest (8.000 s) because the router kept hashing flows to node 2 until its route expired, 8.000 s after the failure, BFD shortest (0.900 s) because the router's BFD session noticed node 2 go silent after 0.900 s, and it broke the most flows (900 against 300 under BFD).",
    );
  });

  it('an unhealthy node: BFD and None never drop it, metric lowering does', () => {
    const runs = factsOf('unhealthy', 30_000, ['none', 'metric-lowering', 'bfd']);
    const sentence = explainDifference(runs, LOCAL);
    const [none, lowering, bfd] = runs as [RunFacts, RunFacts, RunFacts];
    expect(lowering.blackholeMs).toBeLessThan(Math.min(none.blackholeMs, bfd.blackholeMs));
    expect(sentence).toMatch(/Metric lowering shortest/);
    if (none.leftAfterMs === null && bfd.leftAfterMs === null) {
      expect(sentence).toMatch(/an unhealthy node still talks routing/);
    }
  });

  it('a wait shorter than the expiry: the stale route comes back under metric lowering, and it says why', () => {
    const scenario = parseScenario(presetByName('short-wait')!.scenario);
    const runs = factsOf('short-wait', 30_000, ['none', 'metric-lowering', 'bfd']);
    const lowering = runs[1]!;
    expect(lowering.reenteredAfterMs).not.toBeNull();
    // The restore wait is 2 s: it came back at the restore, after leaving.
    expect(lowering.reenteredAfterMs!).toBeGreaterThan(lowering.leftAfterMs!);
    const sentence = explainDifference(runs, {
      ...LOCAL,
      restoreWaitMs: scenario.metric.restoreWaitMs,
      expiryMs: scenario.protocol.expiryMs,
    });
    expect(sentence).toContain(
      `node 4's stale route came back into the forwarding table ${(lowering.reenteredAfterMs! / 1000).toFixed(3)} s after the failure`,
    );
    expect(sentence).toContain(
      '(the restore wait, 2.000 s, is shorter than the route expiry, 9.000 s)',
    );
    // In the basic story the wait outlasts the expiry: nothing comes back.
    expect(factsOf('basic', 30_000, ['metric-lowering'])[0]!.reenteredAfterMs).toBeNull();
  });

  it('the same black hole everywhere after a carrier loss', () => {
    const runs = factsOf('carrier-loss', 30_000, ['none', 'metric-lowering']);
    const spread = Math.abs(runs[0]!.blackholeMs - runs[1]!.blackholeMs);
    const sentence = explainDifference(runs, LOCAL);
    if (spread < 50) expect(sentence).toMatch(/lost carrier, which the router sees at once/);
    else expect(sentence).toMatch(/black-holed traffic longest/);
  });
});
