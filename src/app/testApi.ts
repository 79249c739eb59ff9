/**
 * `window.ecmp`: the automation API that Playwright walkthroughs drive, present
 * in every build (a public interface, see INTERFACES.md). Methods act exactly
 * as the UI does; `advance` resolves once the screen shows the result.
 */
import type { FailureKind, Figures, Scenario } from '../sim';
import { advance, appStore, failNode, getSim, pause, play, recoverNode, seek } from '../store';
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
  };
}
