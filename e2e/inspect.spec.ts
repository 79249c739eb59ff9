import { expect, type Page, test } from '@playwright/test';

// The side panel's inspectors, driven as a teacher would: a paused clock,
// stepped with window.ecmp, and every element found by role and name.

async function openPaused(page: Page) {
  await page.goto('./?preset=basic&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
}

const inspectPicker = (page: Page) => page.getByRole('combobox', { name: 'Inspect', exact: true });

test('the router inspector is shown by default, one row per route and per next hop', async ({
  page,
}) => {
  await openPaused(page);
  const rib = page.getByRole('table', { name: 'Routing table' });
  const fib = page.getByRole('table', { name: 'Forwarding table' });
  await expect(rib.getByRole('columnheader', { name: 'Metric', exact: true })).toBeVisible();
  await expect(rib.getByRole('row', { name: /^Node \d+\b/ })).toHaveCount(4);
  await expect(fib.getByRole('row', { name: /^Node \d+\b/ })).toHaveCount(4);
  await expect(page.getByText('Hash-threshold (RFC 2992)')).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Hash space split among Node 1, Node 2/ }),
  ).toBeVisible();
});

test('after a crash and detection, the stale route stays in the RIB but leaves the FIB', async ({
  page,
}) => {
  await openPaused(page);
  await page.evaluate(() => window.ecmp.advance(5000));
  await page.evaluate(() => window.ecmp.fail(4, 'crash'));
  // Past detection (3 missed 200 ms heartbeats) and the router's FIB update, before expiry (9 s).
  await page.evaluate(() => window.ecmp.advance(2000));
  const rib = page.getByRole('table', { name: 'Routing table' });
  const fib = page.getByRole('table', { name: 'Forwarding table' });
  await expect(fib.getByRole('row', { name: /^Node \d+\b/ })).toHaveCount(3);
  await expect(fib.getByRole('row', { name: /^Node 4\b/ })).toHaveCount(0);
  const node4 = rib.getByRole('row', { name: /^Node 4\b/ });
  await expect(node4).toHaveCount(1);
  await expect(node4).toContainText('stale');
  await expect(node4.getByRole('cell').first()).toHaveText('100');
  await expect(rib.getByRole('row', { name: /^Node 1\b/ })).toContainText('99');
  await expect(page.getByText(/\d+ of \d+ sampled flows moved at the last change/)).toBeVisible();
});

test('the node inspector shows the lowered metric and the restore timer', async ({ page }) => {
  await openPaused(page);
  // The preset crashes node 4 at 10 s; the survivors lower to 99 and start their wait.
  await page.evaluate(() => window.ecmp.advance(11_000));
  await inspectPicker(page).selectOption({ label: 'Node 1' });
  const inspector = page.getByRole('region', { name: 'Node 1' });
  await expect(inspector).toContainText('99');
  await expect(inspector).toContainText('base 100, lowered by 1');
  const timer = inspector.getByRole('progressbar', { name: 'Restore timer' });
  await expect(timer).toBeVisible();
  await expect(timer).toHaveAttribute('aria-valuetext', /^restores in \d+\.\d s$/);
  const before = Number(await timer.getAttribute('aria-valuenow'));
  await page.evaluate(() => window.ecmp.advance(2000));
  expect(Number(await timer.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
  await expect(inspector.getByRole('list', { name: /Active node set/ })).toContainText('4: absent');
});

test('the node inspector fails and recovers its node', async ({ page }) => {
  await openPaused(page);
  await inspectPicker(page).selectOption({ label: 'Node 2' });
  const inspector = page.getByRole('region', { name: 'Node 2' });
  await inspector.getByRole('button', { name: /^Fail/ }).click();
  await expect(page.getByRole('button', { name: /^Node 2, / })).toHaveAccessibleName(
    /^Node 2, failed/,
  );
  await expect(inspector.getByRole('button', { name: /^Fail/ })).toBeDisabled();
  await inspector.getByRole('button', { name: 'Recover' }).click();
  await expect(page.getByRole('button', { name: /^Node 2, / })).toHaveAccessibleName(
    /^Node 2, (recovering|active)/,
  );
});
