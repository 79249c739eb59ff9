/**
 * What the scoreboard shows for one run, read from its simulation at now:
 * the figures, and for the latest failure, when the dead node left the
 * forwarding table and how often the table changed since.
 */
import type { FailureKind, Figures, Simulation, Strategy } from '../../sim';

export interface Failure {
  node: number;
  kind: FailureKind;
  atMs: number;
}

export interface RunFacts {
  strategy: Strategy;
  packetsLost: number;
  flowsBroken: number;
  blackholeMs: number;
  /** The latest failure up to now (the same in every run), or null before any. */
  failure: Failure | null;
  /** How long after `failure` its node left the forwarding table; null while it is still in. */
  leftAfterMs: number | null;
  /** Forwarding-table changes since `failure` (0 without one). */
  fibChanges: number;
  /** The node is down now (not recovered since the failure). */
  stillDown: boolean;
  /** After leaving, the dead node came back into the forwarding table while still down, this long after the failure; else null. */
  reenteredAfterMs: number | null;
}

/** The latest `node-fail` in the log up to now, and when its node recovered since (null: not yet); null before any. */
export function latestFailure(
  sim: Simulation,
): (Failure & { recoveredAtMs: number | null }) | null {
  const events = sim.events();
  const recovered = new Map<number, number>();
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'node-recover') recovered.set(e.node, e.tMs);
    if (e.type === 'node-fail') {
      return {
        node: e.node,
        kind: e.kind,
        atMs: e.tMs,
        recoveredAtMs: recovered.get(e.node) ?? null,
      };
    }
  }
  return null;
}

export function runFacts(
  sim: Simulation,
  strategy: Strategy,
  figures: Figures = sim.figures(),
): RunFacts {
  const latest = latestFailure(sim);
  const failure = latest && { node: latest.node, kind: latest.kind, atMs: latest.atMs };
  const base = {
    strategy,
    packetsLost: figures.packetsLost,
    flowsBroken: figures.flowsBroken,
    blackholeMs: figures.blackholeMs,
    failure,
  };
  if (!failure) {
    return { ...base, leftAfterMs: null, fibChanges: 0, stillDown: false, reenteredAfterMs: null };
  }
  const changes = sim.fibChanges();
  let first = changes.length;
  while (first > 0 && changes[first - 1]!.tMs >= failure.atMs) first--;
  const since = changes.slice(first);
  // In the table when it failed (the last change before it), and out after it.
  const before = changes[first - 1];
  const inAtFailure = before ? before.ecmp.includes(failure.node) : false;
  const left = inAtFailure ? since.find((c) => !c.ecmp.includes(failure.node)) : undefined;
  const leftAfterMs = inAtFailure ? (left ? left.tMs - failure.atMs : null) : 0;
  const recoveredAtMs = latest!.recoveredAtMs;
  const back = left
    ? since.find(
        (c) =>
          c.tMs > left.tMs &&
          c.ecmp.includes(failure.node) &&
          (recoveredAtMs === null || c.tMs < recoveredAtMs),
      )
    : undefined;
  return {
    ...base,
    leftAfterMs,
    fibChanges: since.length,
    stillDown: recoveredAtMs === null,
    reenteredAfterMs: back ? back.tMs - failure.atMs : null,
  };
}
