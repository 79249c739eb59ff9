/**
 * UI benchmark: headless Chromium on the built app (`dist/`), served locally.
 * Measures frame times with 32 nodes and ≥ 500 packets in flight, click-to-paint
 * latency on a node, how busy the main thread is for the default scenario next
 * to a bare requestAnimationFrame page in the same run (so the ratio reads the
 * same on any machine), the same scenario side by side (two stages), the large preset at 1000×, a soak at maximum speed
 * (heap and DOM size), and the gzipped size of the JS the page loads first.
 * Prints a readable report, or one JSON document with --json. Measures only.
 *
 * Env: BENCH_UI_PORT (default 4199), BENCH_UI_SOAK_S (default 60; 0 skips it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { findChromium } from '../e2e/support/find-browser.mjs';
import {
  clickToPaint,
  measureBareRaf,
  measureFrames,
  missedShare,
  percentile,
  soak,
} from './ui-measure';

const json = process.argv.includes('--json');
const PORT = Number(process.env.BENCH_UI_PORT) || 4199;
const BASE = `http://127.0.0.1:${PORT}/`;
const SECONDS = 10;
const SOAK_SECONDS = Number(process.env.BENCH_UI_SOAK_S ?? 60);

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
    { stdio: 'ignore', detached: true },
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

async function open(page: Page, query: string) {
  await page.goto(`${BASE}?${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
}

const encode = (scenario: object) => encodeURIComponent(JSON.stringify(scenario));
const play = (page: Page) => () => page.evaluate(() => window.ecmp.play());
const maxSpeed = (page: Page) => page.getByRole('slider', { name: 'Speed' }).press('End');

/** 24 h with a crash or a recovery every simulated minute, rotating over 16 nodes. */
function soakScenario() {
  const faults = [];
  for (let minute = 1; minute < 1440; minute++) {
    const node = (Math.floor((minute - 1) / 2) % 16) + 1;
    const atMs = minute * 60_000;
    faults.push(
      minute % 2
        ? { atMs, node, action: 'fail', kind: 'crash' }
        : { atMs, node, action: 'recover' },
    );
  }
  return {
    version: 1,
    name: 'soak',
    nodes: 16,
    durationMs: 86_400_000,
    protocol: { preset: 'lab' },
    faults,
  };
}

