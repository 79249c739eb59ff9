import { useStore } from 'zustand';
import { closeLesson } from '../../lesson/lazy';
import {
  COMPARE_STRATEGIES,
  closeCompare,
  compareStore,
  openCompare,
  showError,
} from '../../store';

/** The side-by-side view is open. */
export function useComparing(): boolean {
  return useStore(compareStore, (s) => s.strategies !== null);
}

/** Opens the side-by-side view with every strategy (the current run among them), or leaves it. */
export function SideBySideButton() {
  const open = useComparing();
  return (
    <button
      type="button"
      aria-pressed={open}
      onClick={() => {
        try {
          if (open) closeCompare();
          else {
            // The side-by-side view hides the one-run stage the lesson stands beside.
            closeLesson();
            openCompare(COMPARE_STRATEGIES);
          }
        } catch (error) {
          showError((error as Error).message);
        }
      }}
      className={`btn rounded-md px-2.5 py-1.5 text-sm ${open ? 'btn-primary' : 'btn-secondary'}`}
      title="Run the scenario under each strategy side by side, on one clock and one fault schedule"
    >
      Side by side
    </button>
  );
}
