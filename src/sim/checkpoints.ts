/**
 * Checkpoints for seeking: the state at regular moments, as structured clones.
 * Per-flow state is stored sparsely (only flows broken in their current
 * generation), so an hour of 100,000 flows keeps a few megabytes of history.
 */
import type { Ctx } from './context';
import type { Logs } from './engine';
import type { State } from './state';
import { type Flows, generationAt } from './traffic';

interface Checkpoint {
  tMs: number;
  state: State;
  brokenSlots: Int32Array;
  events: number;
  fibChanges: number;
  epochs: number;
}

export interface Checkpoints {
  /** Take every checkpoint due at or before `tMs` (call before running items due then). */
  takeUpTo(tMs: number): void;
  /** Restore the latest checkpoint at or before `tMs`. */
  restore(tMs: number): void;
  /** Forget checkpoints after `tMs` (history forked there). */
  dropAfter(tMs: number): void;
}

export function checkpointIntervalMs(durationMs: number): number {
  return Math.min(Math.max(durationMs / 256, 500), 30_000);
}

export function createCheckpoints(
  ctx: Ctx,
  logs: Logs,
  durationMs: number,
  flows: Flows,
): Checkpoints {
  const intervalMs = checkpointIntervalMs(durationMs);
  const list: Checkpoint[] = [];
  let nextMs = 0;

  function take(tMs: number): void {
    const st = ctx.st;
    st.nowMs = tMs;
    const brokenGen = st.traffic.brokenGen;
    const broken: number[] = [];
    for (let i = 0; i < brokenGen.length; i++) {
      if (brokenGen[i] !== -1 && brokenGen[i] === generationAt(flows, i, tMs)) broken.push(i);
    }
    st.traffic.brokenGen = new Int32Array(0);
    const state = structuredClone(st);
    st.traffic.brokenGen = brokenGen;
    list.push({
      tMs,
      state,
      brokenSlots: Int32Array.from(broken),
      events: logs.events.length,
      fibChanges: logs.fibChanges.length,
      epochs: logs.epochs.length,
    });
  }

  return {
    takeUpTo(tMs) {
      while (nextMs <= tMs && nextMs <= durationMs) {
        take(nextMs);
        nextMs += intervalMs;
      }
    },
    restore(tMs) {
      let cp = list[0]!;
      for (const c of list) {
        if (c.tMs <= tMs) cp = c;
        else break;
      }
      const state = structuredClone(cp.state);
      const brokenGen = new Int32Array(flows.count).fill(-1);
      for (const i of cp.brokenSlots) brokenGen[i] = generationAt(flows, i, cp.tMs);
      state.traffic.brokenGen = brokenGen;
      ctx.st = state;
      logs.events.length = cp.events;
      logs.fibChanges.length = cp.fibChanges;
      logs.epochs.length = cp.epochs;
      nextMs = cp.tMs + intervalMs;
    },
    dropAfter(tMs) {
      while (list.length > 1 && list[list.length - 1]!.tMs > tMs) list.pop();
      nextMs = list[list.length - 1]!.tMs + intervalMs;
    },
  };
}
