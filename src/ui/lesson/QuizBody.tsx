import { useEffect, useId, useRef } from 'react';
import { answerQuiz, chooseQuiz, continueQuiz, restartQuiz } from '../../lesson/runner';
import type { QuizStep } from '../../lesson/types';
import { useFocusWhen, useLesson } from './useLesson';

/** The closing quiz: one question at a time, answered by keyboard or mouse, then the score. */
export function QuizBody({ step }: { step: QuizStep }) {
  const quiz = useLesson((s) => s.quiz);
  const questionId = useId();
  const name = useId();
  const total = step.questions.length;
  const score = quiz.results.filter(Boolean).length;
  const finished = quiz.index >= total;
  const continueRef = useFocusWhen(quiz.answered);
  const retakeRef = useFocusWhen(finished);
  const feedback = useRef<HTMLDivElement>(null);
  const group = useRef<HTMLDivElement>(null);
  const shown = useRef(quiz.index);
  // On to the next question: focus its answers, so the keyboard carries on there.
  useEffect(() => {
    if (quiz.index === shown.current) return;
    shown.current = quiz.index;
    group.current?.querySelector('input')?.focus();
  }, [quiz.index]);
  // The explanation appears below the answers: bring it into view.
  useEffect(() => {
    if (quiz.answered) feedback.current?.scrollIntoView({ block: 'nearest' });
  }, [quiz.answered]);
  if (finished) {
    return (
      <div className="lesson-task">
        <p role="status" className="lesson-score" data-tone={score === total ? 'right' : undefined}>
          Score: {score} of {total}
        </p>
        <p className="lesson-text">
          {score === total
            ? 'Every answer right. You know why the router black-holes traffic and how lowering the metric takes it away.'
            : 'Go back to any step with Back or Page Up to see it again, or take the quiz again.'}
        </p>
        <button
          ref={retakeRef}
          type="button"
          onClick={restartQuiz}
          className="btn btn-secondary self-start rounded-md px-3 py-1.5 text-sm font-medium"
        >
          Take the quiz again
        </button>
      </div>
    );
  }
  const q = step.questions[quiz.index]!;
  const right = quiz.results.at(-1);
  return (
    <div className="lesson-task">
      <p className="lesson-hint">
        Question {quiz.index + 1} of {total} · {score} right so far
      </p>
      <p id={questionId} className="lesson-question">
        {q.question}
      </p>
      <div ref={group} role="radiogroup" aria-labelledby={questionId} className="lesson-choices">
        {q.answers.map((answer, i) => (
          <label
            key={answer}
            className="lesson-choice"
            data-verdict={
              !quiz.answered
                ? undefined
                : i === q.correct
                  ? 'right'
                  : i === quiz.choice
                    ? 'wrong'
                    : undefined
            }
          >
            <input
              type="radio"
              name={name}
              checked={quiz.choice === i}
              disabled={quiz.answered && quiz.choice !== i}
              onChange={() => chooseQuiz(i)}
            />
            <span>{answer}</span>
          </label>
        ))}
      </div>
      {!quiz.answered ? (
        <button
          type="button"
          onClick={answerQuiz}
          disabled={quiz.choice === null}
          className="btn btn-primary self-start rounded-md px-4 py-2 text-sm font-semibold"
        >
          Answer
        </button>
      ) : (
        <button
          ref={continueRef}
          type="button"
          onClick={continueQuiz}
          className="btn btn-primary self-start rounded-md px-4 py-2 text-sm font-semibold"
        >
          {quiz.index + 1 < total ? 'Continue' : 'See the score'}
        </button>
      )}
      <div
        ref={feedback}
        role="status"
        className="lesson-feedback"
        data-tone={quiz.answered ? (right ? 'right' : 'wrong') : undefined}
      >
        {quiz.answered && (
          <p className="lesson-verdict">
            {right
              ? 'Right.'
              : `Not quite. The answer is: ${q.answers[q.correct]!.replace(/\.$/, '')}.`}{' '}
            {q.explain}
          </p>
        )}
      </div>
    </div>
  );
}
