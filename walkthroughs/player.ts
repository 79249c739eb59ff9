/**
 * Plays a walkthrough in headless Chromium and writes its outputs: the shots,
 * the video, the captions and the figures. Shots are deterministic: the clock
 * is paused and stepped, motion is reduced (packets move only during `play`,
 * for the video), and each shot waits until two screenshots in a row agree.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { Ecmp } from '../e2e/support/ecmp';
import { chromiumArgs } from '../e2e/support/find-browser.mjs';
import { RouterPanel, Stage } from '../e2e/support/pages';
import { placeHighlight } from './highlight';
import { clearOutputs, type ShotRecord, shotFile, toWebVtt } from './outputs';
import type { Walkthrough } from './script';
import { describeStep, painted, type Player, runStep, StepProblem } from './steps';

export interface PlayOptions {
  script: Walkthrough;
  baseUrl: string;
  outDir: string;
  chromiumPath: string;
  video: boolean;
  log: (line: string) => void;
}

export interface PlayResult {
  shots: ShotRecord[];
  videoMs: number | null;
  captions: number;
}

/** A step that failed: which one, and whether the script is to blame (exit code 2). */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly byScript: boolean,
  ) {
    super(message);
  }
}

// Partial raster repaints only the damaged part of a tile, so anti-aliased edges
// came out a shade apart depending on what was repainted when; sRGB makes
// colours independent of the display's profile.
const DETERMINISTIC_ARGS = ['--disable-partial-raster', '--force-color-profile=srgb'];

// Charts and the event log redraw at most four times a wall second (throttled),
// so a shot waits out one such interval before it compares screenshots.
const REDRAW_WAIT_MS = 300;

async function settledScreenshot(page: Page, scale: 'device'): Promise<Buffer> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(REDRAW_WAIT_MS);
  const options = { animations: 'disabled', caret: 'hide', scale, type: 'png' } as const;
  let previous = await page.screenshot(options);
  for (let i = 0; i < 6; i++) {
    await painted(page);
    const next = await page.screenshot(options);
    if (next.equals(previous)) return next;
    previous = next;
    await page.waitForTimeout(REDRAW_WAIT_MS);
  }
  throw new Error('the page kept changing; no two screenshots in a row agreed');
}

export async function play(options: PlayOptions): Promise<PlayResult> {
  const { script, outDir, log } = options;
  mkdirSync(outDir, { recursive: true });
  clearOutputs(outDir);
  const videoDir = options.video ? await mkdtemp(join(tmpdir(), 'walkthrough-video-')) : null;
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: [...chromiumArgs(), ...DETERMINISTIC_ARGS],
  });
  try {
    const context = await browser.newContext({
      viewport: script.viewport,
      deviceScaleFactor: script.deviceScaleFactor,
      reducedMotion: 'reduce',
      colorScheme: 'light',
      ...(videoDir ? { recordVideo: { dir: videoDir, size: script.viewport } } : {}),
    });
    const page = await context.newPage();
    const videoStart = performance.now();
    const shots: ShotRecord[] = [];
    const totalShots = script.steps.filter((s) => s.action === 'shot').length;
    const player: Player = {
      page,
      ecmp: new Ecmp(page),
      stage: new Stage(page),
      routerPanel: new RouterPanel(page),
      baseUrl: options.baseUrl,
      video: options.video,
      wallMs: () => performance.now() - videoStart,
      present: false,
      speed: 1,
      caption: null,
      highlight: null,
      cues: [],
      async shoot(name) {
        const hide = !script.captionsInShots && player.caption !== null;
        if (hide) await player.ecmp.caption(null);
        const png = await settledScreenshot(page, 'device');
        if (hide && player.caption) await player.ecmp.caption(player.caption.text);
        const file = shotFile(shots.length + 1, name, totalShots);
        writeFileSync(join(outDir, file), png);
        const tMs = await player.ecmp.now();
        const figures = await page.evaluate(() => window.ecmp.figures());
        shots.push({ index: shots.length + 1, name, file, tMs, figures });
      },
    };

    const firstLesson = script.steps[0]?.action === 'lesson';
    if (!firstLesson) {
      await page.goto(`${options.baseUrl}?paused=1`);
      await player.ecmp.ready();
      // The inspectors and the bottom panel load just after the stage.
      await page.waitForLoadState('networkidle');
    }

    const width = String(script.steps.length).length;
    for (const [i, step] of script.steps.entries()) {
      const where = `steps[${i}].${step.action}`;
      try {
        await runStep(player, step);
        await placeHighlight(page, player.stage, player.routerPanel, player.highlight);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new StepFailure(`${where}: ${message}`, error instanceof StepProblem);
      }
      const seconds = ((await player.ecmp.now()) / 1000).toFixed(3);
      log(
        `[${String(i + 1).padStart(width)}/${script.steps.length}] ${describeStep(step)} · t ${seconds} s`,
      );
    }

    const endMs = player.wallMs();
    if (player.caption) player.cues.push({ ...player.caption, endMs });
    const video = page.video();
    const saving = video && videoDir ? video.saveAs(join(outDir, 'video.webm')) : null;
    await context.close();
    if (saving) await saving;
    if (videoDir) writeFileSync(join(outDir, 'captions.vtt'), toWebVtt(player.cues));
    writeFileSync(
      join(outDir, 'figures.json'),
      `${JSON.stringify({ name: script.name, shots }, null, 2)}\n`,
    );
    return { shots, videoMs: videoDir ? endMs : null, captions: player.cues.length };
  } finally {
    await browser.close();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  }
}
