/**
 * Properties of time control over random scenarios: seeking, playing and acting
 * in any order must give what a straight run of the resulting scenario gives.
 * Rerun a failure with `FC_SEED=<seed> npx vitest run src/sim/timecontrol.properties.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { createSimulation } from './simulation';
import { parseScenario } from './scenario';
import { everything, KINDS, scenarioArb, simulate } from './testing/arbitraries';
import { propertyRuns, propertySeed } from './testing/harness';

const SEED = propertySeed;
const params = (numRuns: number) => ({ numRuns: propertyRuns(numRuns), seed: SEED });
const name = (text: string) => `${text} (FC_SEED=${SEED})`;
// A guard against a hung run, not a timing assertion: a slow machine must not fail.
vi.setConfig({ testTimeout: propertyRuns(60_000) });

describe('time control', () => {
  test(name('seeking back and forward gives the same state as a straight run'), () => {
    const arb = fc.record({
      input: scenarioArb(),
      t: fc.integer({ min: 0, max: 30_000 }),
      back: fc.integer({ min: 0, max: 30_000 }),
      ahead: fc.integer({ min: 0, max: 30_000 }),
    });
    fc.assert(
      fc.property(arb, ({ input, t, back, ahead }) => {
        const straight = simulate(input, t);
        const sim = simulate(input, Math.max(t, ahead));
        sim.seek(Math.min(back, t));
        sim.seek(t);
        expect(sim.now()).toBe(t);
        expect(everything(sim)).toEqual(everything(straight));
        // And on to the end, past the old horizon.
        straight.advanceTo(30_000);
        sim.seek(30_000);
        expect(everything(sim)).toEqual(everything(straight));
      }),
      params(80),
    );
  });

  test(
    name('any mix of seeks, play and clicks equals a straight run of the resulting scenario'),
    () => {
      const op = fc.oneof(
        fc.record({ op: fc.constant('seek' as const), tMs: fc.integer({ min: 0, max: 30_000 }) }),
        fc.record({ op: fc.constant('play' as const), tMs: fc.integer({ min: 0, max: 30_000 }) }),
        fc.record({
          op: fc.constant('act' as const),
          node: fc.integer({ min: 1, max: 8 }),
          kind: fc.option(fc.constantFrom(...KINDS), { nil: undefined }),
        }),
      );
      const arb = fc.record({
        input: scenarioArb(),
        ops: fc.array(op, { maxLength: 8 }),
        lastSeekMs: fc.integer({ min: 0, max: 30_000 }),
      });
      fc.assert(
        fc.property(arb, ({ input, ops, lastSeekMs }) => {
          const sim = simulate(input, 0);
          for (const o of ops) {
            if (o.op === 'seek') sim.seek(o.tMs);
            else if (o.op === 'play') sim.advanceTo(o.tMs);
            else {
              const node = Math.min(o.node, input.nodes);
              sim.act(
                o.kind ? { type: 'fail-node', node, kind: o.kind } : { type: 'recover-node', node },
              );
            }
          }
          const check = () => {
            const straight = createSimulation(sim.scenario());
            straight.advanceTo(sim.now());
            expect(everything(sim)).toEqual(everything(straight));
          };
          check();
          // However the user forked, the scenario's own faults are all still there.
          const faults = sim.scenario().faults;
          for (const f of parseScenario(input).faults) expect(faults).toContainEqual(f);
          sim.seek(lastSeekMs);
          check();
        }),
        params(80),
      );
    },
  );

  test(name('acting at the current moment equals having the fault in the scenario'), () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const scripted = simulate(input);
        const live = createSimulation(parseScenario({ ...input, faults: [] }));
        for (const f of parseScenario(input).faults) {
          live.advanceTo(f.atMs);
          live.act(
            f.action === 'fail'
              ? { type: 'fail-node', node: f.node, kind: f.kind }
              : { type: 'recover-node', node: f.node },
          );
        }
        live.advanceTo(Number.POSITIVE_INFINITY);
        expect(everything(live)).toEqual(everything(scripted));
        expect(live.scenario().faults).toEqual(scripted.scenario().faults);
      }),
      params(100),
    );
  });
});
