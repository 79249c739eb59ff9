import { expect, test } from '@playwright/test';

// Bad addresses name the problem in a dismissible banner and fall back to the
// default preset; good ones set the strategy.

test('a bad strategy is named and the default scenario loads', async ({ page }) => {
  await page.goto('./?preset=basic&strategy=fast&paused=1');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('strategy: "fast" is not one of none, metric-lowering, bfd');
  await expect(page.getByRole('button', { name: /^Node 1, / })).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a bad scenario names the field', async ({ page }) => {
  const scenario = encodeURIComponent(JSON.stringify({ version: 1, nodes: 0 }));
  await page.goto(`./?scenario=${scenario}&paused=1`);
  await expect(page.getByRole('alert')).toContainText('nodes');
  await expect(page.getByRole('button', { name: /^Node 1, / })).toBeVisible();
});

test('the strategy from the address is selected, and changing it keeps the moment', async ({
  page,
}) => {
  await page.goto('./?preset=basic&strategy=bfd&paused=1');
  const strategy = page.getByLabel('Strategy');
  await expect(strategy).toHaveValue('bfd');
  await page.evaluate(() => window.ecmp.advance(5000));
  await strategy.selectOption('none');
  expect(await page.evaluate(() => window.ecmp.scenario().strategy)).toBe('none');
  expect(await page.evaluate(() => window.ecmp.now())).toBe(5000);
});

test('window.ecmp.load rejects a bad scenario and keeps the current one', async ({ page }) => {
  await page.goto('./?preset=basic&paused=1');
  const message = await page.evaluate(() =>
    window.ecmp.load({ version: 1, nodes: 4, hashing: 'random' }).then(
      () => 'loaded',
      (error: Error) => error.message,
    ),
  );
  expect(message).toContain('hashing');
  expect(await page.evaluate(() => window.ecmp.scenario().nodes)).toBe(4);
  await page.evaluate(() => window.ecmp.load({ version: 1, nodes: 6 }));
  await expect(page.getByRole('button', { name: /^Node 6, / })).toBeVisible();
});
