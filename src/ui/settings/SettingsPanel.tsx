import { lazy, Suspense, useId, useState } from 'react';
import { appStore, useAppStore } from '../../store';

// Loaded when the panel first opens: most visits never edit the scenario, and
// the page's first download stays small.
const SettingsForm = lazy(() =>
  import('./SettingsForm').then((m) => ({ default: m.SettingsForm })),
);
const ScenarioFiles = lazy(() =>
  import('./ScenarioFiles').then((m) => ({ default: m.ScenarioFiles })),
);

/** Collapsible settings: edit and apply the scenario; import, export and share it. */
export function SettingsPanel() {
  const [open, setOpen] = useState(false);
  const [applied, setApplied] = useState({ at: 0, kept: false });
  const scenario = useAppStore((s) => s.scenario);
  const loadCount = useAppStore((s) => s.loadCount);
  const bodyId = useId();
  return (
    <section
      aria-labelledby={`${bodyId}-title`}
      className="rounded-lg border border-line bg-surface"
    >
      <h2 id={`${bodyId}-title`} className="m-0">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
          className="btn flex w-full items-center justify-between rounded-lg px-4 py-3 text-left text-lg font-semibold tracking-tight"
        >
          Settings
          <svg
            width="14"
            height="14"
            viewBox="0 0 14 14"
            aria-hidden="true"
            className={open ? 'rotate-180' : ''}
          >
            <path d="M2.5 5l4.5 4.5L11.5 5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </button>
      </h2>
      {open && scenario && (
        <Suspense fallback={<p className="px-4 pb-4 text-sm text-muted">Loading settings…</p>}>
          <div id={bodyId} className="flex flex-col gap-4 border-t border-line px-4 pt-3 pb-4">
            {applied.at > 0 && applied.at === loadCount && (
              <p role="status" className="text-sm text-muted">
                {applied.kept
                  ? 'Applied: the same run, your actions included, replayed to this moment.'
                  : 'Applied: the cluster changed shape, so the run restarted.'}
              </p>
            )}
            <SettingsForm
              key={loadCount}
              scenario={scenario}
              onApplied={(kept) => setApplied({ at: appStore.getState().loadCount, kept })}
            />
            <section
              aria-labelledby={`${bodyId}-files`}
              className="flex flex-col gap-2 border-t border-line pt-3"
            >
              <h3
                id={`${bodyId}-files`}
                className="text-xs font-semibold tracking-wide text-muted uppercase"
              >
                Scenario file
              </h3>
              <ScenarioFiles />
            </section>
          </div>
        </Suspense>
      )}
    </section>
  );
}
