/**
 * A small chainable harness for testing the core, in two styles:
 *
 * - scripted: faults written into the scenario, then one run,
 *   `given({ nodes: 4 }).fail(4, 'crash').at(20_000).run(40_000).expectEcmpAt(20_800, [1, 2, 3])`
 * - live: commands given while time advances, as the UI gives them,
 *   `given({ nodes: 4 }).start().advance(20_000).fail(4).advance(800).expectEcmp([1, 2, 3])`
 *
 * It throws plain Errors with the event log excerpt that matters, so it needs no
 * test framework and stays inside the core's DOM-free build.
 */
import { createSimulation } from '../simulation';
import { parseScenario, type ScenarioInput } from '../scenario';
import type { Simulation } from '../simulation';
import type { FailureKind, FibChange, SimEvent, SimEventType } from '../types';

export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;
export type Setup = Omit<ScenarioInput, 'version' | 'faults'>;
type FaultInput = NonNullable<ScenarioInput['faults']>[number];

/** The ECMP set in the FIB at time `tMs` (changes at `tMs` count as done). */
export function ecmpAt(fibChanges: readonly FibChange[], tMs: number): number[] {
  let ecmp: number[] = [];
  for (const change of fibChanges) {
    if (change.tMs > tMs) break;
    ecmp = change.ecmp;
  }
  return ecmp;
}

/** Every event of one type, optionally filtered, in log order. */
export function eventsOf<T extends SimEventType>(
  events: readonly SimEvent[],
  type: T,
  where: (e: EventOf<T>) => boolean = () => true,
): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type && where(e as EventOf<T>));
}

/** The first event of a type at or after `afterMs` that matches `where`, or undefined. */
export function firstAfter<T extends SimEventType>(
  events: readonly SimEvent[],
  type: T,
  afterMs: number,
  where: (e: EventOf<T>) => boolean = () => true,
): EventOf<T> | undefined {
  return eventsOf(events, type, (e) => e.tMs >= afterMs && where(e))[0];
}

/** Like `firstAfter`, but throws when nothing matches. */
export function mustFind<T extends SimEventType>(
  events: readonly SimEvent[],
  type: T,
  afterMs: number,
  where: (e: EventOf<T>) => boolean = () => true,
): EventOf<T> {
  const found = firstAfter(events, type, afterMs, where);
  if (!found) {
    throw new Error(`no ${type} event at or after ${afterMs} ms matched\n${logText(events)}`);
  }
  return found;
}

/** FIB changes strictly after `fromMs` and at or before `toMs`. */
export function fibChangesBetween(
  fibChanges: readonly FibChange[],
  fromMs: number,
  toMs = Number.POSITIVE_INFINITY,
): FibChange[] {
  return fibChanges.filter((c) => c.tMs > fromMs && c.tMs <= toMs);
}

/** The event log as readable lines, for failure messages. */
export function logText(events: readonly SimEvent[], limit = 80): string {
  const lines = events.slice(-limit).map((e) => {
    const { tMs, type, ...rest } = e;
    return `${String(tMs).padStart(9)} ${type} ${JSON.stringify(rest)}`;
  });
  return lines.join('\n');
}

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Assertions and look-ups over a simulation, shared by both styles. */
export class Run {
  constructor(readonly sim: Simulation) {}

  get events(): readonly SimEvent[] {
    return this.sim.events();
  }

  get fibChanges(): readonly FibChange[] {
    return this.sim.fibChanges();
  }

  ecmpAt(tMs: number): number[] {
    return ecmpAt(this.fibChanges, tMs);
  }

  expectEcmpAt(tMs: number, expected: readonly number[]): this {
    const actual = this.ecmpAt(tMs);
    if (!same(actual, expected)) {
      const changes = this.fibChanges.map((c) => `${c.tMs}: [${c.ecmp.join(',')}]`).join('\n');
      throw new Error(
        `ECMP set at ${tMs} ms is [${actual.join(',')}], expected [${expected.join(',')}]\nFIB changes:\n${changes}`,
      );
    }
    return this;
  }

  first<T extends SimEventType>(
    type: T,
    afterMs = 0,
    where?: (e: EventOf<T>) => boolean,
  ): EventOf<T> {
    return mustFind(this.events, type, afterMs, where);
  }

