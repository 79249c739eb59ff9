import { expect, test } from './support/fixtures';

// Failing and recovering nodes, as a teacher would: by mouse and by keyboard
// alone. The clock is paused so nothing changes but what the test does.

test('a click fails a node and another click brings it back', async ({ ecmp, stage }) => {
  await ecmp.open();
  const node = stage.node(2);
  await expect(node).toHaveAccessibleName(/^Node 2, active/);
  await node.click();
  await expect(node).toHaveAccessibleName(/^Node 2, failed/);
  await node.click();
  await expect(node).toHaveAccessibleName(/^Node 2, (recovering|active)/);
});

test('the failure kind chosen applies to the next click', async ({ page, ecmp, stage }) => {
  await ecmp.open();
  await page.getByRole('radio', { name: 'Unhealthy' }).check();
  await stage.node(1).click();
  await expect(stage.node(1)).toHaveAccessibleName(/^Node 1, unhealthy/);
});

test('a node can be failed and recovered by keyboard alone', async ({ page, ecmp, stage }) => {
  await ecmp.open();
  const name = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  for (let i = 0; i < 40 && !(await name()).startsWith('Node 3, '); i++) {
    await page.keyboard.press('Tab');
  }
  expect(await name()).toMatch(/^Node 3, active/);
  await page.keyboard.press('Enter');
  const node = stage.node(3);
  await expect(node).toHaveAccessibleName(/^Node 3, failed/);
  await expect(node).toBeFocused();
  await page.keyboard.press('Space');
  await expect(node).toHaveAccessibleName(/^Node 3, (recovering|active)/);
});

test('the stage shows the failure to the router once the metric trick has run', async ({
  ecmp,
  stage,
}) => {
  await ecmp.open();
  await ecmp.fail(4, 'crash');
  await ecmp.advance(3000);
  await expect(stage.path(4)).toHaveAttribute('data-state', /stale|absent/);
  await expect(stage.path(1)).toHaveAttribute('data-state', 'fib');
});
