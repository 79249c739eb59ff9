import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { WebVTTParser as Parser } from 'webvtt-parser';

// `npm run walkthrough` as a user runs it: a child process per run, its outputs
// read back from disk. The example script short-wait.json is the one checked.

// A CommonJS module whose exports Node's ESM loader cannot detect.
const { WebVTTParser } = createRequire(import.meta.url)('webvtt-parser') as {
  WebVTTParser: typeof Parser;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tsx(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const walkthrough = (...args: string[]) => tsx('walkthroughs/run.ts', ...args);

/** The core's figures for a preset at each time, computed headless (this runner cannot import the presets' JSON). */
async function coreFigures(preset: string, times: number[]): Promise<unknown[]> {
  const code = `import { createSimulation, parseScenario, presetByName } from './src/sim/index';
const scenario = parseScenario(presetByName(${JSON.stringify(preset)})!.scenario);
console.log(JSON.stringify(${JSON.stringify(times)}.map((t) => {
  const sim = createSimulation(scenario);
  sim.advanceTo(t);
  return sim.figures();
})));`;
  const run = await tsx('--eval', code);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

test('a script gives shots, a video, captions and figures, and the same PNGs every run', async () => {
  const testInfo = test.info();
  test.setTimeout(240_000);
  const script = JSON.parse(await readFile('walkthroughs/short-wait.json', 'utf8'));
  const captions: string[] = script.steps
    .filter((s: { caption?: string }) => s.caption)
    .map((s: { caption: string }) => s.caption);
  const first = testInfo.outputPath('first');
  const second = testInfo.outputPath('second');

  const run = await walkthrough('walkthroughs/short-wait.json', '--out', first);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toBe('');
  // A progress line per step, then the summary.
  expect(run.stderr).toContain(`[ 1/${script.steps.length}] load preset short-wait`);
  expect(run.stderr).toContain(`[${script.steps.length}/${script.steps.length}] shot expired`);
  expect(run.stderr).toMatch(/short-wait: 14 steps, 3 shots, video [\d.]+ s with 3 captions/);

  const files = (await readdir(first)).sort();
  expect(files).toEqual([
    '01-lowered.png',
    '02-reopened.png',
    '03-expired.png',
    'captions.vtt',
    'figures.json',
    'video.webm',
  ]);
  for (const png of files.filter((f) => f.endsWith('.png'))) {
    expect(pngSize(await readFile(join(first, png)))).toEqual({ width: 1280, height: 800 });
  }
  const video = await readFile(join(first, 'video.webm'));
  expect(video.subarray(0, 4).toString('hex'), 'WebM (EBML) header').toBe('1a45dfa3');
  expect(video.length).toBeGreaterThan(10_000);

  const vtt = new WebVTTParser().parse(
    await readFile(join(first, 'captions.vtt'), 'utf8'),
    'metadata',
  );
  expect(vtt.errors).toEqual([]);
  expect(vtt.cues.map((c) => c.text)).toEqual(captions.map((c) => c.replace(/&/g, '&amp;')));
  for (const [i, cue] of vtt.cues.entries()) {
    expect(cue.endTime).toBeGreaterThan(cue.startTime);
    if (i > 0) expect(cue.startTime).toBeGreaterThanOrEqual(vtt.cues[i - 1]!.endTime);
  }

  // The figures at each shot are the core's own at that moment.
  const figures = JSON.parse(await readFile(join(first, 'figures.json'), 'utf8'));
  expect(figures.shots.map((s: { name: string }) => s.name)).toEqual([
    'lowered',
    'reopened',
    'expired',
  ]);
  const times = figures.shots.map((s: { tMs: number }) => s.tMs);
  expect(figures.shots.map((s: { figures: unknown }) => s.figures)).toEqual(
    await coreFigures('short-wait', times),
  );
  // The black hole reopened between the second shot and the third.
  expect(figures.shots[2].figures.packetsLost).toBeGreaterThan(
    figures.shots[1].figures.packetsLost,
  );

  const again = await walkthrough('walkthroughs/short-wait.json', '--out', second);
  expect(again.code, again.stderr).toBe(0);
  for (const png of files.filter((f) => f.endsWith('.png'))) {
    const a = await readFile(join(first, png));
    const b = await readFile(join(second, png));
    expect(a.equals(b), `${png} is byte-identical across runs`).toBe(true);
  }
});

test('a bad script exits with code 2 and a message naming the step and the field', async () => {
  const testInfo = test.info();
  test.setTimeout(120_000);
  const bad = testInfo.outputPath('bad.json');
  await writeFile(
    bad,
    JSON.stringify({ version: 1, steps: [{ load: 'basic' }, { fail: 'three' }] }),
  );
  const run = await walkthrough(bad, '--no-video');
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('steps[1].fail: expected a node number, got "three"');
  expect(run.stderr).not.toMatch(/\n\s+at /);

  // A node the loaded scenario does not have is found while playing, and named the same way.
  const missing = testInfo.outputPath('missing.json');
  await writeFile(missing, JSON.stringify({ version: 1, steps: [{ load: 'basic' }, { fail: 9 }] }));
  const played = await walkthrough(missing, '--no-video', '--out', testInfo.outputPath('missing'));
  expect(played.code).toBe(2);
  expect(played.stderr).toContain(
    'steps[1].fail: node 9 does not exist; this scenario has nodes 1 to 4',
  );
  expect(played.stderr).not.toMatch(/\n\s+at /);

  const absent = await walkthrough(testInfo.outputPath('absent.json'));
  expect(absent.code).toBe(2);
  expect(absent.stderr).toMatch(/cannot read ".*absent\.json": no such file/);
});
