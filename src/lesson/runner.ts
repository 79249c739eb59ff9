/**
 * The lesson runner: opens a lesson at a step, sets the simulator to the
 * step's known state with the app's own actions (load, strategy, seek, play),
 * plays a watch step's stretch in slow motion, notices a *do* step's check in
 * the simulation, checks predictions, scores the quiz, and keeps the address
 * (`?lesson=<id>&step=<k>`) in step. It never forks the simulation. Leaving
 * returns to free play at that moment, with the user's speed and slow-motion
 * choice back.
 */
import {
  appStore,
  getSim,
  loadScenario,
  pause,
  play,
  registerPainter,
  seek,
  setSlowMotion,
  setSpeed,
} from '../store';
import { registerStepper } from '../app/presenterKeys';
import { checkHolds } from './facts';
import { LESSON_IDS, lessonById, setupScenario } from './index';
import { currentStep, freshQuiz, lessonStore } from './state';

export {
  currentStep,
  type LessonState,
  lessonStore,
  type QuizProgress,
  setAutoplay,
} from './state';

/** A lesson id or step that does not exist; the message names it and what exists. */
export class LessonError extends Error {}

/** The free-play choices the lesson overrides, given back on leaving. */
let saved: { slowMotion: boolean; speed: number } | null = null;
/** Where the stretch being played stops (simulated ms), or null. */
let stopAtMs: number | null = null;
let unsubscribe: (() => void) | null = null;
/** A step's state is being set up: what the simulation shows meanwhile is not the student's doing. */
let settingUp = false;
/** Counts step setups, so only the latest one plays once its seek is done. */
let setups = 0;

/**
 * Open lesson `id` at step `step` (1-based).
 * @throws LessonError when there is no such lesson or step (nothing changes then)
 */
export async function openLesson(id: string, step = 1): Promise<void> {
  const lesson = lessonById(id);
  if (!lesson)
    throw new LessonError(`lesson: "${id}" is not a lesson (known: ${LESSON_IDS.join(', ')})`);
  if (!Number.isInteger(step) || step < 1 || step > lesson.steps.length) {
    throw new LessonError(
      `step: ${step} is not a step of lesson "${id}" (it has steps 1 to ${lesson.steps.length})`,
    );
  }
  if (!saved) {
    const { slowMotion, speed } = appStore.getState();
    saved = { slowMotion, speed };
  }
  setSlowMotion(true);
  setSpeed(1);
  install();
  lessonStore.setState({ lesson });
  await goToStep(step - 1);
}

/** Leave the lesson: free play goes on from this moment. */
export function closeLesson(): void {
  if (!lessonStore.getState().lesson) return;
  stopAtMs = null;
  unsubscribe?.();
  unsubscribe = null;
  if (saved) {
    setSlowMotion(saved.slowMotion);
    setSpeed(saved.speed);
    saved = null;
  }
  lessonStore.setState({ lesson: null, index: 0 });
  writeLessonAddress(null, 0);
}

export function nextStep(): Promise<void> {
  const { lesson, index } = lessonStore.getState();
  if (!lesson || index >= lesson.steps.length - 1) return Promise.resolve();
  return goToStep(index + 1);
}

export function previousStep(): Promise<void> {
  const { lesson, index } = lessonStore.getState();
  if (!lesson || index <= 0) return Promise.resolve();
  return goToStep(index - 1);
}

/** Show step `index` (0-based) from its known state. */
export async function goToStep(index: number): Promise<void> {
  const { lesson, autoplay } = lessonStore.getState();
  const step = lesson?.steps[index];
  if (!lesson || !step) return;
  // The address first: the scenario's own address update keeps these parameters.
  writeLessonAddress(lesson.id, index + 1);
  stopAtMs = null;
  lessonStore.setState({
    index,
    doneAtMs: null,
    choice: null,
    checked: null,
    unchosen: false,
    quiz: freshQuiz(),
  });
  const mine = ++setups;
  settingUp = true;
  try {
    pause();
    const { input, presetName } = setupScenario(step.setup);
    loadScenario(input, presetName);
    await seek(step.kind === 'watch' && autoplay ? step.fromMs : step.setup.atMs);
  } finally {
    if (mine === setups) settingUp = false;
  }
  // Stepped on again meanwhile: the later step owns the clock.
  if (mine === setups && step.kind === 'watch' && autoplay) playUntil(step.setup.atMs);
}

