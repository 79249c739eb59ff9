/**
 * The lesson format: a lesson is data (one typed file per lesson in
 * `lessons/`), read by the runner (`runner.ts`) and drawn by `ui/lesson/`.
 * A step sets the simulator to a known state with the app's own actions (a
 * preset, a strategy, a moment), says what happens, points at what to look
 * at, and is one of three kinds: watch, do, predict. The last step is the quiz.
 * See the README, "Writing a lesson".
 */
import type { ScenarioInput, Strategy } from '../sim';

/** The state a step opens in: a preset (its name stays in the picker), a strategy, a moment. */
export interface Setup {
  /** A preset's name (`scenarios/<name>.json`). */
  preset: string;
  /** Run it under this strategy instead of the preset's own (the picker keeps the preset's name). */
  strategy?: Strategy;
  /**
   * Other changes to the preset's fields (the scenario is then a custom one).
   * Every result must validate as a scenario file; the lesson tests check it.
   */
  changes?: Partial<Omit<ScenarioInput, 'version'>>;
  /** The simulated moment (ms) the step shows. */
  atMs: number;
}

/** A thing on the page to outline while the step is shown. */
export type Spotlight =
  | { kind: 'node'; node: number }
  /** The router→node path. */
  | { kind: 'path'; node: number }
  /** The expiry ring on the path to a node (the route's countdown). */
  | { kind: 'ring'; node: number }
  | { kind: 'router' }
  /** The routing table's row for a node. */
  | { kind: 'route'; node: number }
  | { kind: 'table'; table: 'Routing table' | 'Forwarding table' }
  /** A stretch of the timeline, in simulated ms. */
  | { kind: 'timeline'; fromMs: number; toMs: number };

/** What a *do* step waits for, read from the simulation (never the page). */
export type Check =
  | { kind: 'nodeDown'; node: number }
  | { kind: 'nodeUp'; node: number }
  | { kind: 'strategy'; strategy: Strategy };

/**
 * A statement about the run at one moment, checked against the simulation by
 * the lesson tests: each prediction's right answer must be true, each wrong
 * answer's false.
 */
export type Fact =
  /** The forwarding table (the ECMP set) is exactly these nodes. */
  | { kind: 'fib'; atMs: number; nodes: number[] }
  | { kind: 'inFib'; atMs: number; node: number; is: boolean }
  /** The router's route for a node: present or not, and what it holds. */
  | {
      kind: 'route';
      atMs: number;
      node: number;
      present: boolean;
      metric?: number;
      stale?: boolean;
      inFib?: boolean;
    }
  /** The metric a node advertises. */
  | { kind: 'advertises'; atMs: number; node: number; metric: number | null }
  /** Some flow is hashed to a node that cannot deliver it. */
  | { kind: 'blackHole'; atMs: number; is: boolean }
  | { kind: 'all'; facts: Fact[] };

export interface Answer {
  text: string;
  /** Why it is right, or why it is wrong (shown once checked). */
  why: string;
  /** What the answer claims about the run (true for the right answer, false for the others). */
  claim?: Fact;
}

interface StepBase {
  /** The heading: names what the step is about. */
  title: string;
  /** Two or three plain sentences: what happens and why. */
  text: string[];
  setup: Setup;
  /** What to look at. */
  spotlight?: Spotlight[];
}

/** The lesson plays a stretch (slowed around a failure) and ends at `setup.atMs`. */
export interface WatchStep extends StepBase {
  kind: 'watch';
  /** Where the stretch starts (it ends at `setup.atMs`). */
  fromMs: number;
}

/** The student acts; the lesson notices from the simulation and confirms. */
export interface DoStep extends StepBase {
  kind: 'do';
  /** The instruction ("Fail node 4: …"). */
  task: string;
  waitFor: Check;
  /** The sentence that confirms it, once done. */
  done: string;
  /** Then play this much simulated time, to show what follows. */
  thenPlayMs: number;
}

/** A question before the reveal; the reveal plays to `revealMs`. */
export interface PredictStep extends StepBase {
  kind: 'predict';
  question: string;
  /** Three or four answers. */
  answers: Answer[];
  /** Index of the right answer. */
  correct: number;
  revealMs: number;
}

export interface QuizQuestion {
  question: string;
  answers: string[];
  correct: number;
  /** Why the right answer is right (shown once answered). */
  explain: string;
}

/** The closing quiz (the last step). */
export interface QuizStep {
  kind: 'quiz';
  title: string;
  text: string[];
  setup: Setup;
  questions: QuizQuestion[];
  spotlight?: Spotlight[];
}

export type Step = WatchStep | DoStep | PredictStep | QuizStep;

export interface Lesson {
  /** The id in the address: `?lesson=<id>`. */
  id: string;
  title: string;
  steps: Step[];
}
