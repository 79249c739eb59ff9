/**
 * Time control over the engine: run forward, seek, step, act (forking history
 * when acting in the past), and the history known up to the horizon, which
 * the timeline, the charts and the event log draw beyond now.
 */
import type { Engine } from './engine';
import { type Fault, MAX_FAULTS } from './scenario';
import { workloadProblem } from './workload';
import type { ActResult, Command, Epoch, History } from './types';

export interface TimeControl {
  advanceTo(tMs: number): void;
  seek(tMs: number): void;
  step(): boolean;
  act(command: Command): ActResult;
  userActions(): Fault[];
  nextEventMs(): number | null;
  horizonMs(): number;
  history(): History;
}

export function createTimeControl(engine: Engine): TimeControl {
  const { ctx, logs, checkpoints } = engine;
  const durationMs = ctx.sc.durationMs;
  let horizonMs = 0;
  // The open epoch as it was at the horizon: the engine forgets it on seeking back.
  let tail: Epoch | null = null;
  let known: History = { events: [], epochs: [], horizonMs: 0 };
  let historyKey = '';

  const atFrontier = () => ctx.st.nowMs >= horizonMs;

  function advanceTo(tMs: number): void {
    engine.advanceTo(tMs);
    if (ctx.st.nowMs > horizonMs) {
      horizonMs = ctx.st.nowMs;
      tail = null;
    }
  }

  function seek(tMs: number): void {
    const target = Math.min(Math.max(tMs, 0), durationMs);
    // Replay from the nearest checkpoint unless running on from now is shorter.
    if (target < ctx.st.nowMs || checkpoints.latestAtOrBefore(target) > ctx.st.nowMs) {
      // Leaving the frontier: keep what is known there (closed epochs
      // accounted into the log, the open one as it stands).
      if (atFrontier()) tail = engine.openEpoch();
      checkpoints.restore(target);
    }
    advanceTo(target);
  }

  function history(): History {
    const open = atFrontier() ? engine.openEpoch() : tail;
    const key = `${logs.events.kept}/${logs.epochs.kept}/${horizonMs}/${open?.endMs}/${open?.startMs}`;
    if (key === historyKey) return known;
    historyKey = key;
    const closed = logs.epochs.known();
    const last = closed.at(-1)?.endMs ?? 0;
    known = {
      events: logs.events.known(),
      epochs: open && open.endMs > last ? [...closed, open] : closed,
      horizonMs,
    };
    return known;
  }

  return {
    advanceTo,
    seek,
    history,
    horizonMs: () => horizonMs,
    nextEventMs() {
      const due = engine.nextDueMs();
      return Number.isFinite(due) && due <= durationMs ? due : null;
    },
    step() {
      const before = logs.events.length;
      for (;;) {
        const due = engine.nextDueMs();
        if (!Number.isFinite(due) || due > durationMs) return false;
        advanceTo(due);
        if (logs.events.length > before) return true;
      }
    },
    act(command) {
      if (!Number.isInteger(command.node) || command.node < 1 || command.node > ctx.sc.nodes) {
        throw new RangeError(`node ${command.node} does not exist; nodes are 1 to ${ctx.sc.nodes}`);
      }
      if (ctx.sc.faults.length >= MAX_FAULTS) {
        throw new RangeError(
          `this run already holds ${MAX_FAULTS} faults, the most a scenario may hold (so that its export loads again); reset or load a scenario to act again`,
        );
      }
      // Likewise for the size a scenario may reach: one fault more must still load.
      const tooLarge = workloadProblem(ctx.sc, 1);
      if (tooLarge !== null) {
        throw new RangeError(
          `one more fault would make this run too large to load again (${tooLarge}); reset or load a scenario to act again`,
        );
      }
      const now = ctx.st.nowMs;
      let droppedActions = 0;
      if (now < horizonMs) {
        droppedActions = engine.dropUserFaultsAfter(now);
        checkpoints.dropAfter(now);
        logs.events.dropHidden();
        logs.fibChanges.dropHidden();
        logs.epochs.dropHidden();
        horizonMs = now;
        tail = null;
      }
      engine.insertFault(command);
      return { droppedActions };
    },
    userActions: engine.userFaults,
  };
}
