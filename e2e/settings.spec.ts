import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// The settings panel: apply edits, reject bad ones without touching the run,
// and move scenarios in and out as files and links.

async function openSettings(page: Page) {
  await page.goto('./?preset=basic&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('form', { name: 'Scenario settings' });
}

const files = (page: Page) => page.getByRole('region', { name: 'Scenario file' });
const nodeButtons = (page: Page) => page.getByRole('button', { name: /^Node \d+, / });

test('applying edits restarts the run with them', async ({ page, ecmp }) => {
  const form = await openSettings(page);
  await form.getByLabel('Nodes').fill('6');
  await form.getByLabel('Hashing').selectOption('resilient');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(nodeButtons(page)).toHaveCount(6);
  const scenario = await ecmp.scenario();
  expect(scenario.nodes).toBe(6);
  expect(scenario.hashing).toBe('resilient');
  // The preset's faults still fit six nodes, so they are kept.
  expect(scenario.faults).toHaveLength(2);
  await expect(page.getByText('Resilient buckets').first()).toBeVisible();
});

test('a bad value is named next to the form and the running scenario is kept', async ({
  page,
  ecmp,
}) => {
  const form = await openSettings(page);
  await ecmp.advance(3000);
  await form.getByLabel('Expiry (ms)').fill('0');
  await form.getByLabel('Nodes').fill('3');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('alert')).toContainText('protocol.expiryMs');
  await expect(form.getByLabel('Expiry (ms)')).toHaveAttribute('aria-invalid', 'true');
  await expect(nodeButtons(page)).toHaveCount(4);
  await expect(page.getByRole('button', { name: /^Node 4, / })).toHaveAccessibleName(
    /^Node 4, active/,
  );
  const state = await page.evaluate(() => ({
    expiry: window.ecmp.scenario().protocol.expiryMs,
    now: window.ecmp.now(),
  }));
  expect(state).toEqual({ expiry: 9000, now: 3000 });
});

test('export downloads the current scenario, clicks included', async ({ page, ecmp }) => {
  await openSettings(page);
  await ecmp.advance(2000);
  await ecmp.fail(2, 'link');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  const exported = JSON.parse(await readFile((await file.path())!, 'utf8'));
  expect(exported).toEqual(await ecmp.scenario());
  expect(exported.faults).toContainEqual({ atMs: 2000, node: 2, action: 'fail', kind: 'link' });
});

test('import loads a good file and rejects a bad one, keeping the run', async ({ page }) => {
  await openSettings(page);
  const input = page.getByLabel('Import scenario file');
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, nodes: 5, hashing: 'random' })),
  });
  await expect(files(page).getByRole('alert')).toContainText('hashing');
  await expect(nodeButtons(page)).toHaveCount(4);
  await input.setInputFiles({
    name: 'five.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, nodes: 5, seed: 3 })),
  });
  await expect(nodeButtons(page)).toHaveCount(5);
  await expect(files(page).getByRole('status')).toContainText('Loaded five.json');
});

test('the share link opens the same scenario', async ({ page, context, ecmp }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSettings(page);
  await ecmp.fail(3, 'carrier');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(files(page).getByRole('status')).toContainText('copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#scenario=');
  const expected = await ecmp.scenario();
  await page.goto(link);
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  expect(await ecmp.scenario()).toEqual(expected);
});
