/**
 * What each walkthrough step does to the page, through `window.ecmp`, the URL
 * and the controls' accessible names, exactly as a person or a test would.
 * A problem the script causes (a node that does not exist, a lesson that does
 * not open) is thrown as a `StepProblem`; the runner names the step.
 */
import type { Page } from '@playwright/test';
import type { Ecmp, SimEvent } from '../e2e/support/ecmp';
import type { RouterPanel, Stage } from '../e2e/support/pages';
import { type HighlightTarget, placeHighlight } from './highlight';
import type { Cue } from './outputs';
import type { Step, StepOf } from './script';

/** A problem with the script itself (exit code 2), found while playing it. */
export class StepProblem extends Error {}

export interface Player {
  page: Page;
  ecmp: Ecmp;
  stage: Stage;
  routerPanel: RouterPanel;
  baseUrl: string;
  /** Recording a video: holds and play steps take wall time. */
  video: boolean;
  /** Wall ms since the video started. */
  wallMs(): number;
  present: boolean;
  speed: number;
  caption: { text: string; startMs: number } | null;
  highlight: HighlightTarget | null;
  cues: Cue[];
  shoot(name: string): Promise<void>;
}

const DEFAULT_CAPTION_HOLD_MS = 2000;

/** Run a `window.ecmp` call; what it rejects (a bad node, a bad scenario) is the script's problem. */
async function api<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new StepProblem(pageMessage(error));
  }
}

/** The first line of an error thrown in the page, without Playwright's prefixes. */
export function pageMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0] ?? text;
  return line.replace(/^[\w.]+: /, '').replace(/^(Scenario)?Error: /, '');
}

/** Resolves after two animation frames: the last change is rendered and painted. */
export function painted(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

async function checkNode(p: Player, node: number): Promise<void> {
  const { nodes } = await p.ecmp.scenario();
  if (node > nodes) {
    throw new StepProblem(`node ${node} does not exist; this scenario has nodes 1 to ${nodes}`);
  }
}

async function setCaption(p: Player, step: StepOf<'caption'>): Promise<void> {
  await api(() => p.ecmp.caption(step.caption));
  const nowMs = p.wallMs();
  if (p.caption) p.cues.push({ ...p.caption, endMs: nowMs });
  p.caption = step.caption?.trim() ? { text: step.caption, startMs: nowMs } : null;
  if (p.video && p.caption) {
    await p.page.waitForTimeout(step.holdMs ?? DEFAULT_CAPTION_HOLD_MS);
  }
}

async function openLesson(p: Player, step: StepOf<'lesson'>): Promise<void> {
  const query = new URLSearchParams({ lesson: step.lesson, step: String(step.step), paused: '1' });
  if (p.present) query.set('present', '1');
  await p.page.goto(`${p.baseUrl}?${query}`);
  await p.ecmp.ready();
  await p.page.waitForLoadState('networkidle');
  const lesson = p.page.getByRole('region', { name: 'Lesson' });
  try {
    await lesson.waitFor({ state: 'visible', timeout: 5000 });
  } catch {
    const alert = p.page.getByRole('alert');
    const why = (await alert.count()) > 0 ? `: ${(await alert.first().textContent())?.trim()}` : '';
    throw new StepProblem(`lesson "${step.lesson}" step ${step.step} did not open${why}`);
  }
  // A reload clears the page's caption; show the current one again.
  if (p.caption) await p.ecmp.caption(p.caption.text);
}

async function setPresent(p: Player, on: boolean): Promise<void> {
  const button = p.page.getByRole('button', { name: 'Presenter mode' });
  if ((await button.count()) === 0) {
    throw new StepProblem('this build of the app has no "Presenter mode" button');
  }
  const pressed = await button.first().getAttribute('aria-pressed');
  const isOn = pressed === null ? p.present : pressed === 'true';
  if (isOn !== on) await button.first().click();
  p.present = on;
}

async function play(p: Player, step: StepOf<'play'>): Promise<void> {
  const startMs = await p.ecmp.now();
  const { durationMs } = await p.ecmp.scenario();
  const endMs = Math.min(durationMs, startMs + step.play);
  const speed = step.speed ?? p.speed;
  if (p.video && endMs > startMs) {
    // Packets move only while playing for the video; shots are taken with reduced motion.
    await p.page.emulateMedia({ reducedMotion: 'no-preference' });
    await p.ecmp.speed(speed);
    // Paced here rather than by the app's clock, which could run past the end:
    // acting after a step back in time forks history, which a script must not do by accident.
    await p.page.evaluate(
      async ({ endMs, speed }) => {
        const api = window.ecmp;
        const t0 = api.now();
        const wall0 = performance.now();
        while (api.now() < endMs) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const target = Math.min(endMs, t0 + (performance.now() - wall0) * speed);
          if (target > api.now()) await api.advance(target - api.now());
        }
      },
      { endMs, speed },
    );
    await p.ecmp.speed(p.speed);
    await p.page.emulateMedia({ reducedMotion: 'reduce' });
  } else {
    await p.ecmp.advance(endMs - startMs);
  }
}

