/**
 * An append-only log that can rewind without forgetting. Seeking back hides
 * the entries after the restored moment; replaying writes the same entries
 * again (the run is deterministic), so checkpoints further on stay usable for
 * a later forward seek. Only a fork (acting in the past) really drops them.
 */
export interface Log<T> {
  /** Entries up to now (a stable array until the log changes). */
  view(): readonly T[];
  readonly length: number;
  /** Entries kept, including the hidden ones after a rewind. */
  readonly kept: number;
  push(entry: T): void;
  rewind(length: number): void;
  dropHidden(): void;
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
