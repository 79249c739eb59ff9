import { dismissError, useAppStore } from '../../store';

/** A bad URL or scenario: what was wrong, and a way to dismiss it. */
export function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  if (!error) return null;
  return (
    <div
      role="alert"
      className="error-banner flex items-start gap-3 rounded-md px-4 py-2.5 text-sm"
    >
      <span aria-hidden="true" className="font-bold">
        !
      </span>
      <p className="flex-1 whitespace-pre-line">{error}</p>
      <button
        type="button"
        onClick={dismissError}
        className="btn rounded px-2 py-0.5 text-sm font-medium underline"
      >
        Dismiss
      </button>
    </div>
  );
}
