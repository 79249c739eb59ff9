import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';

// The bottom panel: the Timeline slider scrubs the clock, event-log entries
// seek to their event, and the Packets lost chart and the CSV export report
// the same figures as window.ecmp. Time is driven through window.ecmp only.

test('the Timeline slider scrubs by keyboard', async ({ page, ecmp, timeline }) => {
  await ecmp.open();
  await ecmp.advance(30_000);
  const slider = timeline.slider;
  await expect(slider).toHaveAttribute('aria-valuemax', '60000');
  await expect(slider).toHaveAttribute('aria-valuetext', '30.0 s');

  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  expect(await ecmp.now()).toBe(29_900);
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await ecmp.now()).toBe(28_900);
  await page.keyboard.press('PageDown');
  expect(await ecmp.now()).toBe(18_900);
  await expect(slider).toHaveAttribute('aria-valuetext', '18.9 s');
  await page.keyboard.press('ArrowRight');
  expect(await ecmp.now()).toBe(19_000);
  await page.keyboard.press('Home');
  expect(await ecmp.now()).toBe(0);
  await page.keyboard.press('End');
  expect(await ecmp.now()).toBe(60_000);
  await expect(slider).toHaveAttribute('aria-valuenow', '60000');
});

test('clicking the Timeline seeks there and pauses', async ({ page, ecmp, timeline }) => {
  await ecmp.open();
  await ecmp.advance(30_000);
  await timeline.clickAt(0.5);
  const t = await ecmp.now();
  expect(t).toBeGreaterThan(0);
  expect(t).toBeLessThan(60_000);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('an event-log entry seeks to its event', async ({ ecmp, timeline }) => {
  await ecmp.open();
  await ecmp.advance(30_000);
  await expect(timeline.eventLog).toBeVisible();
  // Show only forwarding-table changes.
  await timeline.toggleCategories('Faults', 'Cluster', 'Metric', 'Router');
  const installs = timeline.entries(/FIB: Router installs ECMP set/);
  await expect(installs).toHaveCount(5);
  // The first install after node 4 fails at 10 s.
  const names = await installs.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
  const times = names.map((n) => Math.round(Number.parseFloat(n) * 1000));
  const index = times.findIndex((t) => t > 10_000);
  expect(index).toBeGreaterThan(0);
  await installs.nth(index).click();
  expect(await ecmp.now()).toBe(times[index]);
  await expect(installs.nth(index)).toHaveAttribute('aria-current', 'step');
});

test('the Packets lost chart and the CSV report the figures', async ({ page, ecmp }) => {
  await ecmp.open();
  await ecmp.advance(30_000);
  const figures = await ecmp.figures();
  expect(figures.packetsLost).toBeGreaterThan(0);
  const chart = page.getByRole('figure', { name: 'Packets lost' });
  await expect(chart.getByRole('img')).toHaveAttribute(
    'aria-label',
    `Packets lost: ${figures.packetsLost.toLocaleString('en-US')} so far`,
  );

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download figures (CSV)' }).click();
  const csv = await readFile((await (await csvDownload).path())!, 'utf8');
  const [header, ...rows] = csv
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const column = (name: string) => {
    const i = header!.indexOf(name);
    expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
    return rows.reduce((sum, row) => sum + Number(row[i]), 0);
  };
  expect(column('lost')).toBe(figures.packetsLost);
  expect(column('flows_broken')).toBe(figures.flowsBroken);
  const sent = [1, 2, 3, 4].reduce((sum, n) => sum + column(`node${n}_packets`), 0);
  expect(sent).toBe(figures.packetsSent);

  const svgDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: /as SVG/ }).click();
  const svg = await readFile((await (await svgDownload).path())!, 'utf8');
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).not.toContain('var(--');
});
