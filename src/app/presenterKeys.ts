/**
 * What "next" and "back" mean for a presenter remote (it sends Page Down and
 * Page Up, some send the full stop): the latest registered stepper decides (a
 * lesson registers one while it is open), and free play is the fallback, where
 * they step the simulation to the next or the previous logged event.
 */
import { getSim, pause, seek, stepToNextEvent } from '../store';

export interface Stepper {
  next(): void;
  back(): void;
}

const steppers: Stepper[] = [];

/** Take the presenter keys while registered (the last one registered wins); returns the unregister function. */
export function registerStepper(stepper: Stepper): () => void {
  steppers.push(stepper);
  return () => {
    const at = steppers.lastIndexOf(stepper);
    if (at >= 0) steppers.splice(at, 1);
  };
}

/** True while something other than free play owns the keys (a lesson). */
export function hasStepper(): boolean {
  return steppers.length > 0;
}

/** Pause and go back to the latest moment, before now, at which something was logged. */
export function stepToPreviousEvent(): Promise<void> {
  const sim = getSim();
  if (!sim) return Promise.resolve();
  pause();
  const nowMs = sim.now();
  const events = sim.events();
  for (let i = events.length - 1; i >= 0; i--) {
    const tMs = events[i]!.tMs;
    if (tMs < nowMs) return seek(tMs);
  }
  return nowMs > 0 ? seek(0) : Promise.resolve();
}

export const freePlay: Stepper = {
  next: stepToNextEvent,
  back: () => void stepToPreviousEvent(),
};

export function stepNext(): void {
  (steppers.at(-1) ?? freePlay).next();
}

export function stepBack(): void {
  (steppers.at(-1) ?? freePlay).back();
}
