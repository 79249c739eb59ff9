import { expect, type Page, test } from '@playwright/test';

// The lesson end to end, as a student sees it: node 4 of the basic preset
// crashes at 10 s (lab timers: update 3 s, expiry 9 s, heartbeats 200 ms × 3).

const fib = (page: Page) => page.getByRole('table', { name: 'Forwarding table' });
const rib = (page: Page) => page.getByRole('table', { name: 'Routing table' });
const now = (page: Page) => page.evaluate(() => window.ecmp.now());

test('metric lowering: stepping the paused clock, node 4 leaves the forwarding table long before its route expires', async ({
  page,
}) => {
  await page.goto('./?preset=basic&paused=1');
  await expect(fib(page).getByRole('row', { name: /Node 4/ })).toBeVisible();

  // The first step lands on the crash itself.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => now(page)).toBe(10_000);
  await expect(page.getByRole('button', { name: /^Node 4, / })).toHaveAccessibleName(
    /^Node 4, failed/,
  );
  await expect(fib(page).getByRole('row', { name: /Node 4/ })).toBeVisible();

  // Step event by event until the router's forwarding table drops node 4.
  for (let i = 0; i < 40; i++) {
    if (
      (await fib(page)
        .getByRole('row', { name: /Node 4/ })
        .count()) === 0
    )
      break;
    await page.getByRole('button', { name: 'Step' }).click();
  }
  await expect(fib(page).getByRole('row', { name: /Node 4/ })).toHaveCount(0);
  const droppedAt = await now(page);
  // Detection (≤ 4 heartbeats) + propagation + coalescing + FIB install: well under a second.
  expect(droppedAt).toBeGreaterThan(10_000);
  expect(droppedAt).toBeLessThan(11_000);
  // The router still holds the dead node's stale route at 100; what it forwards
  // to now are the nodes that already lowered to 99 (maybe just the first one).
  await expect(rib(page).getByRole('row', { name: /Node 4/ })).toContainText('stale');
  const forwarding = await fib(page)
    .getByRole('row', { name: /Node \d/ })
    .allInnerTexts();
  expect(forwarding.length).toBeGreaterThan(0);
  for (const row of forwarding) {
    const node = /Node (\d+)/.exec(row)![1];
    await expect(rib(page).getByRole('row', { name: new RegExp(`Node ${node}\\b`) })).toContainText(
      '99',
    );
  }

  // After the wait (9 s) everyone is back at 100 and node 4's route has expired.
  await page.evaluate(() => window.ecmp.advance(12_000));
  await expect(rib(page).getByRole('row', { name: /Node 4/ })).toHaveCount(0);
  await expect(rib(page).getByRole('row', { name: /Node 1/ })).toContainText('100');
  await expect(fib(page).getByRole('row', { name: /Node [123]/ })).toHaveCount(3);
  const figures = await page.evaluate(() => window.ecmp.figures());
  expect(figures.blackholeMs).toBeLessThan(1_000);
  await expect(page.getByRole('group', { name: 'Packets lost' })).toContainText(
    figures.packetsLost.toLocaleString('en-US'),
  );
});

test('baseline: without metric lowering the black hole lasts until the route expires', async ({
  page,
}) => {
  await page.goto('./?preset=basic&strategy=none&paused=1');
  await page.evaluate(() => window.ecmp.advance(10_000));
  const atCrash = await page.evaluate(() => window.ecmp.figures().packetsLost);
  // Half a second on, node 4 is still in the forwarding table and packets are being lost.
  await page.evaluate(() => window.ecmp.advance(500));
  await expect(fib(page).getByRole('row', { name: /Node 4/ })).toBeVisible();
  expect(await page.evaluate(() => window.ecmp.figures().packetsLost)).toBeGreaterThan(atCrash);

  // Expiry counts from node 4's last keepalive (at most 3 s before the crash):
  // its route goes between 6 and 9 s after the crash, plus the router's delays.
  await page.evaluate(() => window.ecmp.advance(5_400));
  await expect(fib(page).getByRole('row', { name: /Node 4/ })).toBeVisible();
  await page.evaluate(() => window.ecmp.advance(3_200));
  await expect(fib(page).getByRole('row', { name: /Node 4/ })).toHaveCount(0);
  const { blackholeMs } = await page.evaluate(() => window.ecmp.figures());
  expect(blackholeMs).toBeGreaterThan(6_000);
  expect(blackholeMs).toBeLessThanOrEqual(9_100);
});

test('the strategies compared side by side on the same run', async ({ page }) => {
  await page.goto('./?preset=basic&paused=1');
  await page.evaluate(() => window.ecmp.advance(20_000));
  await page.getByRole('button', { name: 'Compare up to now' }).click();
  const table = page.getByRole('table', { name: 'Strategy comparison' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const lost = await page.evaluate(() => window.ecmp.figures().packetsLost);
  await expect(table.getByRole('row', { name: /running/ })).toContainText(
    lost.toLocaleString('en-US'),
  );
  await expect(table.getByRole('row', { name: /None/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /BFD/ })).toBeVisible();
});
