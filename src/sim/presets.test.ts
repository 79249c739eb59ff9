/**
 * The scenario presets are shared data (tests, CLI, benchmarks, UI, e2e). Each
 * must be valid, simulate cleanly, and still show the lesson its title names.
 */
import { describe, expect, test } from 'vitest';
import { type Preset, PRESETS, presetByName } from './presets';
import { parseScenario } from './scenario';
import { type Run, run } from './testing/harness';

// The one-hour, 64-node preset is for benchmarks; here it only needs to start.
const LARGE_PREFIX_MS = 100_000;
const runPreset = (p: Preset) => run(p.scenario, p.name === 'large' ? LARGE_PREFIX_MS : undefined);
const runs = new Map<string, Run>();
const runOf = (name: string): Run => {
  let r = runs.get(name);
  if (!r) {
    const preset = presetByName(name);
    if (!preset) throw new Error(`no preset named ${name}`);
    r = runPreset(preset);
    runs.set(name, r);
  }
  return r;
};

function timers(r: Run) {
  const sc = r.sim.scenario();
  return {
    sc,
    base: sc.metric.base,
    routerMs: sc.protocol.propagationMs + sc.router.coalesceMs + sc.router.fibInstallMs,
    earliestExpiryMs: sc.protocol.expiryMs - sc.protocol.updateMs,
  };
}

describe.each(PRESETS.map((p) => [p.name, p] as const))('preset %s', (_, preset) => {
  test('is valid, named and described', () => {
    expect(() => parseScenario(preset.scenario)).not.toThrow();
    expect(preset.name).toMatch(/^[a-z0-9-]+$/);
    expect(preset.title.length).toBeGreaterThan(0);
    expect(preset.description.length).toBeGreaterThan(0);
  });

  test('simulates with exact accounting', () => {
    const r = runOf(preset.name);
    const f = r.sim.figures();
    const epochs = r.sim.epochs();
    const sent = epochs.reduce((s, e) => s + e.packetsByNode.reduce((a, b) => a + b, 0), 0);
    expect(f.packetsSent).toBe(sent + f.packetsUnrouted);
    expect(f.packetsSent).toBe(f.packetsDelivered + f.packetsLost);
  });
});

test('preset names are unique', () => {
  const names = PRESETS.map((p) => p.name);
  expect(new Set(names).size).toBe(names.length);
});

