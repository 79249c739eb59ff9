// Where is the ffmpeg Playwright records video with? Playwright looks only in its
// own browser cache (ffmpeg-<rev>/ffmpeg-linux), which a machine that installs
// browsers from its package manager never fills; a system ffmpeg linked there
// works. Shared by ensure-browser.mjs and the walkthrough runner.
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const SYSTEM_PATHS = ['/usr/bin/ffmpeg', '/usr/local/bin/ffmpeg'];

/** @returns {string | undefined} the path Playwright expects its ffmpeg at */
export function playwrightFfmpegPath() {
  try {
    // Playwright's own answer (honours PLAYWRIGHT_BROWSERS_PATH and the platform).
    return require('playwright-core/lib/coreBundle')
      .registry.registry.findExecutable('ffmpeg')
      .executablePath();
  } catch {
    // An internal module: if it moves, work the path out as it does on Linux.
  }
  if (process.platform !== 'linux') return undefined;
  const core = dirname(require.resolve('playwright-core/package.json'));
  const { browsers } = JSON.parse(readFileSync(join(core, 'browsers.json'), 'utf8'));
  const revision = browsers.find((b) => b.name === 'ffmpeg')?.revision;
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(cache, 'ms-playwright');
  return revision ? join(root, `ffmpeg-${revision}`, 'ffmpeg-linux') : undefined;
}

/**
 * Playwright's ffmpeg, linking a system ffmpeg into place when Playwright has none.
 * @returns {{ path: string, source: string } | undefined}
 */
export function findFfmpeg() {
  const target = playwrightFfmpegPath();
  if (!target) return undefined;
  if (existsSync(target)) return { path: target, source: 'playwright' };
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (!system || process.platform !== 'linux') return undefined;
  mkdirSync(dirname(target), { recursive: true });
  // A dangling link left by an ffmpeg since removed would make symlinkSync fail.
  if (isLink(target)) rmSync(target);
  symlinkSync(system, target);
  return { path: target, source: `${system}, linked` };
}

function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
