/**
 * `window.ecmp`: the automation API that Playwright walkthroughs drive, present
 * in every build (a public interface, see INTERFACES.md). Methods act exactly
 * as the UI does; `advance` resolves once the screen shows the result.
 */
import type { FailureKind, Figures, Scenario, SimEvent } from '../sim';
import {
  advance,
  appStore,
  failNode,
  getSim,
  pause,
  play,
  recoverNode,
  seek,
  setSpeed,
  stepToNextEvent,
  syncFromSim,
} from '../store';
import { setCaption } from './caption';
import { nextFrame } from './clock';

export interface EcmpApi {
  pause(): void;
  play(): void;
  advance(ms: number): Promise<void>;
  seek(ms: number): Promise<void>;
  fail(node: number, kind?: FailureKind): Promise<void>;
  recover(node: number): Promise<void>;
  load(scenario: unknown): Promise<Scenario>;
  scenario(): Scenario;
  figures(): Figures;
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
  const count = requireSim().scenario().nodes;
  if (!Number.isInteger(node) || node < 1 || node > count) {
    throw new Error(`node ${node} does not exist; this scenario has nodes 1 to ${count}`);
  }
}

/** Two frames: the store update is rendered by React, then painted. */
async function painted(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

export function installTestApi(load: (input: unknown) => Scenario): void {
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
      const loaded = load(scenario);
      await painted();
      return loaded;
    },
    scenario: () => requireSim().scenario(),
    figures: () => requireSim().figures(),
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
        sim.scenario().durationMs,
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
