/**
 * The furthest history seen since the last load or fork. The core's event log
 * and epochs stop at `now()` (seeking back truncates them), but the timeline,
 * the charts and the event log keep showing what already happened further on,
 * dimmed, so a student can scrub back and forth without losing the story.
 * Replays are deterministic, so the core's log is always a prefix of this one
 * until a fork (acting in the past lowers `horizonMs()`), which starts afresh.
 */
import type { Epoch, SimEvent, Simulation } from '../../sim';

export interface History {
  /** Every event up to `horizonMs`. */
  events: readonly SimEvent[];
  /** Closed epochs up to the furthest point reached, then the open one as it was there. */
  epochs: readonly Epoch[];
  horizonMs: number;
}

let owner: Simulation | null = null;
let events: SimEvent[] = [];
let epochs: Epoch[] = [];
let horizonMs = 0;
/** The open epoch as seen at the horizon (the core forgets it on seeking back). */
let tail: Epoch | null = null;
let version = 0;
let snapshot: History = { events, epochs, horizonMs };

function sameEvent(a: SimEvent | undefined, b: SimEvent | undefined): boolean {
  return a !== undefined && b !== undefined && a.tMs === b.tMs && a.type === b.type;
}

/** Whether the core's log still agrees with the cached one where they overlap. */
function consistent(current: readonly SimEvent[]): boolean {
  const k = Math.min(current.length, events.length) - 1;
  return k < 0 || sameEvent(current[k], events[k]);
}

/**
 * Bring the cache up to date with `sim`. Returns the same object until something
 * changes; the arrays grow in place (cheap for 10,000 events), so key memos on
 * the returned object, not on the arrays.
 */
export function readHistory(sim: Simulation): History {
  const current = sim.events();
  const all = sim.epochs();
  const closed = all.length - 1;
  const horizon = sim.horizonMs();
  let changed = false;
  if (sim !== owner || horizon < horizonMs || !consistent(current)) {
    owner = sim;
    events = current.slice();
    epochs = all.slice(0, closed);
    tail = null;
    changed = true;
  } else {
    if (current.length > events.length) {
      for (let i = events.length; i < current.length; i++) events.push(current[i]!);
      changed = true;
    }
    if (closed > epochs.length) {
      for (let i = epochs.length; i < closed; i++) epochs.push(all[i]!);
      changed = true;
    }
  }
  if (horizon !== horizonMs) changed = true;
  horizonMs = horizon;
  const open = all[closed];
  if (open && sim.now() >= horizon && open !== tail) {
    tail = open;
    changed = true;
  }
  if (changed) {
    version++;
    const withTail = tail && tail.endMs > (epochs.at(-1)?.endMs ?? 0) ? [...epochs, tail] : epochs;
    snapshot = { events, epochs: withTail, horizonMs };
  }
  return snapshot;
}

/** Bumps whenever `readHistory` returned a new object. */
export function historyVersion(): number {
  return version;
}
