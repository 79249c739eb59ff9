import { showNotice, useAppStore } from '../../store';

/** One line about what just happened to the run (a fork that dropped later actions). */
export function Notice() {
  const notice = useAppStore((s) => s.notice);
  if (!notice) return null;
  return (
    <div role="status" className="notice flex items-center gap-3 rounded-lg px-4 py-2 text-sm">
      <span aria-hidden="true">⑂</span>
      <p className="flex-1">{notice}</p>
      <button
        type="button"
        onClick={() => showNotice(null)}
        className="btn rounded px-2 py-0.5 text-sm font-medium underline"
      >
        Dismiss
      </button>
    </div>
  );
}
