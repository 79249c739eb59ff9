/**
 * The lesson data against the simulation: every step's scenario validates,
 * every spotlight and check names a node that exists, every moment is inside
 * the run, and every prediction's right answer is TRUE of the simulation at
 * the step's state (its wrong answers false).
 */
import { describe, expect, test } from 'vitest';
import { createSimulation, parseScenario, type Scenario } from '../sim';
import { nextHopFor } from '../sim/hashing';
import { LESSON_CATALOG } from './catalog';
import { checkHolds, factHoldsIn, factTimes } from './facts';
import { LESSON_IDS, LESSONS, lessonById, setupScenario } from './index';
import type { Check, Spotlight, Step } from './types';

const scenarioOf = (step: Step): Scenario => parseScenario(setupScenario(step.setup).input);

const nodesNamed = (spot: Spotlight): number[] => ('node' in spot ? [spot.node] : []);
const checkNodes = (check: Check): number[] => ('node' in check ? [check.node] : []);

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  test('has at least ten steps, ends with a quiz of five or more questions', () => {
    expect(lesson.steps.length).toBeGreaterThanOrEqual(10);
    const last = lesson.steps.at(-1)!;
    expect(last.kind).toBe('quiz');
    if (last.kind === 'quiz') expect(last.questions.length).toBeGreaterThanOrEqual(5);
    expect(lesson.steps.filter((s) => s.kind === 'predict').length).toBeGreaterThanOrEqual(4);
    expect(lesson.steps.some((s) => s.kind === 'do')).toBe(true);
    expect(lesson.steps.some((s) => s.kind === 'watch')).toBe(true);
  });

  test.each(lesson.steps.map((s, i) => [i + 1, s.title, s] as const))(
    'step %i (%s): its scenario validates and what it names exists',
    (_k, _title, step) => {
      const scenario = scenarioOf(step);
      expect(step.setup.atMs).toBeGreaterThanOrEqual(0);
      expect(step.setup.atMs).toBeLessThanOrEqual(scenario.durationMs);
      for (const spot of step.spotlight ?? []) {
        for (const node of nodesNamed(spot)) {
          expect(node).toBeGreaterThanOrEqual(1);
          expect(node).toBeLessThanOrEqual(scenario.nodes);
        }
        if (spot.kind === 'timeline') {
          expect(spot.fromMs).toBeLessThan(spot.toMs);
          expect(spot.toMs).toBeLessThanOrEqual(scenario.durationMs);
        }
      }
      if (step.kind === 'watch') expect(step.fromMs).toBeLessThan(step.setup.atMs);
      if (step.kind === 'predict') {
        expect(step.answers.length).toBeGreaterThanOrEqual(3);
        expect(step.answers.length).toBeLessThanOrEqual(4);
        expect(step.answers[step.correct]).toBeDefined();
        expect(step.revealMs).toBeGreaterThan(step.setup.atMs);
        expect(step.revealMs).toBeLessThanOrEqual(scenario.durationMs);
        for (const a of step.answers) {
          for (const t of a.claim ? factTimes(a.claim) : []) {
            expect(t).toBeLessThanOrEqual(scenario.durationMs);
          }
        }
      }
      if (step.kind === 'do') {
        for (const node of checkNodes(step.waitFor)) {
          expect(node).toBeGreaterThanOrEqual(1);
          expect(node).toBeLessThanOrEqual(scenario.nodes);
        }
      }
      if (step.kind === 'quiz') {
        for (const q of step.questions) expect(q.answers[q.correct]).toBeDefined();
      }
      expect(step.text.length).toBeGreaterThan(0);
    },
  );

  const predictions = lesson.steps.flatMap((s, i) =>
    s.kind === 'predict' ? [[i + 1, s.title, s] as const] : [],
  );
  test.each(predictions)(
    'step %i (%s): the right answer is true of the simulation, the others false',
    (_k, _title, step) => {
      const right = step.answers[step.correct]!;
      expect(right.claim, 'the right answer says what it claims').toBeDefined();
      const sim = createSimulation(scenarioOf(step));
      expect(factHoldsIn(right.claim!, sim), right.text).toBe(true);
      step.answers.forEach((answer, i) => {
        if (i === step.correct || !answer.claim) return;
        expect(factHoldsIn(answer.claim, createSimulation(scenarioOf(step))), answer.text).toBe(
          false,
        );
      });
    },
  );

  const doSteps = lesson.steps.flatMap((s, i) =>
    s.kind === 'do' ? [[i + 1, s.title, s] as const] : [],
  );
  test.each(doSteps)(
    'step %i (%s): its check waits at the start and holds once done',
    (_k, _title, step) => {
      const sim = createSimulation(scenarioOf(step));
      sim.seek(step.setup.atMs);
      expect(checkHolds(step.waitFor, sim)).toBe(false);
      const check = step.waitFor;
      if (check.kind === 'nodeDown')
        sim.act({ type: 'fail-node', node: check.node, kind: 'crash' });
      else if (check.kind === 'nodeUp') sim.act({ type: 'recover-node', node: check.node });
      expect(check.kind === 'strategy' || checkHolds(check, sim)).toBe(true);
    },
  );
});

describe('the failover lesson’s claims beyond its predictions', () => {
  const lesson = lessonById('failover')!;
  test('the do step’s own failure takes node 4 out of the forwarding table within a second', () => {
    const step = lesson.steps.find((s) => s.kind === 'do')!;
    const sim = createSimulation(scenarioOf(step));
    sim.seek(step.setup.atMs);
    sim.act({ type: 'fail-node', node: 4, kind: 'crash' });
    sim.advanceTo(step.setup.atMs + 1_000);
    expect(sim.snapshot().fib).not.toContain(4);
    // …and the scenario's own crash of node 4 at 10 s changes nothing further.
    sim.advanceTo(11_000);
    expect(sim.snapshot().nodes.find((n) => n.node === 4)?.state).toBe('failed');
  });

  test('hash-threshold moves about half the flows when one of four next hops leaves; resilient a quarter', () => {
    const SPACE = 2 ** 32;
    const samples = 10_000;
    const moved = (ecmpAfter: number[]) => {
      let count = 0;
      for (let i = 0; i < samples; i++) {
        const hash = Math.floor(((i + 0.5) / samples) * SPACE);
        const empty = new Int32Array(0);
        const before = nextHopFor('hash-threshold', hash, [1, 2, 3, 4], empty);
        if (before !== nextHopFor('hash-threshold', hash, ecmpAfter, empty)) count++;
      }
      return count / samples;
    };
    expect(moved([1, 2, 3])).toBeCloseTo(0.5, 2);
  });

  test('the quiz step’s moment shows the cluster back at rest on three nodes at 100', () => {
    const quiz = lesson.steps.at(-1)!;
    const sim = createSimulation(scenarioOf(quiz));
    sim.seek(quiz.setup.atMs);
    const snap = sim.snapshot();
    expect([...snap.fib]).toEqual([1, 2, 3]);
    expect(snap.nodes.filter((n) => n.node !== 4).map((n) => n.metric)).toEqual([100, 100, 100]);
  });
});

test('the catalog the first page reads lists every lesson, by id and title', () => {
  expect(LESSON_CATALOG).toEqual(LESSONS.map(({ id, title }) => ({ id, title })));
  expect(LESSON_IDS).toEqual(LESSONS.map((l) => l.id));
});
