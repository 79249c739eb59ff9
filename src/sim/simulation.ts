/**
 * The Simulation object: the engine, time control over it and its views.
 */
import { createEngine } from './engine';
import { createViews } from './queries';
import type { Fault, Scenario } from './scenario';
import { createTimeControl } from './timecontrol';
import type {
  ActResult,
  Command,
  Epoch,
  FibChange,
  Figures,
  FlowSample,
  History,
  SimEvent,
  Snapshot,
} from './types';

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
  /**
   * What is known up to the horizon, beyond now after seeking back: the same
   * object until something in it changes (its arrays grow in place, so key
   * memos on the object).
   */
  history(): History;
}

/**
 * Create a simulation of a validated scenario (see `parseScenario`).
 * @example
 * const sim = createSimulation(parseScenario({ version: 1, nodes: 4 }));
 * sim.advanceTo(10_000);
 * sim.figures().packetsLost; // 0
 */
export function createSimulation(scenario: Scenario): Simulation {
  const engine = createEngine(scenario);
  const time = createTimeControl(engine);
  const views = createViews(engine);
  const { ctx, logs } = engine;
  return {
    scenario: () => structuredClone(ctx.sc),
    now: () => ctx.st.nowMs,
    advanceTo: time.advanceTo,
    nextEventMs: time.nextEventMs,
    step: time.step,
    seek: time.seek,
    act: time.act,
    userActions: time.userActions,
    snapshot: views.snapshot,
    figures: views.figures,
    events: () => logs.events.view(),
    fibChanges: () => logs.fibChanges.view(),
    epochs: views.epochs,
    flowSample: views.flowSample,
    horizonMs: time.horizonMs,
    history: time.history,
  };
}
