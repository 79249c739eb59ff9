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
      advance(ms);
      await painted();
    },
    async seek(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`seek: ${ms} is not a time in ms ≥ 0`);
      requireSim();
      seek(ms);
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
    figures: () => requireSim().figures(),
    now: () => requireSim().now(),
  };
}