describe('each preset still shows its lesson', () => {
  const failOf = (r: Run) => r.first('node-fail');

  test('basic: the dead node leaves the FIB long before expiry and returns after recovery', () => {
    const r = runOf('basic');
    const { routerMs, earliestExpiryMs } = timers(r);
    const fail = failOf(r);
    const lower = r.first('advertise', fail.tMs, (e) => e.reason === 'lower');
    const drop = r.fibBetween(fail.tMs).find((c) => !c.ecmp.includes(fail.node))!;
    expect(drop.tMs).toBe(lower.tMs + routerMs);
    expect(drop.tMs - fail.tMs).toBeLessThan(earliestExpiryMs);
    expect(r.fibChanges.at(-1)!.ecmp).toEqual([1, 2, 3, 4]);
  });

  test('staggered-detection: one node alone takes all traffic for a while', () => {
    const r = runOf('staggered-detection');
    const fail = failOf(r);
    const firstRestore = r.first('advertise', fail.tMs, (e) => e.reason === 'restore');
    const alone = r.fibBetween(fail.tMs, firstRestore.tMs).filter((c) => c.ecmp.length === 1);
    expect(alone.length).toBeGreaterThan(0);
  });

  test('cascade: the survivors lower twice, to n−2', () => {
    const r = runOf('cascade');
    const { base } = timers(r);
    const metrics = r.all('advertise', (e) => e.reason === 'lower').map((e) => e.metric);
    expect(Math.min(...metrics)).toBe(base - 2);
  });

  test('recovery-during-wait: the returning node waits for its peers to restore', () => {
    const r = runOf('recovery-during-wait');
    const fail = failOf(r);
    const up = r.first('session-up', fail.tMs, (e) => e.node === fail.node);
    const back = r.fibBetween(fail.tMs).find((c) => c.ecmp.includes(fail.node))!;
    const restore = r.first('update-received', up.tMs, (e) => e.node !== fail.node);
    expect(back.tMs).toBeGreaterThan(up.tMs + timers(r).routerMs);
    expect(back.tMs).toBeGreaterThan(restore.tMs);
  });

  test('short-wait: the stale route comes back at the restore and leaves at expiry', () => {
    const r = runOf('short-wait');
    const fail = failOf(r);
    const changes = r.fibBetween(fail.tMs);
    const drop = changes.findIndex((c) => !c.ecmp.includes(fail.node));
    const back = changes.findIndex((c, i) => i > drop && c.ecmp.includes(fail.node));
    expect(drop).toBeGreaterThanOrEqual(0);
    expect(back).toBeGreaterThan(drop);
    const expiry = r.first('route-removed', fail.tMs, (e) => e.node === fail.node);
    expect(expiry.reason).toBe('expiry');
    expect(changes.at(-1)!.ecmp).not.toContain(fail.node);
  });

  test('all-fail: the FIB ends empty and packets go unrouted', () => {
    const r = runOf('all-fail');
    expect(r.sim.snapshot().fib).toEqual([]);
    expect(r.sim.figures().packetsUnrouted).toBeGreaterThan(0);
  });

  test('link-cut, carrier-loss, unhealthy: the router sees each kind its own way', () => {
    const reasonOf = (name: string) => {
      const r = runOf(name);
      return r.first('route-removed', 0, (e) => e.node === failOf(r).node).reason;
    };
    expect(reasonOf('link-cut')).toBe('expiry');
    expect(reasonOf('carrier-loss')).toBe('carrier');
    // The unhealthy node still talks routing: its route is never removed.
    const unhealthy = runOf('unhealthy');
    expect(unhealthy.all('route-removed', (e) => e.node === failOf(unhealthy).node)).toEqual([]);
  });

  test('bgp-lab: the lowered updates remove the dead node ~80 ms after they are sent', () => {
    const r = runOf('bgp-lab');
    const fail = failOf(r);
    const lower = r.first('advertise', fail.tMs, (e) => e.reason === 'lower');
    const drop = r.fibBetween(fail.tMs).find((c) => !c.ecmp.includes(fail.node))!;
    expect(drop.tMs - lower.tMs).toBe(timers(r).routerMs);
  });

  test('unhealthy: under none and BFD the loss lasts until recovery; lowering stops it sooner', () => {
    const lost = (strategy: 'none' | 'bfd' | 'metric-lowering') => {
      const preset = presetByName('unhealthy')!;
      const r = run({ ...preset.scenario, strategy });
      expect(r.all('route-removed', (e) => e.node === 2)).toEqual([]);
      return r.sim.figures().perNode[1]!.lost;
    };
    const none = lost('none');
    expect(lost('bfd')).toBe(none);
    expect(lost('metric-lowering')).toBeLessThan(none / 3);
  });

  test('simultaneous: literal leaves one survivor alone for the wait; agreed shares it', () => {
    const aloneMs = (name: string) => {
      const r = runOf(name);
      const firstRestore = r.first('advertise', 20_000, (e) => e.reason === 'restore').tMs;
      const changes = r.fibChanges;
      let total = 0;
      changes.forEach((c, i) => {
        const end = Math.min(changes[i + 1]?.tMs ?? firstRestore, firstRestore);
        if (c.tMs >= 20_000 && c.ecmp.length === 1 && end > c.tMs) total += end - c.tMs;
      });
      return total;
    };
    const wait = runOf('simultaneous-literal').sim.scenario().metric.restoreWaitMs;
    expect(aloneMs('simultaneous-literal')).toBeGreaterThan(wait / 2);
    expect(aloneMs('simultaneous-agreed')).toBeLessThan(1_000);
  });

  test("connection state: local resets more than 1/N, steering only the lost node's, consistent none", () => {
    const local = runOf('connection-local').sim.figures();
    const steering = runOf('connection-steering').sim.figures();
    const consistent = runOf('connection-consistent').sim.figures();
    // The same packets meet the same fates; only what happens to the flows differs.
    expect(steering.packetsLost).toBe(local.packetsLost);
    expect(consistent.packetsLost).toBe(local.packetsLost);
    expect(local.flowsReset).toBeGreaterThan(2 * steering.flowsReset);
    expect(steering.flowsReset).toBeGreaterThan(0);
    expect(steering.packetsSteered).toBeGreaterThan(0);
    expect(consistent.flowsReset).toBe(0);
    expect(consistent.flowsStalled).toBeGreaterThan(0);
  });

  test('resilient-under-load: the returning node is installed but gets no bucket', () => {
    const r = runOf('resilient-under-load');
    expect(r.sim.snapshot().fib).toEqual([1, 2, 3, 4]);
    expect(r.sim.snapshot().buckets).not.toContain(4);
    expect(r.all('buckets-rebalanced')).toEqual([]);
  });

  test('ospf-pacing: the second lowering waits, and the stale route stays tied meanwhile', () => {
    const r = runOf('ospf-pacing');
    const held = r.all('update-held');
    expect(held.length).toBeGreaterThan(0);
    // Node 3 (crashed at 22 s) stays in the FIB until the first held update arrives.
    const first = Math.min(...held.map((h) => h.untilMs));
    const leaves = r.fibBetween(22_000).find((c) => !c.ecmp.includes(3))!;
    expect(leaves.tMs).toBeGreaterThan(first);
    expect(first - 22_000).toBeGreaterThan(2_000);
  });

  test('planned-drain: nothing is lost, and the node stops once it carries nothing', () => {
    const r = runOf('planned-drain');
    expect(r.sim.figures().packetsLost).toBe(0);
    const done = r.first('drain-done', 10_000);
    expect(r.ecmpAt(done.tMs)).not.toContain(2);
    expect(r.fibChanges.at(-1)!.ecmp).toEqual([1, 2, 3, 4]);
  });
});