  all<T extends SimEventType>(type: T, where?: (e: EventOf<T>) => boolean): EventOf<T>[] {
    return eventsOf(this.events, type, where);
  }

  /** FIB changes after `fromMs` (exclusive) up to `toMs` (inclusive). */
  fibBetween(fromMs: number, toMs = Number.POSITIVE_INFINITY): FibChange[] {
    return fibChangesBetween(this.fibChanges, fromMs, toMs);
  }
}

/** A simulation driven by commands at the current moment. */
export class Live extends Run {
  at(tMs: number): this {
    this.sim.advanceTo(tMs);
    return this;
  }

  advance(ms: number): this {
    this.sim.advanceTo(this.sim.now() + ms);
    return this;
  }

  fail(node: number, kind: FailureKind = 'crash'): this {
    this.sim.act({ type: 'fail-node', node, kind });
    return this;
  }

  recover(node: number): this {
    this.sim.act({ type: 'recover-node', node });
    return this;
  }

  expectEcmp(expected: readonly number[]): this {
    const actual = this.sim.snapshot().fib;
    if (!same(actual, expected)) {
      throw new Error(
        `FIB at ${this.sim.now()} ms is [${actual.join(',')}], expected [${expected.join(',')}]\n${logText(this.events, 30)}`,
      );
    }
    return this.expectEcmpAt(this.sim.now(), expected);
  }

  expectMetric(node: number, metric: number | null): this {
    const view = this.sim.snapshot().nodes[node - 1];
    if (view?.metric !== metric) {
      throw new Error(
        `node ${node} advertises ${view?.metric} at ${this.sim.now()} ms, expected ${metric}`,
      );
    }
    return this;
  }
}

/** A scenario under construction. */
export class Given {
  private readonly faults: FaultInput[] = [];

  constructor(private readonly setup: Setup) {}

  fail(node: number, kind: FailureKind = 'crash'): { at(tMs: number): Given } {
    return {
      at: (atMs) => {
        this.faults.push({ atMs, node, action: 'fail', kind });
        return this;
      },
    };
  }

  recover(node: number): { at(tMs: number): Given } {
    return {
      at: (atMs) => {
        this.faults.push({ atMs, node, action: 'recover' });
        return this;
      },
    };
  }

  input(): ScenarioInput {
    return { version: 1, ...structuredClone(this.setup), faults: [...this.faults] };
  }

  /** Simulate to `untilMs` (default: the scenario's end). */
  run(untilMs?: number): Run {
    const sim = createSimulation(parseScenario(this.input()));
    sim.advanceTo(untilMs ?? Number.POSITIVE_INFINITY);
    return new Run(sim);
  }

  /** A simulation at time 0 (with any scripted faults still to come), driven by commands. */
  start(): Live {
    return new Live(createSimulation(parseScenario(this.input())));
  }
}

export const given = (setup: Setup): Given => new Given(setup);

/** Run a scenario input to its end (or `untilMs`). */
export function run(input: ScenarioInput, untilMs?: number): Run {
  const sim = createSimulation(parseScenario(input));
  sim.advanceTo(untilMs ?? Number.POSITIVE_INFINITY);
  return new Run(sim);
}

/**
 * The seed for fast-check properties: `FC_SEED` from the environment when set
 * (to replay a failure), otherwise a fresh one each run, so that the suite
 * keeps exploring new cases. Tests put it in their names, and it is printed
 * once, so that a failing run says how to reproduce it.
 */
export const propertySeed: number = (() => {
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
    .FC_SEED;
  const fixed = env === undefined || env === '' ? Number.NaN : Number(env);
  if (Number.isInteger(fixed)) return fixed;
  const fresh = Math.floor(Math.random() * 2 ** 31);
  (globalThis as { console?: { info(text: string): void } }).console?.info(
    `property tests: FC_SEED=${fresh}`,
  );
  return fresh;
})();

/** `FC_RUNS_SCALE=10` multiplies every property's number of runs (for a longer soak). */
export function propertyRuns(numRuns: number): number {
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
    .FC_RUNS_SCALE;
  const scale = Number(env);
  return Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(numRuns * scale)) : numRuns;
}
