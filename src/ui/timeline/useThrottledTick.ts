import { useEffect, useState } from 'react';
import { type AppState, appStore } from '../../store';

/**
 * A counter that bumps when any of the store values picked by `key` change, at
 * most once per `intervalMs` (leading and trailing edge), so charts and the
 * event log rebuild a few times a second however fast the clock runs.
 */
export function useThrottledTick(key: (s: AppState) => unknown[], intervalMs = 250): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let previous = key(appStore.getState());
    const fire = () => {
      timer = null;
      last = performance.now();
      setTick((t) => t + 1);
    };
    const unsubscribe = appStore.subscribe((state) => {
      const next = key(state);
      if (next.every((v, i) => Object.is(v, previous[i]))) return;
      previous = next;
      if (timer) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
    // `key` should be a module-level function: a new one resubscribes.
  }, [key, intervalMs]);
  return tick;
}
