// Where is a Chromium that Playwright can drive, and how to launch it? Shared by
// ensure-browser.mjs (which installs one when there is none), playwright.config.ts
// and the walkthrough runner (which launch it). Synchronous and cheap.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** @returns {{ path: string, source: string } | undefined} */
export function findChromium() {
  for (const name of ['PLAYWRIGHT_CHROMIUM_PATH', 'CHROME_PATH']) {
    const path = process.env[name];
    // A variable that names a missing file is a mistake worth surfacing, not skipping.
    if (path) return { path, source: `$${name}` };
  }
  for (const path of SYSTEM_PATHS) {
    if (existsSync(path)) return { path, source: 'system' };
  }
  const path = chromium.executablePath();
  if (path && existsSync(path)) return { path, source: 'playwright' };
  return undefined;
}

/** @returns {string[]} the arguments every run launches Chromium with */
export function chromiumArgs() {
  return [
    // Even headless, Chromium looks up Google hosts at start; keep every
    // request on this machine so the smoke test can demand exactly that.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // Chromium refuses to start its sandbox as root (CI runs as root).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}
