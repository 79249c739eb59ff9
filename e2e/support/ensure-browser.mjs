#!/usr/bin/env node
// Make sure Playwright has a Chromium before the e2e run, installing one if needed:
// Debian's package when running as root on Debian/Ubuntu (browser downloads may be
// blocked where only package mirrors are reachable), else Playwright's own download.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-browser.mjs';

function report(found) {
  if (!existsSync(found.path)) {
    console.error(`ensure-browser: ${found.source} names ${found.path}, which does not exist.`);
    process.exit(1);
  }
  console.log(`ensure-browser: using ${found.path} (${found.source})`);
  process.exit(0);
}

function run(command) {
  console.log(`ensure-browser: no Chromium found; running: ${command}`);
  return spawnSync(command, { shell: true, stdio: 'inherit' }).status === 0;
}

let found = findChromium();
if (found) report(found);

const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync('/etc/debian_version')) {
  run('apt-get update && apt-get install -y chromium');
  found = findChromium();
  if (found) report(found);
}

run('npx playwright install chromium');
found = findChromium();
if (found) report(found);

console.error(`ensure-browser: could not find or install a Chromium for the end-to-end tests.
Install one, then run the tests again:
  on Debian/Ubuntu (as root):   apt-get update && apt-get install -y chromium
  anywhere with internet:       npx playwright install chromium
or point PLAYWRIGHT_CHROMIUM_PATH at an existing Chromium or Chrome executable.`);
process.exit(1);
