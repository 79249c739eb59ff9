import { useEffect, useId, useRef } from 'react';
import {
  checkPrediction,
  choose,
  closeLesson,
  currentStep,
  nextStep,
  previousStep,
  replay,
} from '../../lesson/runner';
import type { DoStep, PredictStep, Step, WatchStep } from '../../lesson/types';
import { useAppStore } from '../../store';
import { QuizBody } from './QuizBody';
import { Spotlight } from './Spotlight';
import { useLesson, useLessonShallow } from './useLesson';
import './lesson.css';

const KIND_LABEL: Record<Step['kind'], string> = {
  watch: 'Watch',
  do: 'Your turn',
  predict: 'Predict',
  quiz: 'Quiz',
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The guided lesson beside the stage: one step at a time, its text, its task, Back and Next. */
export function LessonPanel() {
  const { lesson, index } = useLessonShallow((s) => ({ lesson: s.lesson, index: s.index }));
  const step = useLesson((s) => currentStep(s));
  const headingId = useId();
  if (!lesson || !step) return null;
  const total = lesson.steps.length;
  return (
    <section aria-label="Lesson" className="lesson-panel card rounded-xl">
      <div className="lesson-top">
        <p className="lesson-eyebrow">
          <span className="lesson-title">{lesson.title}</span>
          <span className="lesson-count">
            Step {index + 1} of {total}
          </span>
        </p>
        <button
          type="button"
          onClick={closeLesson}
          className="btn btn-secondary lesson-close rounded-md px-2.5 py-1 text-sm"
          title="Leave the lesson: free play goes on from this moment"
        >
          Close
        </button>
      </div>
      <ol className="lesson-progress" aria-hidden="true">
        {lesson.steps.map((s, i) => (
          <li
            key={s.title}
            data-kind={s.kind}
            data-state={i < index ? 'past' : i === index ? 'now' : 'next'}
          />
        ))}
      </ol>
      {/* Keyed by step: a new step starts at its top. */}
      <div key={index} className="lesson-body">
        <p className="lesson-kind" data-kind={step.kind}>
          {KIND_LABEL[step.kind]}
        </p>
        <h2 id={headingId} className="lesson-heading">
          {step.title}
        </h2>
        {step.text.map((p) => (
          <p key={p} className="lesson-text">
            {p}
          </p>
        ))}
        {step.kind === 'watch' && <WatchBody step={step} />}
        {step.kind === 'do' && <DoBody step={step} />}
        {step.kind === 'predict' && <PredictBody key={index} step={step} />}
        {step.kind === 'quiz' && <QuizBody key={index} step={step} />}
      </div>
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button
          type="button"
          onClick={() => void previousStep()}
          disabled={index === 0}
          aria-keyshortcuts="PageUp"
          className="btn btn-secondary rounded-md px-4 py-2 text-sm font-medium"
        >
          Back
        </button>
        <span className="lesson-keys" aria-hidden="true">
          PgUp · PgDn
        </span>
        <button
          type="button"
          onClick={() => void nextStep()}
          disabled={index === total - 1}
          aria-keyshortcuts="PageDown"
          className="btn btn-primary rounded-md px-4 py-2 text-sm font-semibold"
        >
          Next
        </button>
      </nav>
      <Spotlight targets={step.spotlight ?? []} />
    </section>
  );
}

function WatchBody({ step }: { step: WatchStep }) {
  // Slow motion only acts around a failure: say so only when the stretch holds one.
  const failure = useAppStore(
    (s) =>
      s.scenario?.faults.some(
        (f) => f.action === 'fail' && f.atMs >= step.fromMs && f.atMs <= step.setup.atMs,
      ) ?? false,
  );
  return (
    <div className="lesson-task">
      <p className="lesson-hint">
        From {seconds(step.fromMs)} to {seconds(step.setup.atMs)}
        {failure ? ', slowed down around the failure.' : '.'}
      </p>
      <button
        type="button"
        onClick={() => void replay()}
        className="btn btn-secondary rounded-md px-3 py-1.5 text-sm font-medium"
      >
        Watch again
      </button>
    </div>
  );
}

function DoBody({ step }: { step: DoStep }) {
  const doneAtMs = useLesson((s) => s.doneAtMs);
  const status = useRef<HTMLParagraphElement>(null);
  // The confirmation may land below the fold of a short window: bring it into view.
  useEffect(() => {
    if (doneAtMs !== null) status.current?.scrollIntoView({ block: 'nearest' });
  }, [doneAtMs]);
  return (
    <div className="lesson-task" data-done={doneAtMs !== null}>
      <p className="lesson-instruction">{step.task}</p>
      <p
        ref={status}
        role="status"
        className="lesson-status"
        data-tone={doneAtMs === null ? 'wait' : 'right'}
      >
        {doneAtMs === null ? (
          'Waiting for you…'
        ) : (
          <>
            <strong>Done at {seconds(doneAtMs)}.</strong> {step.done}
          </>
        )}
      </p>
    </div>
  );
}

function PredictBody({ step }: { step: PredictStep }) {
  const { choice, checked, unchosen } = useLessonShallow((s) => ({
    choice: s.choice,
    checked: s.checked,
    unchosen: s.unchosen,
  }));
  const questionId = useId();
  const name = useId();
  const feedback = useRef<HTMLDivElement>(null);
  const right = step.answers[step.correct]!;
  // The feedback appears below the answers: bring it into view.
  useEffect(() => {
    if (checked !== null) feedback.current?.scrollIntoView({ block: 'nearest' });
  }, [checked]);
  return (
    <div className="lesson-task">
      <p id={questionId} className="lesson-question">
        {step.question}
      </p>
      <div
        role="radiogroup"
        aria-label="Prediction"
        aria-describedby={questionId}
        className="lesson-choices"
      >
        {step.answers.map((answer, i) => (
          <label
            key={answer.text}
            className="lesson-choice"
            data-verdict={
              checked === null
                ? undefined
                : i === step.correct
                  ? 'right'
                  : i === checked
                    ? 'wrong'
                    : undefined
            }
          >
            <input type="radio" name={name} checked={choice === i} onChange={() => choose(i)} />
            <span>{answer.text}</span>
          </label>
        ))}
      </div>
      <button
        type="button"
        onClick={() => void checkPrediction()}
        className="btn btn-primary self-start rounded-md px-4 py-2 text-sm font-semibold"
      >
        Check
      </button>
      <div
        ref={feedback}
        role="status"
        className="lesson-feedback"
        data-tone={checked === null ? undefined : checked === step.correct ? 'right' : 'wrong'}
      >
        {unchosen && checked === null && <p>Choose an answer first.</p>}
        {checked !== null && (
          <>
            <p className="lesson-verdict">
              {checked === step.correct ? 'Right.' : 'Not quite.'}{' '}
              {checked === step.correct ? '' : `The answer is: ${right.text} `}
              {right.why}
            </p>
            <ul className="lesson-others">
              {step.answers.map((answer, i) =>
                i === step.correct ? null : (
                  <li key={answer.text}>
                    <span className="lesson-other-answer">
                      {i === checked ? 'Your answer, ' : ''}“{answer.text}”
                    </span>{' '}
                    {answer.why}
                  </li>
                ),
              )}
            </ul>
            <p className="lesson-hint">The stage goes on to {seconds(step.revealMs)} to show it.</p>
          </>
        )}
      </div>
    </div>
  );
}
