/**
 * The per-epoch accounting (`traffic.ts`) against the old path
 * (`testing/reference.ts`): exactly equal figures and epochs on every preset,
 * at the end, in between, and after seeks back and forth.
 */
import { describe, expect, test } from 'vitest';
import { PRESETS } from './presets';
import { parseScenario, type Scenario } from './scenario';
import { simulationWith } from './simulation';
import { referenceSweepEpochs } from './testing/reference';

const CONNECTIONS = ['local', 'steering', 'consistent'] as const;

function compare(sc: Scenario) {
  const fast = simulationWith(sc);
  const old = simulationWith(sc, referenceSweepEpochs);
  const moments = [0.13, 0.5, 0.29, 1].map((f) => Math.round(sc.durationMs * f));
  for (const t of moments) {
    fast.seek(t);
    old.seek(t);
    expect(fast.figures()).toEqual(old.figures());
    expect(fast.epochs()).toEqual(old.epochs());
  }
}

describe('the per-epoch accounting agrees exactly with the old path', () => {
  for (const preset of PRESETS.filter((p) => p.name !== 'large')) {
    test(preset.name, () => {
      for (const connectionState of CONNECTIONS) {
        const input = preset.scenario;
        compare(parseScenario({ ...input, cluster: { ...input.cluster, connectionState } }));
      }
    }, 60_000);
  }

  test('large (64 nodes, 100,000 flows), cut to its first 10 minutes', () => {
    const input = PRESETS.find((p) => p.name === 'large')!.scenario;
    compare(parseScenario({ ...input, durationMs: 600_000 }));
  }, 120_000);

  test('every hashing', () => {
    const input = PRESETS.find((p) => p.name === 'cascade')!.scenario;
    for (const hashing of ['modulo', 'hash-threshold', 'resilient'] as const) {
      compare(parseScenario({ ...input, hashing }));
    }
  }, 60_000);
});

describe('the open epoch accounted as time goes', () => {
  test('reading the figures often changes nothing: the same figures and epochs as one read at the end', () => {
    for (const name of ['basic', 'cascade', 'all-fail', 'carrier-loss']) {
      const sc = parseScenario(PRESETS.find((p) => p.name === name)!.scenario);
      const often = simulationWith(sc);
      for (let t = 0; t <= sc.durationMs; t += 777) {
        often.advanceTo(t);
        often.figures();
      }
      often.advanceTo(sc.durationMs);
      const once = simulationWith(sc);
      once.advanceTo(sc.durationMs);
      expect(often.figures()).toEqual(once.figures());
      expect(often.epochs()).toEqual(once.epochs());
    }
  }, 60_000);
});
