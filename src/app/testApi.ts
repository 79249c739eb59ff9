/**
 * `window.ecmp`: the automation API that Playwright walkthroughs drive, present
 * in every build (a public interface, see INTERFACES.md). Methods act exactly
 * as the UI does; `advance` resolves once the screen shows the result.
 */
import type { FailureKind, Figures, Scenario, SimEvent } from '../sim';
import type { RunFigures } from '../store';
import {
  advance,
  appStore,
  compareFigures,
  comparing,
  failNode,
  getSim,
  loadedScenario,
  pause,
  play,
  recoverNode,
  seek,
  setSpeed,
  stepToNextEvent,
  syncFromSim,
} from '../store';
import { setCaption } from './caption';

export interface EcmpApi {
  pause(): void;
  play(): void;
  advance(ms: number): Promise<void>;
  seek(ms: number): Promise<void>;
  fail(node: number, kind?: FailureKind): Promise<void>;
  recover(node: number): Promise<void>;
  load(scenario: unknown): Promise<Scenario>;
  scenario(): Scenario;
  /** The figures; in the side-by-side view an array, one entry per run in the order shown, each tagged with its strategy. */
  figures(): Figures | RunFigures[];
  now(): number;
  /** Pause and run to the next logged event, as the Step button does; false when nothing more happens. */
  step(): Promise<boolean>;
  /**
   * Pause and run forward event by event to the next event of `type` (about
   * `node`, if given; within `withinMs` of now, if given). Resolves with the
   * event, once the screen shows it, or null when none comes.
   */
  waitFor(
    type: SimEvent['type'],
    options?: { node?: number; withinMs?: number },
  ): Promise<SimEvent | null>;
  /** The event log up to now, as in the CLI's `events`. */
  events(): readonly SimEvent[];
  /** Set the clock's speed (simulated ms per wall ms, clamped to the slider's range); returns it. */
  speed(speed?: number): number;
  /** Show a caption over the page (for recorded walkthroughs); null or '' hides it. */
  caption(text: string | null): Promise<void>;
}

declare global {
  interface Window {
    ecmp: EcmpApi;
  }
}

const KINDS: readonly FailureKind[] = ['crash', 'link', 'carrier', 'unhealthy'];

function requireSim() {
  const sim = getSim();
  if (!sim) throw new Error('no scenario is loaded yet');
  return sim;
}

function checkNode(node: number): void {
  const count = loadedScenario(requireSim()).nodes;
  if (!Number.isInteger(node) || node < 1 || node > count) {
    throw new Error(`node ${node} does not exist; this scenario has nodes 1 to ${count}`);
  }
}

// Deeper than any field of a scenario: below this the schema names the field anyway.
const CHECK_DEPTH = 6;

/**
 * What makes `value` something other than JSON data (a function, a BigInt, a
 * symbol, a cycle, a Map or Date…), by path; null when it is plain data.
 * The schema would name most of these too, but as a type it did not expect.
 */
export function notJson(value: unknown, path = 'scenario', seen: object[] = []): string | null {
  switch (typeof value) {
    case 'function':
      return `${path} is a function`;
    case 'bigint':
      return `${path} is a BigInt (${value}n), not a JSON number`;
    case 'symbol':
      return `${path} is a symbol`;
    case 'object':
      break;
    default:
      return null;
  }
  if (value === null || seen.length >= CHECK_DEPTH) return null;
  if (seen.includes(value)) return `${path} refers back to an object that holds it (a cycle)`;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return `${path} is a ${proto?.constructor?.name ?? 'non-plain'} object, not plain data`;
  }
  const inner = [...seen, value];
  for (const [key, child] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    const problem = notJson(child, at, inner);
    if (problem) return problem;
  }
  return null;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `a BigInt (${value}n)`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return `the ${typeof value} ${String(value)}`;
}

/**
 * Install `window.ecmp`. `nextFrame` resolves after the clock's next painted
 * frame; it is passed in, not imported, so this module (loaded after the first
 * paint) shares no code with the clock's chunk.
 */
export function installTestApi(
  load: (input: unknown) => Scenario,
  nextFrame: () => Promise<void>,
): void {
  /** Two frames: the store update is rendered by React, then painted. */
  const painted = async () => {
    await nextFrame();
    await nextFrame();
  };
  window.ecmp = {
    pause,
    play,
    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new Error(`advance: ${ms} is not a duration in ms ≥ 0`);
      requireSim();
      await advance(ms);
      await painted();
    },
    async seek(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`seek: ${ms} is not a time in ms ≥ 0`);
      requireSim();
      await seek(ms);
      await painted();
    },
    async fail(node, kind) {
      checkNode(node);
      if (kind !== undefined && !KINDS.includes(kind)) {
        throw new Error(`kind: "${kind}" is not one of ${KINDS.join(', ')}`);
      }
      failNode(node, kind ?? appStore.getState().failureKind);
      await painted();
    },
    async recover(node) {
      checkNode(node);
      recoverNode(node);
      await painted();
    },
    async load(scenario) {
      if (typeof scenario !== 'string' && (scenario === null || typeof scenario !== 'object')) {
        throw new Error(`load: got ${kindOf(scenario)}; give a scenario object or a preset name`);
      }
      let problem: string | null;
      try {
        problem = notJson(scenario);
      } catch (error) {
        problem = `scenario cannot be read (${(error as Error).message})`;
      }
      if (problem) throw new Error(`load: ${problem}; a scenario holds only JSON data`);
      const loaded = load(scenario);
      await painted();
      return loaded;
    },
    scenario: () => requireSim().scenario(),
    figures: () => (comparing() ? compareFigures() : requireSim().figures()),
    now: () => requireSim().now(),
    async step() {
      const before = requireSim().now();
      const count = requireSim().events().length;
      stepToNextEvent();
      await painted();
      return requireSim().now() > before || requireSim().events().length > count;
    },
    async waitFor(type, { node, withinMs } = {}) {
      const sim = requireSim();
      const endMs = Math.min(
        loadedScenario(sim).durationMs,
        sim.now() + (withinMs ?? Number.POSITIVE_INFINITY),
      );
      pause();
      let seen = sim.events().length;
      let found: SimEvent | null = null;
      // Run the core from due moment to due moment (as its step does) and show
      // only the result: one paint, not one per event. None found: stop at the limit.
      while (found === null) {
        const dueMs = sim.nextEventMs();
        if (dueMs === null || dueMs > endMs) {
          sim.advanceTo(endMs);
          break;
        }
        sim.advanceTo(dueMs);
        const events = sim.events();
        const fits = (e: SimEvent) =>
          e.type === type && (node === undefined || ('node' in e && e.node === node));
        found = events.slice(seen).find(fits) ?? null;
        seen = events.length;
      }
      syncFromSim();
      await painted();
      return found;
    },
    events: () => requireSim().events(),
    speed(speed) {
      if (speed !== undefined) {
        if (!Number.isFinite(speed) || speed <= 0)
          throw new Error(`speed: ${speed} is not a speed > 0`);
        setSpeed(speed);
      }
      return appStore.getState().speed;
    },
    async caption(text) {
      if (text !== null && typeof text !== 'string')
        throw new Error('caption: expected text or null');
      setCaption(text);
      await painted();
    },
  };
}
