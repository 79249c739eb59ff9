import { expect, test } from './support/fixtures';

// The lesson end to end, as a student sees it: node 4 of the basic preset
// crashes at 10 s (lab timers: update 3 s, expiry 9 s, heartbeats 200 ms × 3).

test('metric lowering: stepping the paused clock, node 4 leaves the forwarding table long before its route expires', async ({
  page,
  ecmp,
  stage,
  routerPanel,
}) => {
  await ecmp.open('?preset=basic&paused=1');
  await expect(routerPanel.fibRow(4)).toBeVisible();

  // The first step lands on the crash itself.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => ecmp.now()).toBe(10_000);
  await expect(stage.node(4)).toHaveAccessibleName(/^Node 4, failed/);
  await expect(routerPanel.fibRow(4)).toBeVisible();

  // Step event by event until the router's forwarding table drops node 4.
  for (let i = 0; i < 40; i++) {
    if ((await routerPanel.fibRow(4).count()) === 0) break;
    await page.getByRole('button', { name: 'Step' }).click();
  }
  await expect(routerPanel.fibRow(4)).toHaveCount(0);
  const droppedAt = await ecmp.now();
  // Detection (≤ 4 heartbeats) + propagation + coalescing + FIB install: well under a second.
  expect(droppedAt).toBeGreaterThan(10_000);
  expect(droppedAt).toBeLessThan(11_000);
  // The router still holds the dead node's stale route at 100; what it forwards
  // to now are the nodes that already lowered to 99 (maybe just the first one).
  await expect(routerPanel.ribRow(4)).toContainText('stale');
  const forwarding = await routerPanel.ecmpSet();
  expect(forwarding.length).toBeGreaterThan(0);
  for (const node of forwarding) {
    await expect(routerPanel.ribRow(node)).toContainText('99');
  }

  // After the wait (9 s) everyone is back at 100 and node 4's route has expired.
  await ecmp.advance(12_000);
  await expect(routerPanel.ribRow(4)).toHaveCount(0);
  await expect(routerPanel.ribRow(1)).toContainText('100');
  await expect(routerPanel.fibRows()).toHaveCount(3);
  const figures = await ecmp.figures();
  expect(figures.blackholeMs).toBeLessThan(1_000);
  await expect(page.getByRole('group', { name: 'Packets lost' })).toContainText(
    figures.packetsLost.toLocaleString('en-US'),
  );
});

test('baseline: without metric lowering the black hole lasts until the route expires', async ({
  ecmp,
  routerPanel,
}) => {
  await ecmp.open('?preset=basic&strategy=none&paused=1');
  await ecmp.advance(10_000);
  const atCrash = (await ecmp.figures()).packetsLost;
  // Half a second on, node 4 is still in the forwarding table and packets are being lost.
  await ecmp.advance(500);
  await expect(routerPanel.fibRow(4)).toBeVisible();
  expect((await ecmp.figures()).packetsLost).toBeGreaterThan(atCrash);

  // Expiry counts from node 4's last keepalive (at most 3 s before the crash):
  // its route goes between 6 and 9 s after the crash, plus the router's delays.
  await ecmp.advance(5_400);
  await expect(routerPanel.fibRow(4)).toBeVisible();
  await ecmp.advance(3_200);
  await expect(routerPanel.fibRow(4)).toHaveCount(0);
  const { blackholeMs } = await ecmp.figures();
  expect(blackholeMs).toBeGreaterThan(6_000);
  expect(blackholeMs).toBeLessThanOrEqual(9_100);
});

test('waitFor runs the paused clock to the next event of a type, and says when none comes', async ({
  ecmp,
  routerPanel,
}) => {
  await ecmp.open('?preset=basic&paused=1');
  const crash = await ecmp.waitFor('node-fail');
  expect(crash).toMatchObject({ tMs: 10_000, type: 'node-fail', node: 4 });
  expect(await ecmp.now()).toBe(10_000);
  // Node 1's own detection, not the first survivor's.
  const detect = await ecmp.waitFor('detect', { node: 1 });
  expect(detect).toMatchObject({ type: 'detect', node: 1, lost: [4] });
  expect(await ecmp.now()).toBe(detect!.tMs);
  const install = await ecmp.waitFor('fib-install');
  await expect(routerPanel.fibRow(4)).toHaveCount(0);
  expect(await routerPanel.ecmpSet()).toEqual((install as { ecmp: number[] }).ecmp);
  // Node 4 recovers at 40 s: no second crash comes within 5 s, nor before the end.
  const before = await ecmp.now();
  expect(await ecmp.waitFor('node-fail', { withinMs: 5_000 })).toBeNull();
  expect(await ecmp.now()).toBe(before + 5_000);
  expect(await ecmp.waitFor('node-fail')).toBeNull();
  expect(await ecmp.now()).toBe((await ecmp.scenario()).durationMs);
});

test('the strategies compared side by side on the same run', async ({ page, ecmp }) => {
  await ecmp.open('?preset=basic&paused=1');
  await ecmp.advance(20_000);
  await page.getByRole('button', { name: 'Compare up to now' }).click();
  const table = page.getByRole('table', { name: 'Strategy comparison' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const lost = (await ecmp.figures()).packetsLost;
  await expect(table.getByRole('row', { name: /running/ })).toContainText(
    lost.toLocaleString('en-US'),
  );
  await expect(table.getByRole('row', { name: /None/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /BFD/ })).toBeVisible();
});
