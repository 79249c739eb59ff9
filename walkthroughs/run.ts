/**
 * `npm run walkthrough -- <script.json> [--out DIR] [--no-video]`: plays a
 * walkthrough script against the built app and writes its shots, video,
 * captions and figures. Progress goes to stderr, one line per step, then a
 * summary. Exit codes: 0 done; 2 a bad script or option (the message names the
 * step and field); 1 anything else (no browser, no build).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../e2e/support/find-browser.mjs';
import { findFfmpeg } from '../e2e/support/find-ffmpeg.mjs';
import { play, StepFailure } from './player';
import { parseWalkthroughText, ScriptError } from './script';
import { build, needsBuild, serve } from './serve';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm run walkthrough -- <script.json> [--out DIR] [--no-video]

  --out DIR     where to write the shots, video.webm, captions.vtt and figures.json
                (default: walkthroughs/out/<script name>/)
  --no-video    shots and figures only: no video, no captions file, no waiting on holds`;

class UsageError extends Error {}

interface Options {
  script: string;
  out: string | null;
  video: boolean;
}

function parseArgs(args: readonly string[]): Options | 'help' {
  let script: string | null = null;
  let out: string | null = null;
  let video = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--no-video') video = false;
    else if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[++i] ?? null);
      if (!out) throw new UsageError('--out needs a directory');
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (script === null) script = arg;
    else throw new UsageError(`unexpected argument "${arg}": give one script file`);
  }
  if (script === null) throw new UsageError('no script: give a walkthrough script file');
  return { script, out, video };
}

function fail(message: string, code: number): never {
  process.stderr.write(`walkthrough: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  // npm runs scripts from the package root; paths on the command line are the caller's.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  let options: Options | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const scriptPath = resolve(cwd, options.script);
  let text: string;
  try {
    text = readFileSync(scriptPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      `cannot read "${options.script}": ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      2,
    );
  }
  let script: ReturnType<typeof parseWalkthroughText>;
  try {
    script = parseWalkthroughText(text, basename(scriptPath, extname(scriptPath)));
  } catch (error) {
    if (!(error instanceof ScriptError)) throw error;
    fail(`${options.script}:\n  ${error.problems.join('\n  ')}`, 2);
  }
  const outDir = options.out
    ? resolve(cwd, options.out)
    : join(ROOT, 'walkthroughs', 'out', script.name);

  const browser = findChromium();
  if (!browser)
    fail('no Chromium found; run `node e2e/support/ensure-browser.mjs` to install one', 1);
  if (options.video && !findFfmpeg()) {
    fail(
      'no ffmpeg to record video with; run `node e2e/support/ensure-browser.mjs` to install one, or pass --no-video',
      1,
    );
  }
  if (needsBuild(ROOT)) {
    process.stderr.write('walkthrough: building the app…\n');
    build(ROOT);
  }
  const started = performance.now();
  const server = await serve(ROOT);
  try {
    const result = await play({
      script,
      baseUrl: server.url,
      outDir,
      chromiumPath: browser.path,
      video: options.video,
      log: (line) => process.stderr.write(`walkthrough: ${line}\n`),
    });
    const where = relative(cwd, outDir) || '.';
    const video =
      result.videoMs === null
        ? 'no video'
        : `video ${(result.videoMs / 1000).toFixed(1)} s with ${result.captions} captions`;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `walkthrough: ${script.name}: ${script.steps.length} steps, ${result.shots.length} shots, ${video}, in ${where}/ (${seconds} s)\n`,
    );
  } catch (error) {
    if (error instanceof StepFailure) fail(error.message, error.byScript ? 2 : 1);
    throw error;
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message.split('\n')[0]! : String(error), 1);
});
