import { expect, test } from './support/fixtures';

// The side panel's inspectors, driven as a teacher would: a paused clock,
// stepped with window.ecmp, and every element found by role and name.

test('the router inspector is shown by default, one row per route and per next hop', async ({
  page,
  ecmp,
  routerPanel,
}) => {
  await ecmp.open();
  await expect(
    routerPanel.routingTable.getByRole('columnheader', { name: 'Metric', exact: true }),
  ).toBeVisible();
  await expect(routerPanel.ribRows()).toHaveCount(4);
  await expect(routerPanel.fibRows()).toHaveCount(4);
  await expect(page.getByText('Hash-threshold (RFC 2992)')).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Hash space split among Node 1, Node 2/ }),
  ).toBeVisible();
});

test('after a crash and detection, the stale route stays in the RIB but leaves the FIB', async ({
  page,
  ecmp,
  routerPanel,
}) => {
  await ecmp.open();
  await ecmp.advance(5000);
  await ecmp.fail(4, 'crash');
  // Past detection (3 missed 200 ms heartbeats) and the router's FIB update, before expiry (9 s).
  await ecmp.advance(2000);
  await expect(routerPanel.fibRows()).toHaveCount(3);
  await expect(routerPanel.fibRow(4)).toHaveCount(0);
  const node4 = routerPanel.ribRow(4);
  await expect(node4).toHaveCount(1);
  await expect(node4).toContainText('stale');
  await expect(node4.getByRole('cell').first()).toHaveText('100');
  await expect(routerPanel.ribRow(1)).toContainText('99');
  await expect(page.getByText(/\d+ of \d+ sampled flows moved at the last change/)).toBeVisible();
});

test('the node inspector shows the lowered metric and the restore timer', async ({
  page,
  ecmp,
  routerPanel,
}) => {
  await ecmp.open();
  // The preset crashes node 4 at 10 s; the survivors lower to 99 and start their wait.
  await ecmp.advance(11_000);
  await routerPanel.inspect(1);
  const inspector = page.getByRole('region', { name: 'Node 1' });
  await expect(inspector).toContainText('99');
  await expect(inspector).toContainText('base 100, lowered by 1');
  const timer = inspector.getByRole('progressbar', { name: 'Restore timer' });
  await expect(timer).toBeVisible();
  await expect(timer).toHaveAttribute('aria-valuetext', /^restores in \d+\.\d s$/);
  const before = Number(await timer.getAttribute('aria-valuenow'));
  await ecmp.advance(2000);
  expect(Number(await timer.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
  await expect(inspector.getByRole('list', { name: /Active node set/ })).toContainText('4: absent');
});

test('the node inspector fails and recovers its node', async ({
  page,
  ecmp,
  stage,
  routerPanel,
}) => {
  await ecmp.open();
  await routerPanel.inspect(2);
  const inspector = page.getByRole('region', { name: 'Node 2' });
  await inspector.getByRole('button', { name: /^Fail/ }).click();
  await expect(stage.node(2)).toHaveAccessibleName(/^Node 2, failed/);
  await expect(inspector.getByRole('button', { name: /^Fail/ })).toBeDisabled();
  await inspector.getByRole('button', { name: 'Recover' }).click();
  await expect(stage.node(2)).toHaveAccessibleName(/^Node 2, (recovering|active)/);
});
