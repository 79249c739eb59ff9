/**
 * The lesson's reactive state, apart from the runner that drives it, so the
 * first page can show the `Lesson` button and the stage slot without loading
 * the runner and the lesson data (`./lazy.ts` loads them when a lesson opens).
 */
import { createStore } from 'zustand/vanilla';
import type { Lesson, Step } from './types';

export interface QuizProgress {
  /** The question shown (0-based); `questions.length` once finished. */
  index: number;
  choice: number | null;
  /** The question shown has been answered (its explanation is shown). */
  answered: boolean;
  /** Right or wrong, per question answered. */
  results: boolean[];
}

export interface LessonState {
  lesson: Lesson | null;
  /** The step shown (0-based). */
  index: number;
  /** Steps play their stretch by themselves (off when the page was opened with `paused=1`). */
  autoplay: boolean;
  /** A *do* step's check held (at this simulated moment), or null while waiting. */
  doneAtMs: number | null;
  /** The prediction chosen, and the one last checked. */
  choice: number | null;
  checked: number | null;
  /** The prediction's Check was pressed with nothing chosen. */
  unchosen: boolean;
  quiz: QuizProgress;
}

export const freshQuiz = (): QuizProgress => ({
  index: 0,
  choice: null,
  answered: false,
  results: [],
});

export const lessonStore = createStore<LessonState>()(() => ({
  lesson: null,
  index: 0,
  autoplay: true,
  doneAtMs: null,
  choice: null,
  checked: null,
  unchosen: false,
  quiz: freshQuiz(),
}));

export const currentStep = (s: LessonState = lessonStore.getState()): Step | null =>
  s.lesson?.steps[s.index] ?? null;

export function setAutoplay(autoplay: boolean): void {
  lessonStore.setState({ autoplay });
}
