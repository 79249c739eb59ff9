/**
 * Checkpoints for seeking: the state at up to 64 regular moments, as the
 * engine saves it (`hooks.save`), with the logs' lengths at that moment.
 */
import type { Ctx } from './context';
import type { Logs } from './log';

interface Checkpoint<S> {
  tMs: number;
  saved: S;
  events: number;
  fibChanges: number;
  epochs: number;
}

export interface Checkpoints {
  /** Take every checkpoint due at or before `tMs` (call before running items due then). */
  takeUpTo(tMs: number): void;
  /** Time of the latest checkpoint at or before `tMs`. */
  latestAtOrBefore(tMs: number): number;
  /** Restore the latest checkpoint at or before `tMs`. */
  restore(tMs: number): void;
  /** Forget checkpoints after `tMs` (history forked there). */
  dropAfter(tMs: number): void;
}

export function checkpointIntervalMs(durationMs: number): number {
  return Math.max(durationMs / 64, 500);
}

export function createCheckpoints<S>(
  ctx: Ctx,
  logs: Logs,
  durationMs: number,
  hooks: { save(): S; load(saved: S): void },
): Checkpoints {
  const intervalMs = checkpointIntervalMs(durationMs);
  const list: Checkpoint<S>[] = [];
  let nextMs = 0;

  function take(tMs: number): void {
    // Replaying after a rewind passes moments already checkpointed. Those are
    // kept (the list holds every moment from 0 up to its last, all of the
    // current history, since a fork drops the later ones): appending again
    // would unsort the list, and a later fork would then leave checkpoints of
    // the abandoned future behind for seeks to restore.
    if (list.length > 0 && list[list.length - 1]!.tMs >= tMs) return;
    ctx.st.nowMs = tMs;
    list.push({
      tMs,
      saved: hooks.save(),
      events: logs.events.length,
      fibChanges: logs.fibChanges.length,
      epochs: logs.epochs.length,
    });
  }

  // The logs live outside the checkpoints, which keep only their lengths: a
  // checkpoint is usable only while the logs still hold its entries (a fork
  // drops the entries after it, and `dropAfter` the checkpoints with them).
  const logsReach = (c: Checkpoint<S>) =>
    c.events <= logs.events.kept &&
    c.fibChanges <= logs.fibChanges.kept &&
    c.epochs <= logs.epochs.kept;
  const latest = (tMs: number): Checkpoint<S> => {
    let cp = list[0]!;
    for (const c of list) {
      if (c.tMs > tMs) break;
      if (logsReach(c)) cp = c;
    }
    return cp;
  };

  return {
    latestAtOrBefore: (tMs) => latest(tMs).tMs,
    takeUpTo(tMs) {
      while (nextMs <= tMs && nextMs <= durationMs) {
        take(nextMs);
        nextMs += intervalMs;
      }
    },
    restore(tMs) {
      const cp = latest(tMs);
      hooks.load(cp.saved);
      logs.events.rewind(cp.events);
      logs.fibChanges.rewind(cp.fibChanges);
      logs.epochs.rewind(cp.epochs);
      nextMs = cp.tMs + intervalMs;
    },
    dropAfter(tMs) {
      while (list.length > 1 && list[list.length - 1]!.tMs > tMs) list.pop();
      nextMs = list[list.length - 1]!.tMs + intervalMs;
    },
  };
}
