/**
 * `Ecmp`: the automation API `window.ecmp` driven from a Playwright test or
 * script, one awaited call per member. Every call runs in the page and resolves
 * once the screen shows its result, so nothing needs to sleep.
 *
 * To use it in another project, copy `e2e/support/` and replace the `EcmpApi`
 * import below with the table in the README ("Automation API").
 */
import { expect, type Page } from '@playwright/test';
import type { EcmpApi } from '../../src/app/testApi';

type Api = EcmpApi;
/** The figures of one run (what `figures()` returns in the normal view). */
export type Figures = Exclude<ReturnType<Api['figures']>, readonly unknown[]>;
/** One run's figures in the side-by-side view, tagged with its strategy. */
export type RunFigures = Extract<ReturnType<Api['figures']>, readonly unknown[]>[number];
export type Scenario = ReturnType<Api['scenario']>;
export type SimEvent = ReturnType<Api['events']>[number];
export type FailureKind = NonNullable<Parameters<Api['fail']>[1]>;

export interface WaitForOptions {
  /** Only an event about this node. */
  node?: number;
  /** Give up after this much simulated time (default: the scenario's end). */
  withinMs?: number;
}

export class Ecmp {
  constructor(readonly page: Page) {}

  /** Open the app at `query` (relative to the base URL) and wait until `window.ecmp` is installed. */
  async open(query = '?preset=basic&paused=1'): Promise<void> {
    await this.page.goto(`./${query}`);
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-ready', '1');
  }

  pause = () => this.page.evaluate(() => window.ecmp.pause());
  play = () => this.page.evaluate(() => window.ecmp.play());
  advance = (ms: number) => this.page.evaluate((t) => window.ecmp.advance(t), ms);
  seek = (ms: number) => this.page.evaluate((t) => window.ecmp.seek(t), ms);
  fail = (node: number, kind?: FailureKind) =>
    this.page.evaluate(([n, k]) => window.ecmp.fail(n, k), [node, kind] as const);
  recover = (node: number) => this.page.evaluate((n) => window.ecmp.recover(n), node);
  load = (scenario: unknown): Promise<Scenario> =>
    this.page.evaluate((s) => window.ecmp.load(s), scenario);
  scenario = (): Promise<Scenario> => this.page.evaluate(() => window.ecmp.scenario());
  figures = (): Promise<Figures> => this.page.evaluate(() => window.ecmp.figures() as Figures);
  /** In the side-by-side view: one entry per run, in the order shown. */
  runFigures = (): Promise<RunFigures[]> =>
    this.page.evaluate(() => {
      const figures = window.ecmp.figures();
      if (!Array.isArray(figures)) throw new Error('figures(): not the side-by-side view');
      return figures;
    });
  now = (): Promise<number> => this.page.evaluate(() => window.ecmp.now());
  step = (): Promise<boolean> => this.page.evaluate(() => window.ecmp.step());
  events = (): Promise<SimEvent[]> => this.page.evaluate(() => [...window.ecmp.events()]);
  speed = (speed?: number): Promise<number> =>
    this.page.evaluate((s) => window.ecmp.speed(s), speed);
  caption = (text: string | null) => this.page.evaluate((t) => window.ecmp.caption(t), text);

  /**
   * Run the paused clock event by event to the next event of `type` (optionally
   * about one node, within a time limit) and return it, or null when none comes.
   */
  waitFor = (type: SimEvent['type'], options: WaitForOptions = {}): Promise<SimEvent | null> =>
    this.page.evaluate(([t, o]) => window.ecmp.waitFor(t, o), [type, options] as const);
}
