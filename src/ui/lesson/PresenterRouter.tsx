import { lazy, Suspense } from 'react';
import { currentStep } from '../../lesson/state';
import { useLesson } from './useLesson';

const RouterTables = lazy(() =>
  import('../inspect/RouterInspector').then((m) => ({ default: m.RouterTables })),
);

/**
 * Presenter mode folds the inspector away; a lesson step that points at the
 * router's tables (a routing-table row, the forwarding table) shows them under
 * the stage instead, so its spotlight has something to ring.
 */
export function PresenterRouter() {
  const points = useLesson((s) =>
    (currentStep(s)?.spotlight ?? []).some((t) => t.kind === 'route' || t.kind === 'table'),
  );
  if (!points) return null;
  return (
    <div className="presenter-router border-t border-line px-4 py-2">
      <Suspense fallback={null}>
        <RouterTables />
      </Suspense>
    </div>
  );
}
