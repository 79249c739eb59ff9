/**
 * The address follows the side-by-side view: `&compare=<s1>,<s2>[,<s3>]`
 * while it is open, nothing once it is left, so a reload or a shared link
 * opens the same view. The run's own parameters are `links.ts`'s.
 */
import type { Strategy } from '../sim';
import { compareStore } from '../store';
import { URL_PARAMS } from './url';

function write(strategies: readonly Strategy[] | null): void {
  const params = new URLSearchParams(window.location.search);
  if (strategies) params.set('compare', URL_PARAMS.compare.write([...strategies]));
  else params.delete('compare');
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}

/** Write the view into the address now (a bad `compare=` read at start goes) and on every change. */
export function followCompareInAddress(): void {
  write(compareStore.getState().strategies);
  compareStore.subscribe((state, prev) => {
    if (state.strategies !== prev.strategies) write(state.strategies);
  });
}
