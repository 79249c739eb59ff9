/**
 * UI benchmark: headless Chromium on the built app (`dist/`), served locally.
 * Measures frame times with 32 nodes and ≥ 500 packets in flight, click-to-paint
 * latency on a node, how busy the main thread is (also for the default
 * scenario), and the gzipped size of the JS the page loads first.
 * Prints a readable report, or one JSON document with --json. Measures only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { findChromium } from '../e2e/support/find-browser.mjs';

const json = process.argv.includes('--json');
const PORT = 4199;
const BASE = `http://127.0.0.1:${PORT}/`;
const SECONDS = 10;

function initialJsGzipKB(): number {
  const html = readFileSync('dist/index.html', 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = scripts.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join('dist', file))).length,
    0,
  );
  return bytes / 1024;
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};

async function open(page: Page, query: string) {
  await page.goto(`${BASE}?${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
}

/** Frame intervals and main-thread busy share over `SECONDS` of wall time while playing. */
async function measurePlaying(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  await page.evaluate(() => window.ecmp.play());
  await page.waitForTimeout(1000); // let the packet stream fill the paths
  const busyBefore = await taskSeconds();
  const wallBefore = performance.now();
  const result = await page.evaluate(async (seconds) => {
    const frames: number[] = [];
    let inFlight = 0;
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const end = last + seconds * 1000;
      const tick = (t: number) => {
        frames.push(t - last);
        last = t;
        const canvas = document.querySelector<HTMLCanvasElement>('canvas.packet-canvas');
        inFlight = Math.max(inFlight, Number(canvas?.dataset.inFlight ?? 0));
        if (t < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    return { frames: frames.slice(1), inFlight };
  }, SECONDS);
  const busy = (await taskSeconds()) - busyBefore;
  const wall = (performance.now() - wallBefore) / 1000;
  await page.evaluate(() => window.ecmp.pause());
  return { ...result, mainThreadBusy: busy / wall };
}

/** Click a node and time until the frame that shows its new state is painted. */
async function clickToPaint(page: Page, clicks: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < clicks; i++) {
    const node = (i % 8) + 1;
    const ms = await page.evaluate(async (n) => {
      const button = [...document.querySelectorAll<SVGElement>('[role="button"]')].find((b) =>
        b.getAttribute('aria-label')?.startsWith(`Node ${n}, `),
      );
      if (!button) throw new Error(`no button for node ${n}`);
      const before = button.getAttribute('aria-label');
      const t0 = performance.now();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        if (button.isConnected && button.getAttribute('aria-label') !== before) break;
        const again = [...document.querySelectorAll<SVGElement>('[role="button"]')].find((b) =>
          b.getAttribute('aria-label')?.startsWith(`Node ${n}, `),
        );
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

const server = await startServer();
const executablePath = findChromium()?.path;
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    '--disable-background-networking',
    '--no-first-run',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const scenario = encodeURIComponent(
    JSON.stringify({
      version: 1,
      name: 'bench-32',
      nodes: 32,
      durationMs: 600_000,
      traffic: { flows: 5000, packetsPerSecond: 10 },
      faults: [{ atMs: 3000, node: 5, action: 'fail', kind: 'crash' }],
    }),
  );
  await open(page, `scenario=${scenario}&paused=1`);
  const big = await measurePlaying(page);
  await page.evaluate(() => window.ecmp.pause());
  const clicks = await clickToPaint(page, 20);
  await open(page, 'paused=1');
  const small = await measurePlaying(page);
  const report = {
    nodes: 32,
    packetsInFlightMax: big.inFlight,
    frameP50Ms: percentile(big.frames, 50),
    frameP95Ms: percentile(big.frames, 95),
    clickToPaintP50Ms: percentile(clicks, 50),
    clickToPaintP95Ms: percentile(clicks, 95),
    mainThreadBusy: big.mainThreadBusy,
    mainThreadBusyDefault: small.mainThreadBusy,
    defaultFrameP95Ms: percentile(small.frames, 95),
    initialJsGzipKB: initialJsGzipKB(),
  };
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const f = (n: number, d = 1) => n.toFixed(d);
    process.stdout.write(
      [
        `UI benchmark (headless Chromium, ${SECONDS} s playing each)`,
        `  32 nodes, up to ${report.packetsInFlightMax} packets in flight`,
        `    frame time       p50 ${f(report.frameP50Ms)} ms, p95 ${f(report.frameP95Ms)} ms (target p95 ≤ 16.7)`,
        `    click to paint   p50 ${f(report.clickToPaintP50Ms)} ms, p95 ${f(report.clickToPaintP95Ms)} ms (target p95 ≤ 50)`,
        `    main thread busy ${f(report.mainThreadBusy * 100)} % of wall time`,
        `  default scenario`,
        `    frame time p95   ${f(report.defaultFrameP95Ms)} ms`,
        `    main thread busy ${f(report.mainThreadBusyDefault * 100)} % of wall time`,
        `  initial JS         ${f(report.initialJsGzipKB)} kB gzipped (target ≤ 120)`,
        '',
      ].join('\n'),
    );
  }
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid);
}
