/**
 * The core promises that valid input never throws; if it does all the same (a
 * bug, or the guard that stops a run stuck at one moment), the run pauses where
 * it is and the banner says why, rather than the clock or a seek stopping
 * silently with Play still showing.
 */
import { appStore } from './store';

/** Run a call into the core; on a throw, pause, show the message and return false. */
export function guardCore(run: () => void): boolean {
  try {
    run();
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    appStore.setState({ playing: false, work: null, error: message });
    return false;
  }
}
