import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// Honest packets: the packet layer reports what it draws on the canvas's data
// attributes (doomed packets and drops), read here with the clock paused and stepped.
const drawn = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.packet-canvas');
    return {
      doomed: Number(canvas?.dataset.doomed ?? 0),
      drops: Number(canvas?.dataset.drops ?? 0),
    };
  });

test('packets sent into the black hole are drawn as doomed and dropped at the dead node', async ({
  page,
  ecmp,
}) => {
  await page.goto('./?preset=basic&strategy=none&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await ecmp.advance(9_000);
  expect(await drawn(page)).toEqual({ doomed: 0, drops: 0 });
  // Node 4 crashes at 10 s; without metric lowering the router keeps it in the FIB.
  await ecmp.advance(1_500);
  const during = await drawn(page);
  expect(during.doomed + during.drops).toBeGreaterThan(0);
});

test('once the forwarding table drops the dead node, no packet is doomed', async ({
  page,
  ecmp,
}) => {
  await page.goto('./?preset=basic&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  // Metric lowering takes node 4 out of the FIB well within a second of the crash at 10 s;
  // two seconds on, every packet in flight left the router after that.
  await ecmp.advance(13_000);
  expect(await drawn(page)).toEqual({ doomed: 0, drops: 0 });
});
