import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// Share links reopen the run they were made from: the clicks, the moment,
// paused or not. Custom scenarios travel packed in the fragment, so a long
// run never makes the address too large for a server.

const ready = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-ready', '1');

async function copyShareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const files = page.getByRole('region', { name: 'Scenario file' });
  await files.getByRole('button', { name: 'Copy share link' }).click();
  await expect(files.getByRole('status')).toContainText('copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('a preset link stays short and carries the moment', async ({ page, ecmp }) => {
  await page.goto('./?preset=basic&paused=1');
  await ready(page);
  await ecmp.advance(7250);
  const link = await copyShareLink(page);
  const url = new URL(link);
  expect(url.search).toBe('?preset=basic&paused=1&t=7250');
  expect(url.hash).toBe('');
  await page.goto(link);
  await ready(page);
  expect(await ecmp.now()).toBe(7250);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('a link after clicks packs the scenario in the fragment and reopens it there', async ({
  page,
  ecmp,
}) => {
  await page.goto('./?preset=basic&paused=1');
  await ready(page);
  await page.evaluate(async () => {
    await window.ecmp.advance(3000);
    await window.ecmp.fail(2, 'link');
    await window.ecmp.advance(1500);
  });
  const expected = await ecmp.scenario();
  const link = await copyShareLink(page);
  const url = new URL(link);
  expect(url.hash).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
  expect(url.searchParams.get('t')).toBe('4500');
  expect(url.searchParams.has('scenario')).toBe(false);
  await page.goto(link);
  await ready(page);
  expect(await ecmp.scenario()).toEqual(expected);
  expect(await ecmp.now()).toBe(4500);
  await expect(page.getByRole('button', { name: /^Node 2, failed/ })).toBeVisible();
});

test('a 300-fault scenario survives a reload in a short address', async ({ page, ecmp }) => {
  const faults = Array.from({ length: 300 }, (_, i) => ({
    atMs: 1000 + i * 1000,
    node: (i % 8) + 1,
    action: i % 2 === 0 ? 'fail' : 'recover',
  }));
  const scenario = { version: 1, nodes: 8, durationMs: 400_000, faults };
  await page.goto('./?paused=1');
  await ready(page);
  await ecmp.load(scenario);
  await expect.poll(() => page.url()).toContain('#scenario=');
  // Plain JSON in the query would be about 27 KB; servers refuse more than about 16 KB.
  expect(page.url().length).toBeLessThan(8000);
  await page.reload();
  await ready(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await ecmp.scenario()).faults).toHaveLength(300);
});

test('an old ?scenario= link still opens, and the address moves it into the fragment', async ({
  page,
  ecmp,
}) => {
  const json = JSON.stringify({ version: 1, nodes: 3, seed: 42 });
  await page.goto(`./?scenario=${encodeURIComponent(json)}&paused=1`);
  await ready(page);
  expect((await ecmp.scenario()).seed).toBe(42);
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#scenario=/);
  expect(new URL(page.url()).searchParams.has('scenario')).toBe(false);
  await page.reload();
  await ready(page);
  expect((await ecmp.scenario()).nodes).toBe(3);
});

test('a damaged fragment is named and the default scenario loads', async ({ page }) => {
  await page.goto('./?paused=1#scenario=bm90LWRlZmxhdGU');
  await ready(page);
  await expect(page.getByRole('alert')).toContainText(
    "scenario: the link's #scenario cannot be read: it is not deflate-compressed data",
  );
  await expect(page.getByRole('button', { name: /^Node 1, / })).toBeVisible();
});