const server = await startServer();
const executablePath = findChromium()?.path;
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    '--disable-background-networking',
    '--no-first-run',
    '--enable-precise-memory-info',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const bench32 = {
    version: 1,
    name: 'bench-32',
    nodes: 32,
    durationMs: 600_000,
    traffic: { flows: 5000, packetsPerSecond: 10 },
    faults: [{ atMs: 3000, node: 5, action: 'fail', kind: 'crash' }],
  };
  await open(page, `scenario=${encode(bench32)}&paused=1`);
  const big = await measureFrames(page, SECONDS, play(page));
  await page.evaluate(() => window.ecmp.pause());
  const clicks = await clickToPaint(page, 20);

  // The default scenario and the bare loop side by side, at a laptop's size.
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, 'paused=1');
  const small = await measureFrames(page, SECONDS, play(page));
  await page.evaluate(() => window.ecmp.pause());
  // The same scenario side by side: two stages on one clock.
  await open(page, 'paused=1&compare=none,metric-lowering');
  const two = await measureFrames(page, SECONDS, play(page));
  await page.evaluate(() => window.ecmp.pause());
  const bare = await measureBareRaf(page, SECONDS);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, 'preset=large&paused=1');
  await maxSpeed(page);
  // An hour at 1000× ends in under 4 s of wall time: measured from soon after
  // Play until the end, and never the paused page after it.
  const large = await measureFrames(page, SECONDS, play(page), 300, true);
  await page.evaluate(() => window.ecmp.pause());

  let soakSamples: Awaited<ReturnType<typeof soak>> = [];
  if (SOAK_SECONDS > 0) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, 'paused=1');
    // Too long for an address: loaded through the automation API instead.
    await page.evaluate((scenario) => window.ecmp.load(scenario), soakScenario());
    await maxSpeed(page);
    soakSamples = await soak(page, SOAK_SECONDS);
  }
  const first = soakSamples[0];
  const last = soakSamples.at(-1);
  const report = {
    nodes: 32,
    packetsInFlightMax: big.inFlight,
    frameP50Ms: percentile(big.frames, 50),
    frameP95Ms: percentile(big.frames, 95),
    framesMissedShare: missedShare(big.frames),
    clickToPaintP50Ms: percentile(clicks, 50),
    clickToPaintP95Ms: percentile(clicks, 95),
    mainThreadBusy: big.mainThreadBusy,
    mainThreadBusyDefault: small.mainThreadBusy,
    defaultBusy: small.mainThreadBusy,
    bareRafBusy: bare.mainThreadBusy,
    defaultOverBare: small.mainThreadBusy / bare.mainThreadBusy,
    defaultFrameP95Ms: percentile(small.frames, 95),
    sideBySideBusy: two.mainThreadBusy,
    sideBySideFrameP95Ms: percentile(two.frames, 95),
    sideBySideOverOne: two.mainThreadBusy / small.mainThreadBusy,
    large1000xFps: large.fps,
    large1000xBusy: large.mainThreadBusy,
    large1000xFrameP95Ms: percentile(large.frames, 95),
    large1000xFramesMissedShare: missedShare(large.frames),
    large1000xSeconds: large.seconds,
    soakSeconds: SOAK_SECONDS,
    soakSimHours: last ? last.simMs / 3_600_000 : 0,
    soakHeapMBStart: first?.heapMB ?? 0,
    soakHeapMBEnd: last?.heapMB ?? 0,
    soakHeapMBMax: Math.max(0, ...soakSamples.map((s) => s.heapMB)),
    soakDomNodesStart: first?.domNodes ?? 0,
    soakDomNodesEnd: last?.domNodes ?? 0,
    soakDomNodesMax: Math.max(0, ...soakSamples.map((s) => s.domNodes)),
    initialJsGzipKB: initialJsGzipKB(),
  };
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const f = (n: number, d = 1) => n.toFixed(d);
    const pct = (n: number) => `${f(n * 100)} %`;
    process.stdout.write(
      [
        `UI benchmark (headless Chromium, ${SECONDS} s playing each)`,
        `  32 nodes, up to ${report.packetsInFlightMax} packets in flight`,
        `    frame time       p50 ${f(report.frameP50Ms)} ms, p95 ${f(report.frameP95Ms)} ms (target p95 ≤ 16.7); ${pct(report.framesMissedShare)} of frames missed a vsync`,
        `    click to paint   p50 ${f(report.clickToPaintP50Ms)} ms, p95 ${f(report.clickToPaintP95Ms)} ms (target p95 ≤ 50)`,
        `    main thread busy ${pct(report.mainThreadBusy)} of wall time`,
        `  default scenario at 1×, 1280×800`,
        `    frame time p95   ${f(report.defaultFrameP95Ms)} ms`,
        `    main thread busy ${pct(report.defaultBusy)}; a bare rAF page ${pct(report.bareRafBusy)}: ${f(report.defaultOverBare, 2)}× (target ≤ 2)`,
        `  the default scenario side by side (none, metric lowering), 1280×800`,
        `    frame time p95   ${f(report.sideBySideFrameP95Ms)} ms; main thread busy ${pct(report.sideBySideBusy)}: ${f(report.sideBySideOverOne, 2)}× one stage`,
        `  large preset at 1000×, 1920×1080`,
        `    ${f(report.large1000xFps)} fps (target ≥ 55) over ${f(report.large1000xSeconds)} s of play, frame p95 ${f(report.large1000xFrameP95Ms)} ms, main thread busy ${pct(report.large1000xBusy)} (target < 50 %)`,
        ...(SOAK_SECONDS > 0
          ? [
              `  soak: ${SOAK_SECONDS} s at 1000×, a fault every simulated minute (${f(report.soakSimHours)} h simulated)`,
              `    JS heap          ${f(report.soakHeapMBStart)} → ${f(report.soakHeapMBEnd)} MB after collection (max ${f(report.soakHeapMBMax)})`,
              `    DOM elements     ${report.soakDomNodesStart} → ${report.soakDomNodesEnd} (max ${report.soakDomNodesMax})`,
            ]
          : []),
        `  initial JS         ${f(report.initialJsGzipKB)} kB gzipped (target ≤ 120)`,
        '',
      ].join('\n'),
    );
  }
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid);
}
