import { lazy, Suspense } from 'react';
import { useLesson } from '../ui/lesson/useLesson';

const LessonPanel = lazy(() =>
  import('../ui/lesson/LessonPanel').then((m) => ({ default: m.LessonPanel })),
);

/**
 * The place beside the stage for a panel that belongs next to it (the guided
 * lesson): a grid column of its own between the stage and the inspector that
 * takes no room while empty.
 */
export function StageSlot() {
  const open = useLesson((s) => s.lesson !== null);
  return (
    <div className="stage-slot empty:hidden min-w-0">
      {open && (
        <Suspense fallback={null}>
          <LessonPanel />
        </Suspense>
      )}
    </div>
  );
}