/** Play from now and stop at `tMs` (slow motion is on in the lesson). */
function playUntil(tMs: number): void {
  stopAtMs = tMs;
  play();
}

/** Play the current watch step's stretch again. */
export async function replay(): Promise<void> {
  const step = currentStep();
  if (step?.kind !== 'watch') return;
  pause();
  await seek(step.fromMs);
  if (currentStep() === step) playUntil(step.setup.atMs);
}

export function choose(choice: number): void {
  lessonStore.setState({ choice, unchosen: false });
}

/** Check the chosen prediction, then play the reveal (or, paused, go to its end). */
export async function checkPrediction(): Promise<void> {
  const state = lessonStore.getState();
  const step = currentStep(state);
  if (step?.kind !== 'predict') return;
  if (state.choice === null) {
    lessonStore.setState({ unchosen: true });
    return;
  }
  lessonStore.setState({ checked: state.choice, unchosen: false });
  pause();
  stopAtMs = null;
  await seek(step.setup.atMs);
  if (currentStep() !== step) return; // stepped away meanwhile
  if (state.autoplay) playUntil(step.revealMs);
  else await seek(step.revealMs);
}

export function chooseQuiz(choice: number): void {
  const { quiz } = lessonStore.getState();
  if (quiz.answered) return;
  lessonStore.setState({ quiz: { ...quiz, choice } });
}

/** Answer the quiz question shown; false when nothing is chosen. */
export function answerQuiz(): boolean {
  const state = lessonStore.getState();
  const step = currentStep(state);
  const { quiz } = state;
  if (step?.kind !== 'quiz' || quiz.answered || quiz.choice === null) return false;
  const right = step.questions[quiz.index]?.correct === quiz.choice;
  lessonStore.setState({ quiz: { ...quiz, answered: true, results: [...quiz.results, right] } });
  return true;
}

/** On to the next quiz question (or the score, after the last). */
export function continueQuiz(): void {
  const { quiz } = lessonStore.getState();
  if (!quiz.answered) return;
  lessonStore.setState({ quiz: { ...quiz, index: quiz.index + 1, choice: null, answered: false } });
}

export function restartQuiz(): void {
  lessonStore.setState({ quiz: freshQuiz() });
}

/** The stop painter, the *do* step's watcher and the paging keys, while a lesson is open. */
function install(): void {
  if (unsubscribe) return;
  const offPainter = registerPainter(({ nowMs }) => {
    if (stopAtMs === null || nowMs < stopAtMs) return;
    const at = stopAtMs;
    stopAtMs = null;
    pause();
    // Played past it within a frame or two: back to the exact moment (a jump far beyond is the user's).
    if (nowMs > at && nowMs - at < 1_000) void seek(at);
  });
  const offStore = appStore.subscribe((state, prev) => {
    // A pause by the user ends the lesson's stretch.
    if (!state.playing && prev.playing) stopAtMs = null;
    if (state.revision !== prev.revision || state.snapshot !== prev.snapshot) noticeDone();
  });
  // Page Down / Page Up and the full stop (a presenter remote's keys) step the lesson.
  const offKeys = registerStepper({ next: () => void nextStep(), back: () => void previousStep() });
  unsubscribe = () => {
    offPainter();
    offStore();
    offKeys();
  };
}

/** A *do* step: read its check off the simulation; once it holds, confirm and play on. */
function noticeDone(): void {
  const state = lessonStore.getState();
  const step = currentStep(state);
  const sim = getSim();
  if (settingUp || step?.kind !== 'do' || state.doneAtMs !== null || !sim) return;
  if (!checkHolds(step.waitFor, sim)) return;
  const nowMs = sim.now();
  lessonStore.setState({ doneAtMs: nowMs });
  if (state.autoplay) playUntil(nowMs + step.thenPlayMs);
}

/** Keep `lesson` and `step` in the address (or take them out, for null). */
function writeLessonAddress(id: string | null, step: number): void {
  if (typeof window === 'undefined') return;
  const params = new URLSearchParams(window.location.search);
  if (id === null) {
    params.delete('lesson');
    params.delete('step');
  } else {
    params.set('lesson', id);
    params.set('step', String(step));
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  window.history.replaceState(window.history.state, '', url);
}