async function waitFor(p: Player, step: StepOf<'wait-for'>): Promise<void> {
  if (step.node !== undefined) await checkNode(p, step.node);
  const options = {
    ...(step.node === undefined ? {} : { node: step.node }),
    ...(step.withinMs === undefined ? {} : { withinMs: step.withinMs }),
  };
  const event = await api(() => p.ecmp.waitFor(step['wait-for'] as SimEvent['type'], options));
  if (event === null) {
    const about = step.node === undefined ? '' : ` about node ${step.node}`;
    const within =
      step.withinMs === undefined ? 'before the scenario ends' : `within ${step.withinMs} ms`;
    throw new StepProblem(`no "${step['wait-for']}" event${about} ${within}`);
  }
}

/** Carry out one step. */
export async function runStep(p: Player, step: Step): Promise<void> {
  switch (step.action) {
    case 'load':
      return void (await api(() => p.ecmp.load(step.load)));
    case 'strategy':
      await p.page.getByRole('combobox', { name: 'Strategy' }).selectOption(step.strategy);
      await p.page.waitForFunction((s) => window.ecmp.scenario().strategy === s, step.strategy);
      return painted(p.page);
    case 'advance':
      return api(() => p.ecmp.advance(step.advance));
    case 'seek':
      return api(() => p.ecmp.seek(step.seek));
    case 'fail':
      await checkNode(p, step.fail);
      return api(() => p.ecmp.fail(step.fail, step.kind));
    case 'recover':
      await checkNode(p, step.recover);
      return api(() => p.ecmp.recover(step.recover));
    case 'caption':
      return setCaption(p, step);
    case 'shot':
      return p.shoot(step.shot);
    case 'lesson':
      return openLesson(p, step);
    case 'present':
      return setPresent(p, step.present);
    case 'select':
      if (step.select !== 'router') await checkNode(p, step.select);
      await p.routerPanel.inspect(step.select);
      return painted(p.page);
    case 'theme':
      await p.page.emulateMedia({ colorScheme: step.theme });
      return painted(p.page);
    case 'speed':
      p.speed = step.speed;
      return void (await p.ecmp.speed(step.speed));
    case 'wait-for':
      return waitFor(p, step);
    case 'highlight':
      if (typeof step.highlight === 'number') await checkNode(p, step.highlight);
      p.highlight = step.highlight;
      if (!(await placeHighlight(p.page, p.stage, p.routerPanel, p.highlight))) {
        const hint = typeof step.highlight === 'object' ? ' (is the router inspected?)' : '';
        throw new StepProblem(
          `nothing to highlight: ${describeTarget(step.highlight)} is not on screen now${hint}`,
        );
      }
      return;
    case 'play':
      return play(p, step);
    case 'hold':
      if (p.video) await p.page.waitForTimeout(step.hold);
      return;
  }
}

function describeTarget(target: HighlightTarget | null): string {
  if (target === null) return 'nothing';
  if (target === 'router') return 'the router';
  if (typeof target === 'number') return `node ${target}`;
  return `the ${target.table}'s row for node ${target.row}`;
}

/** A short description of a step for the progress line. */
export function describeStep(step: Step): string {
  switch (step.action) {
    case 'load':
      return typeof step.load === 'string' ? `load preset ${step.load}` : 'load a scenario';
    case 'fail':
      return `fail node ${step.fail}${step.kind ? ` (${step.kind})` : ''}`;
    case 'recover':
      return `recover node ${step.recover}`;
    case 'caption':
      return step.caption?.trim() ? `caption "${step.caption}"` : 'caption cleared';
    case 'lesson':
      return `lesson ${step.lesson}, step ${step.step}`;
    case 'highlight':
      return `highlight ${describeTarget(step.highlight)}`;
    case 'play':
      return `play ${step.play} ms${step.speed ? ` at ${step.speed}×` : ''}`;
    case 'wait-for':
      return `wait for ${step['wait-for']}${step.node ? ` (node ${step.node})` : ''}`;
    default: {
      const value = (step as Record<string, unknown>)[step.action];
      return `${step.action} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
    }
  }
}
