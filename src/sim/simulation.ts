import type { Fault, Scenario } from './scenario';
import type { Command, Epoch, FibChange, Figures, SimEvent, Snapshot } from './types';

/** What `act` did besides applying the command. */
export interface ActResult {
  /** How many of the user's own later actions a fork discarded (0 when not forking). */
  droppedActions: number;
}

/** One flow as the forwarding-table inspector draws it. */
export interface FlowSample {
  /** The flow's hash, scaled to [0, 1). */
  position: number;
  /** Node the router sends it to now, or null when there is no route. */
  nextHop: number | null;
  /** Its next hop changed at the last forwarding-table change. */
  moved: boolean;
}

/**
 * A running simulation of one scenario. Deterministic: the same scenario and the
 * same commands at the same simulated times give the same results.
 *
 * @example
 * const sim = createSimulation(parseScenario({ version: 1, nodes: 4 }));
 * sim.act({ type: 'fail-node', node: 4, kind: 'crash' });
 * sim.advanceTo(5_000);
 * sim.snapshot().fib; // [1, 2, 3]
 */
export interface Simulation {
  /** The scenario being run, including the faults added by `act`. */
  scenario(): Scenario;
  /** Current simulated time in ms. */
  now(): number;
  /** Run forward to `tMs` (clamped to the scenario's duration). */
  advanceTo(tMs: number): void;
  /** Time of the next control-plane event after now, or null when nothing is pending. */
  nextEventMs(): number | null;
  /**
   * Advance to the next moment at which something is logged.
   * @returns false when nothing more will happen before the scenario ends.
   */
  step(): boolean;
  /** Go to any moment, back or forward (restores the nearest checkpoint and replays). */
  seek(tMs: number): void;
  /**
   * Apply a command now. Acting at a moment earlier than the furthest one reached
   * forks history: the user's own actions after now (earlier `act` calls) are
   * discarded, the scenario's scripted faults are kept.
   */
  act(command: Command): ActResult;
  /** The faults added by `act` and still in force, in time order (the user's own actions). */
  userActions(): Fault[];
  snapshot(): Snapshot;
  figures(): Figures;
  /** The event log up to now. */
  events(): readonly SimEvent[];
  /** Every forwarding-table change up to now, starting with the initial one. */
  fibChanges(): readonly FibChange[];
  /** Closed data-plane epochs up to now, plus the open one cut at now. */
  epochs(): readonly Epoch[];
  /** Up to `limit` flows alive now, evenly chosen, ordered by hash. */
  flowSample(limit: number): FlowSample[];
  /** Furthest simulated time reached since the last fork. */
  horizonMs(): number;
}
