import { LESSON_CATALOG } from '../../lesson/catalog';
import { closeLesson, openLesson } from '../../lesson/lazy';
import { closeCompare, showError } from '../../store';
import { useLesson } from './useLesson';

/**
 * Scroll the panel into view once it has loaded (it loads with the first open):
 * on a phone it sits below the stage, where a press would seem to do nothing.
 */
function bringIntoView(): void {
  let frames = 60;
  const look = () => {
    const panel = document.querySelector('section[aria-label="Lesson"]');
    if (panel) panel.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    else if (frames-- > 0) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** The header's `Lesson` button: opens the guided lesson at its first step, or leaves it. */
export function LessonButton() {
  const open = useLesson((s) => s.lesson !== null);
  const first = LESSON_CATALOG[0];
  if (!first) return null;
  return (
    <button
      type="button"
      aria-pressed={open}
      onClick={() => {
        if (open) {
          closeLesson();
          return;
        }
        // The lesson lives beside the one-run stage, which the side-by-side view hides.
        closeCompare();
        openLesson(first.id)
          .then(bringIntoView)
          .catch((error: Error) => showError(error.message));
      }}
      className={`btn lesson-toggle inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-semibold ${
        open ? 'btn-primary' : 'btn-secondary'
      }`}
      title={open ? 'Leave the lesson (free play goes on from here)' : first.title}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16" className="shrink-0">
        <path
          d="M3 4.5c2.5-1 5-1 7 .8 2-1.8 4.5-1.8 7-.8v11c-2.5-1-5-1-7 .8-2-1.8-4.5-1.8-7-.8z M10 5.3v11"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
      </svg>
      Lesson
    </button>
  );
}
