// Where is a Chromium that Playwright can drive? Shared by ensure-browser.mjs
// (which installs one when there is none) and playwright.config.ts (which
// launches it). Synchronous and cheap: a handful of existsSync calls.
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
