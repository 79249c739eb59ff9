import type { Page } from '@playwright/test';
import { Ecmp, expect, test } from './support/fixtures';

// The deterministic clock: paused from the URL, stepped through window.ecmp
// and the toolbar, and the same address giving the same run.

/** Four nodes on the lab timers, node 4 crashing at `atMs`. */
function loadCrashOfNode4(page: Page, durationMs: number, atMs: number) {
  return page.evaluate(
    ([durationMs, atMs]) =>
      window.ecmp.load({
        version: 1,
        nodes: 4,
        durationMs,
        protocol: { preset: 'lab' },
        faults: [{ atMs, node: 4, action: 'fail', kind: 'crash' }],
      }),
    [durationMs, atMs] as const,
  );
}

test('a paused clock moves only when stepped', async ({ page, ecmp }) => {
  await page.goto('./?preset=basic&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await ecmp.now()).toBe(0);

  await ecmp.advance(12_000);
  expect(await ecmp.now()).toBe(12_000);
  await expect(page.getByText('00:12.000')).toBeVisible();
  const figures = await ecmp.figures();
  if (Array.isArray(figures)) throw new Error('one run expected, not the side-by-side view');
  expect(figures.packetsSent).toBeGreaterThan(0);
  expect(figures.packetsDelivered + figures.packetsLost).toBe(figures.packetsSent);
  // Node 4 crashes at 10 s in this preset.
  await expect(page.getByRole('button', { name: /^Node 4, / })).toHaveAccessibleName(
    /^Node 4, failed/,
  );

  await page.getByRole('button', { name: 'Step' }).click();
  const afterStep = await ecmp.now();
  expect(afterStep).toBeGreaterThan(12_000);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => ecmp.now()).toBe(0);
});

test('play and pause toggle one button', async ({ page, ecmp }) => {
  await page.goto('./?preset=basic&paused=1');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => ecmp.now()).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  const stopped = await ecmp.now();
  await ecmp.advance(0);
  expect(await ecmp.now()).toBe(stopped);
});

test('the same address gives the same figures', async ({ browser }) => {
  const run = async () => {
    const page = await browser.newPage();
    const ecmp = new Ecmp(page);
    await page.goto('./?preset=basic&paused=1&seed=42');
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await ecmp.advance(30_000);
    const result = await page.evaluate(() => ({
      figures: window.ecmp.figures(),
      scenario: window.ecmp.scenario(),
    }));
    await page.close();
    return result;
  };
  const first = await run();
  const second = await run();
  expect(first.scenario.seed).toBe(42);
  expect(second).toEqual(first);
});

test('K plays and pauses, the full stop steps', async ({ page, ecmp }) => {
  await page.goto('./?preset=basic&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await page.keyboard.press('.');
  const stepped = await ecmp.now();
  expect(stepped).toBeGreaterThan(0);
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('at full speed the stage and the clock keep up while it plays, not only when paused', async ({
  page,
  ecmp,
}) => {
  await ecmp.open();
  // A day, so the run is still playing when it is looked at; node 4 crashes at 10 s.
  await loadCrashOfNode4(page, 86_400_000, 10_000);
  await page.getByRole('slider', { name: 'Speed' }).press('End');
  await page.getByRole('button', { name: 'Play' }).click();
  // Changes reach the store a few times a second at this speed, and painters write as often.
  await expect(page.getByRole('button', { name: /^Node 4, / })).toHaveAccessibleName(
    /^Node 4, failed/,
  );
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  const first = await clock.textContent();
  await expect.poll(() => clock.textContent()).not.toBe(first);
  expect(await ecmp.now()).toBeLessThan(86_400_000);

  // Pause stops the clock where the run stands, and it stays there.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const stopped = await ecmp.now();
  const shown = await clock.textContent();
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 500))),
  );
  expect(await ecmp.now()).toBe(stopped);
  expect(await clock.textContent()).toBe(shown);
});

test('at full speed with slow motion on, a failure minutes in still plays slowly', async ({
  page,
  ecmp,
}) => {
  await ecmp.open();
  // At 1000x a frame moves about half a minute: a failure ten minutes in
  // would pass between two frames unless a frame stops at its lead.
  await loadCrashOfNode4(page, 3_600_000, 600_000);
  await page.getByRole('checkbox', { name: /slow motion/i }).check();
  await page.getByRole('slider', { name: 'Speed' }).press('End');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('· slowed')).toBeVisible({ timeout: 10_000 });
  const at = await ecmp.now();
  expect(at).toBeGreaterThanOrEqual(600_000 - 400);
  expect(at).toBeLessThan(600_000 + 10_000);
  await page.getByRole('button', { name: 'Pause' }).click();
});
