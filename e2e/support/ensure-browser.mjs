#!/usr/bin/env node
// Make sure Playwright has a Chromium (for the e2e tests) and an ffmpeg (for the
// walkthroughs' video) before a run, installing what is missing: Debian's
// packages when running as root on Debian/Ubuntu (browser downloads may be
// blocked where only package mirrors are reachable), else Playwright's download.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-browser.mjs';
import { findFfmpeg } from './find-ffmpeg.mjs';

function run(command) {
  console.log(`ensure-browser: running: ${command}`);
  return spawnSync(command, { shell: true, stdio: 'inherit' }).status === 0;
}

function fail(message) {
  console.error(`ensure-browser: ${message}`);
  process.exit(1);
}

let chromium = findChromium();
let ffmpeg = findFfmpeg();
if (chromium && !existsSync(chromium.path)) {
  fail(`${chromium.source} names ${chromium.path}, which does not exist.`);
}

const isRoot = process.getuid?.() === 0;
if ((!chromium || !ffmpeg) && isRoot && existsSync('/etc/debian_version')) {
  const packages = [chromium ? null : 'chromium', ffmpeg ? null : 'ffmpeg'].filter(Boolean);
  run(`apt-get update && apt-get install -y ${packages.join(' ')}`);
  chromium = findChromium();
  ffmpeg = findFfmpeg();
}
if (!chromium) {
  run('npx playwright install chromium');
  chromium = findChromium();
}
if (!ffmpeg) {
  run('npx playwright install ffmpeg');
  ffmpeg = findFfmpeg();
}

if (!chromium) {
  fail(`could not find or install a Chromium for the end-to-end tests.
Install one, then run the tests again:
  on Debian/Ubuntu (as root):   apt-get update && apt-get install -y chromium
  anywhere with internet:       npx playwright install chromium
or point PLAYWRIGHT_CHROMIUM_PATH at an existing Chromium or Chrome executable.`);
}
if (!ffmpeg) {
  fail(`could not find or install an ffmpeg for recording video.
Install one, then run again:
  on Debian/Ubuntu (as root):   apt-get update && apt-get install -y ffmpeg
  anywhere with internet:       npx playwright install ffmpeg`);
}
console.log(`ensure-browser: using ${chromium.path} (${chromium.source})`);
console.log(`ensure-browser: using ${ffmpeg.path} (${ffmpeg.source})`);
