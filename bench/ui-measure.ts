/**
 * What the UI benchmark measures, one function each: frame intervals and the
 * main thread's busy share while a page plays, the same for a bare
 * requestAnimationFrame page (the floor any animated page pays), click-to-paint
 * latency, and a soak that reports heap and DOM size over time.
 */
import type { CDPSession, Page } from '@playwright/test';

/**
 * Share of frame intervals that missed a 60 Hz vsync (longer than one and a
 * half frames). Intervals come in 0.1 ms steps that jitter about 16.7 ms, so
 * a p95 of 16.8 can mean no frame was missed at all; this says how many were.
 */
export const missedShare = (frames: number[]) =>
  frames.length === 0 ? 0 : frames.filter((ms) => ms > 1.5 * (1000 / 60)).length / frames.length;

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export interface Playing {
  frames: number[];
  inFlight: number;
  /**
   * Share of wall time the renderer's main thread spent in tasks, counted in
   * thread CPU time (so a machine busy with other work does not inflate it).
   */
  mainThreadBusy: number;
  fps: number;
  /** Wall seconds measured (less than asked when the run reached its end first). */
  seconds: number;
}

/**
 * Frame intervals and main-thread busy share over `seconds` of wall time, with
 * `start` called first (play the app, or nothing for the bare page). With
 * `untilEnd`, measuring stops early when the run reaches its end: a run that
 * ends inside the window would otherwise be measured mostly paused.
 */
export async function measureFrames(
  page: Page,
  seconds: number,
  start: () => Promise<unknown>,
  settleMs = 1000,
  untilEnd = false,
): Promise<Playing> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await start();
  await page.waitForTimeout(settleMs); // let the packet stream fill the paths
  const before = await metrics(cdp);
  const wallBefore = performance.now();
  const result = await page.evaluate(
    async ({ s, untilEnd }) => {
      const frames: number[] = [];
      let inFlight = 0;
      const runEndMs = untilEnd ? window.ecmp.scenario().durationMs : Number.POSITIVE_INFINITY;
      await new Promise<void>((resolve) => {
        let last = performance.now();
        const end = last + s * 1000;
        const tick = (t: number) => {
          frames.push(t - last);
          last = t;
          const canvas = document.querySelector<HTMLCanvasElement>('canvas.packet-canvas');
          inFlight = Math.max(inFlight, Number(canvas?.dataset.inFlight ?? 0));
          if (t < end && (!untilEnd || window.ecmp.now() < runEndMs)) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return { frames: frames.slice(1), inFlight };
    },
    { s: seconds, untilEnd },
  );
  const after = await metrics(cdp);
  const wall = (performance.now() - wallBefore) / 1000;
  await cdp.detach();
  const busy = (after.TaskDuration ?? 0) - (before.TaskDuration ?? 0);
  const total = result.frames.reduce((a, b) => a + b, 0);
  return {
    ...result,
    mainThreadBusy: busy / wall,
    fps: total > 0 ? (1000 * result.frames.length) / total : 0,
    seconds: wall,
  };
}

/** The floor: a blank page whose only work is an empty requestAnimationFrame loop. */
export async function measureBareRaf(page: Page, seconds: number): Promise<Playing> {
  await page.goto('about:blank');
  await page.setContent('<!doctype html><title>bare</title><body></body>');
  return measureFrames(page, seconds, () =>
    page.evaluate(() => {
      const loop = () => requestAnimationFrame(loop);
      requestAnimationFrame(loop);
    }),
  );
}

/** Click a node and time until the frame that shows its new state is painted. */
export async function clickToPaint(page: Page, clicks: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < clicks; i++) {
    const node = (i % 8) + 1;
    const ms = await page.evaluate(async (n) => {
      const find = () =>
        [...document.querySelectorAll<SVGElement>('[role="button"]')].find((b) =>
          b.getAttribute('aria-label')?.startsWith(`Node ${n}, `),
        );
      const button = find();
      if (!button) throw new Error(`no button for node ${n}`);
      const before = button.getAttribute('aria-label');
      const t0 = performance.now();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        if (button.isConnected && button.getAttribute('aria-label') !== before) break;
        const again = find();
        if (again && again.getAttribute('aria-label') !== before) break;
      }
      // The frame whose callbacks saw the change is painted right after them.
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    }, node);
    times.push(ms);
  }
  return times;
}

export interface SoakSample {
  wallS: number;
  simMs: number;
  heapMB: number;
  domNodes: number;
}

/** Play for `seconds` of wall time, sampling heap and DOM size every few seconds. */
export async function soak(page: Page, seconds: number, everyS = 5): Promise<SoakSample[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const samples: SoakSample[] = [];
  const sample = async (wallS: number) => {
    // Collected first, so the heap reads what the run keeps, not garbage not yet collected.
    await cdp.send('HeapProfiler.collectGarbage');
    const m = await metrics(cdp);
    // `Nodes` counts detached nodes too until they are collected; a count of
    // the live document is what a growing event log would show.
    const live = await page.evaluate(() => ({
      simMs: window.ecmp.now(),
      domNodes: document.getElementsByTagName('*').length,
    }));
    samples.push({ wallS, heapMB: (m.JSHeapUsedSize ?? 0) / 2 ** 20, ...live });
  };
  await sample(0);
  await page.evaluate(() => window.ecmp.play());
  for (let t = everyS; t <= seconds; t += everyS) {
    await page.waitForTimeout(everyS * 1000);
    await sample(t);
  }
  await page.evaluate(() => window.ecmp.pause());
  await cdp.detach();
  return samples;
}
