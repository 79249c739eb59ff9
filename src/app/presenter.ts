/**
 * Presenter mode (`&present=1`): projector-sized type, the stage filling the
 * screen, the side panels folded away. Kept out of the app store, as the
 * walkthrough caption is: nothing in the simulator reads it. The address
 * follows the toggle, so a reload or a shared link keeps it.
 */
import { useSyncExternalStore } from 'react';

let present = false;
const listeners = new Set<() => void>();

export function isPresent(): boolean {
  return present;
}

export function subscribePresent(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Turn presenter mode on or off; `writeUrl` false leaves the address as it is. */
export function setPresent(on: boolean, writeUrl = true): void {
  if (writeUrl) writePresentParam(on);
  if (on === present) return;
  present = on;
  if (on) document.documentElement.dataset.present = '';
  else delete document.documentElement.dataset.present;
  for (const listener of listeners) listener();
}

export function togglePresent(): void {
  setPresent(!present);
}

export function usePresent(): boolean {
  return useSyncExternalStore(subscribePresent, isPresent);
}

/** `present=1` in the address while on, no `present` at all while off; the rest kept as it is. */
function writePresentParam(on: boolean): void {
  const params = new URLSearchParams(window.location.search);
  if (on) params.set('present', '1');
  else params.delete('present');
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}
