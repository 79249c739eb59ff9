/**
 * The runner drives the app's own store: each step lands on its known state
 * (preset name kept, strategy, moment), a prediction's reveal goes to its end
 * when paused, a do step is noticed from the simulation, the quiz is scored,
 * and leaving gives back the user's choices at the moment reached.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { createSimulation } from '../sim';
import {
  appStore,
  failNode,
  getSim,
  resetStore,
  setSimulationFactory,
  setSlowMotion,
  setSpeed,
} from '../store';
import { failover } from './lessons/failover';
import {
  answerQuiz,
  checkPrediction,
  choose,
  chooseQuiz,
  closeLesson,
  continueQuiz,
  LessonError,
  lessonStore,
  nextStep,
  openLesson,
  previousStep,
  setAutoplay,
} from './runner';
import type { PredictStep, QuizStep } from './types';

const indexOf = (kind: string) => failover.steps.findIndex((s) => s.kind === kind);

beforeEach(() => {
  closeLesson();
  resetStore();
  setSimulationFactory(createSimulation);
  setAutoplay(false);
});

describe('the lesson runner', () => {
  test('every step lands on its preset, strategy and moment, forward and back', async () => {
    await openLesson('failover');
    for (let k = 1; k <= failover.steps.length; k++) {
      const step = failover.steps[k - 1]!;
      const { presetName, scenario } = appStore.getState();
      expect(lessonStore.getState().index).toBe(k - 1);
      expect(presetName).toBe(step.setup.preset);
      expect(scenario?.strategy).toBe(step.setup.strategy ?? scenario?.strategy);
      expect(getSim()?.now()).toBe(step.setup.atMs);
      await nextStep();
    }
    expect(lessonStore.getState().index).toBe(failover.steps.length - 1);
    await previousStep();
    expect(lessonStore.getState().index).toBe(failover.steps.length - 2);
  });

  test('a bad id or step throws a LessonError naming it, and nothing opens', async () => {
    await expect(openLesson('nope')).rejects.toThrow(LessonError);
    await expect(openLesson('failover', 0)).rejects.toThrow(/step: 0 is not a step/);
    expect(lessonStore.getState().lesson).toBeNull();
  });

  test('a prediction: nothing chosen asks for a choice; checked, the reveal goes to its end', async () => {
    const k = failover.steps.findIndex((s) => s.kind === 'predict') + 1;
    const step = failover.steps[k - 1] as PredictStep;
    await openLesson('failover', k);
    await checkPrediction();
    expect(lessonStore.getState().unchosen).toBe(true);
    expect(getSim()?.now()).toBe(step.setup.atMs);
    choose(step.correct);
    await checkPrediction();
    expect(lessonStore.getState().checked).toBe(step.correct);
    expect(getSim()?.now()).toBe(step.revealMs);
  });

  test('a do step is noticed from the simulation, whoever acts', async () => {
    await openLesson('failover', indexOf('do') + 1);
    expect(lessonStore.getState().doneAtMs).toBeNull();
    failNode(4, 'crash');
    expect(lessonStore.getState().doneAtMs).toBe(failover.steps[indexOf('do')]!.setup.atMs);
  });

  test('the quiz counts right answers only', async () => {
    const quiz = failover.steps.at(-1) as QuizStep;
    await openLesson('failover', failover.steps.length);
    for (const [i, q] of quiz.questions.entries()) {
      chooseQuiz(i === 0 ? (q.correct + 1) % q.answers.length : q.correct);
      expect(answerQuiz()).toBe(true);
      continueQuiz();
    }
    const { results, index } = lessonStore.getState().quiz;
    expect(index).toBe(quiz.questions.length);
    expect(results.filter(Boolean)).toHaveLength(quiz.questions.length - 1);
  });

  test('slow motion on in the lesson; leaving restores the user’s choices at the moment reached', async () => {
    setSlowMotion(false);
    setSpeed(20);
    await openLesson('failover', 3);
    expect(appStore.getState().slowMotion).toBe(true);
    expect(appStore.getState().speed).toBe(1);
    const at = getSim()?.now();
    closeLesson();
    expect(lessonStore.getState().lesson).toBeNull();
    expect(appStore.getState().slowMotion).toBe(false);
    expect(appStore.getState().speed).toBe(20);
    expect(getSim()?.now()).toBe(at);
  });
});
