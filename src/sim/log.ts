/**
 * An append-only log that can rewind without forgetting. Seeking back hides
 * the entries after the restored moment; replaying writes the same entries
 * again (the run is deterministic), so checkpoints further on stay usable and
 * the hidden entries are the known future up to the horizon. Only a fork
 * (acting in the past) really drops them.
 */
import type { Epoch, FibChange, SimEvent } from './types';

export interface Log<T> {
  /** Entries up to now (a stable array until the log changes). */
  view(): readonly T[];
  /** Every entry kept, the hidden ones after a rewind included (grows in place). */
  known(): readonly T[];
  readonly length: number;
  /** Entries kept, including the hidden ones after a rewind. */
  readonly kept: number;
  push(entry: T): void;
  rewind(length: number): void;
  dropHidden(): void;
}

/** The three logs of a run; checkpoints keep only their lengths. */
export interface Logs {
  events: Log<SimEvent>;
  fibChanges: Log<FibChange>;
  epochs: Log<Epoch>;
}

export function createLog<T>(): Log<T> {
  const items: T[] = [];
  let length = 0;
  let view: readonly T[] | null = null;
  return {
    view() {
      if (length === items.length) return items;
      view ??= items.slice(0, length);
      return view;
    },
    known: () => items,
    get length() {
      return length;
    },
    get kept() {
      return items.length;
    },
    push(entry) {
      items[length++] = entry;
      view = null;
    },
    rewind(to) {
      length = to;
      view = null;
    },
    dropHidden() {
      items.length = length;
      view = null;
    },
  };
}
