import { expect, type Page, test } from '@playwright/test';

// Failing and recovering nodes, as a teacher would: by mouse and by keyboard
// alone. The clock is paused so nothing changes but what the test does.

async function openPaused(page: Page) {
  await page.goto('./?preset=basic&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
}

test('a click fails a node and another click brings it back', async ({ page }) => {
  await openPaused(page);
  const node = page.getByRole('button', { name: /^Node 2, / });
  await expect(node).toHaveAccessibleName(/^Node 2, active/);
  await node.click();
  await expect(node).toHaveAccessibleName(/^Node 2, failed/);
  await node.click();
  await expect(node).toHaveAccessibleName(/^Node 2, (recovering|active)/);
});

test('the failure kind chosen applies to the next click', async ({ page }) => {
  await openPaused(page);
  await page.getByRole('radio', { name: 'Unhealthy' }).check();
  await page.getByRole('button', { name: /^Node 1, / }).click();
  await expect(page.getByRole('button', { name: /^Node 1, / })).toHaveAccessibleName(
    /^Node 1, unhealthy/,
  );
});

test('a node can be failed and recovered by keyboard alone', async ({ page }) => {
  await openPaused(page);
  const name = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  for (let i = 0; i < 40 && !(await name()).startsWith('Node 3, '); i++) {
    await page.keyboard.press('Tab');
  }
  expect(await name()).toMatch(/^Node 3, active/);
  await page.keyboard.press('Enter');
  const node = page.getByRole('button', { name: /^Node 3, / });
  await expect(node).toHaveAccessibleName(/^Node 3, failed/);
  await expect(node).toBeFocused();
  await page.keyboard.press('Space');
  await expect(node).toHaveAccessibleName(/^Node 3, (recovering|active)/);
});

test('the stage shows the failure to the router once the metric trick has run', async ({
  page,
}) => {
  await openPaused(page);
  await page.evaluate(() => window.ecmp.fail(4, 'crash'));
  await page.evaluate(() => window.ecmp.advance(3000));
  await expect(page.locator('.path[data-node="4"]')).toHaveAttribute('data-state', /stale|absent/);
  await expect(page.locator('.path[data-node="1"]')).toHaveAttribute('data-state', 'fib');
});
