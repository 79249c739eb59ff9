import { createStore } from 'zustand/vanilla';
import { type AppState, initialClockSlice, initialSimSlice, initialUiSlice } from './state';

/** The one app store (zustand vanilla: usable without React, e.g. by the clock and tests). */
export const appStore = createStore<AppState>()(() => ({
  ...initialSimSlice,
  ...initialClockSlice,
  ...initialUiSlice,
}));

/** Back to the initial state (tests). Does not touch the simulation reference. */
export function resetStore(): void {
  appStore.setState({ ...initialSimSlice, ...initialClockSlice, ...initialUiSlice }, true);
}
