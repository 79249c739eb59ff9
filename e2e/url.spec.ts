import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// The address: a bad parameter is named in a dismissible banner and ignored
// while the rest apply; a bad scenario falls back to the default preset.

const ready = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-ready', '1');
const alert = (page: Page) => page.getByRole('alert');

test('a bad strategy is named and ignored; the preset and the rest still apply', async ({
  page,
  ecmp,
}) => {
  await page.goto('./?preset=cascade&strategy=bogus&seed=5&paused=1');
  await ready(page);
  await expect(alert(page)).toContainText(
    'strategy: "bogus" is not one of none, metric-lowering, bfd',
  );
  const scenario = await ecmp.scenario();
  expect(scenario.name).toBe('cascade');
  expect(scenario.seed).toBe(5);
  expect(scenario.strategy).toBe('metric-lowering');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await alert(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert(page)).toHaveCount(0);
  // The address now says what is shown, without the bad parameter.
  expect(new URL(page.url()).searchParams.get('strategy')).toBeNull();
  expect(new URL(page.url()).searchParams.get('preset')).toBe('cascade');
});

test('a bad scenario names the field and the default scenario loads', async ({ page }) => {
  const scenario = encodeURIComponent(JSON.stringify({ version: 1, nodes: 0 }));
  await page.goto(`./?scenario=${scenario}&paused=1`);
  await expect(alert(page)).toContainText("The address's scenario was not loaded");
  await expect(alert(page)).toContainText('nodes');
  await expect(page.getByRole('button', { name: /^Node 1, / })).toBeVisible();
});

const refusals: [string, string][] = [
  ['scenario=null', 'scenario: expected a scenario object, got "null"'],
  ['preset=basic&seed=0x10', 'seed: "0x10" is not a whole number from 0 to 4294967295'],
  ['scenario=%7B%7D&scenario=%7B%7D', 'scenario: given 2 times; give it once'],
  ['preset=basic&t=99999999', 't: "99999999" is not a whole number of ms from 0 to 86400000'],
  ['preset=basic&t=70000', 't: 70000 is after the end of the run (60000 ms)'],
];
for (const [search, message] of refusals) {
  test(`?${search} is refused by name`, async ({ page, ecmp }) => {
    await page.goto(`./?${search}&paused=1`);
    await ready(page);
    await expect(alert(page)).toContainText(message);
    expect((await ecmp.scenario()).name).toBe('basic');
    expect(await ecmp.now()).toBe(0);
  });
}

test('&t= opens the run at that moment', async ({ page, ecmp }) => {
  await page.goto('./?preset=basic&t=12500&paused=1');
  await ready(page);
  await expect(alert(page)).toHaveCount(0);
  expect(await ecmp.now()).toBe(12_500);
  // Node 4 crashed at 10 s in this preset: the stage shows it down.
  await expect(page.getByRole('button', { name: /^Node 4, failed/ })).toBeVisible();
});

test('the strategy from the address is selected', async ({ page }) => {
  await page.goto('./?preset=basic&strategy=bfd&paused=1');
  await expect(page.getByLabel('Strategy')).toHaveValue('bfd');
});

test('window.ecmp.load rejects a bad scenario and keeps the current one', async ({
  page,
  ecmp,
}) => {
  await page.goto('./?preset=basic&paused=1');
  await ready(page);
  const message = await page.evaluate(() =>
    window.ecmp.load({ version: 1, nodes: 4, hashing: 'random' }).then(
      () => 'loaded',
      (error: Error) => error.message,
    ),
  );
  expect(message).toContain('hashing');
  expect((await ecmp.scenario()).nodes).toBe(4);
  await ecmp.load({ version: 1, nodes: 6 });
  await expect(page.getByRole('button', { name: /^Node 6, / })).toBeVisible();
});
