import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// A teacher's demo: the router's tables stay in view, the experiment survives
// a change of strategy and a fork, the page reads from the back of the room and
// on a phone. The clock is paused and stepped with window.ecmp.

async function open(page: Page, query = '?preset=basic&paused=1') {
  await page.goto(`./${query}`);
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
}

const node = (page: Page, n: number) =>
  page.getByRole('button', { name: new RegExp(`^Node ${n}, `) });
const rib = (page: Page) => page.getByRole('table', { name: 'Routing table' });
const fib = (page: Page) => page.getByRole('table', { name: 'Forwarding table' });

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('clicking a node keeps the router’s tables on screen beside the node’s details', async ({
    page,
  }) => {
    await open(page);
    await node(page, 2).click();
    await expect(node(page, 2)).toHaveAccessibleName(/^Node 2, failed/);
    const details = page.getByRole('region', { name: 'Node 2' });
    await expect(details).toBeInViewport();
    await expect(details.getByRole('button', { name: 'Recover' })).toBeInViewport();
    await expect(rib(page)).toBeInViewport({ ratio: 1 });
    await expect(fib(page)).toBeInViewport({ ratio: 1 });
    await expect(rib(page).getByRole('row', { name: /^Node 2\b/ })).toBeVisible();
    await details.getByRole('button', { name: 'Close Node 2' }).click();
    await expect(details).toHaveCount(0);
    await expect(rib(page)).toBeVisible();
  });

  test('the stage, its click hint and the timeline are all above the fold', async ({ page }) => {
    await open(page);
    for (const locator of [
      page.getByRole('region', { name: 'Network topology' }),
      page.getByRole('slider', { name: 'Timeline' }),
      page.getByText('Click a node to fail it'),
    ]) {
      const box = await locator.boundingBox();
      expect(box, 'element is laid out').not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    }
  });

  test('body and table text is at least 15 px', async ({ page }) => {
    await open(page);
    const sizes = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'table td, table th[scope="row"], main p:not(.sr-only), [role="toolbar"] button, label',
        ),
      ]
        .filter((el) => (el as HTMLElement).offsetParent !== null && el.textContent?.trim())
        .map((el) => ({
          text: el.textContent!.trim().slice(0, 30),
          px: Number.parseFloat(getComputedStyle(el).fontSize),
        })),
    );
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter((s) => s.px < 15)).toEqual([]);
  });

  test('switching strategy re-runs the same clicks to the same moment, paused or playing as it was', async ({
    page,
    ecmp,
  }) => {
    await open(page);
    await ecmp.advance(3000);
    await node(page, 2).click();
    await ecmp.advance(2000);
    await page.getByLabel('Strategy').selectOption('bfd');
    expect((await ecmp.scenario()).strategy).toBe('bfd');
    expect(await ecmp.now()).toBe(5000);
    await expect(node(page, 2)).toHaveAccessibleName(/^Node 2, failed/);
    const faults = (await ecmp.scenario()).faults;
    expect(faults).toContainEqual({ atMs: 3000, node: 2, action: 'fail', kind: 'crash' });
    // The preset's own crash of node 4 at 10 s is still ahead.
    expect(faults).toContainEqual({ atMs: 10_000, node: 4, action: 'fail', kind: 'crash' });
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // Playing stays playing across a switch.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByLabel('Strategy').selectOption('none');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    expect(await ecmp.now()).toBeGreaterThanOrEqual(5000);
    await expect(node(page, 2)).toHaveAccessibleName(/^Node 2, failed/);
  });

  test('acting in the past keeps the scenario’s faults, drops the user’s later ones, and says so', async ({
    page,
    ecmp,
  }) => {
    await open(page);
    await ecmp.advance(5000);
    await node(page, 1).click();
    await ecmp.advance(2000);
    await ecmp.seek(3000);
    await node(page, 2).click();
    await expect(page.getByRole('status').filter({ hasText: 'History forked' })).toHaveText(
      /your 1 later action dropped; the scenario’s own faults are kept/,
    );
    await ecmp.advance(8000);
    // The preset crashes node 4 at 10 s: still there. The click on node 1 at 5 s: gone.
    await expect(node(page, 4)).toHaveAccessibleName(/^Node 4, failed/);
    await expect(node(page, 1)).toHaveAccessibleName(/^Node 1, active/);
    await expect(node(page, 2)).toHaveAccessibleName(/^Node 2, failed/);
  });
});

test('node names are at least 20 px on a 1920×1080 projector', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page);
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('.node-name')].map(
      (el) => Number.parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM()!.a,
    ),
  );
  expect(sizes).toHaveLength(4);
  for (const px of sizes) expect(px).toBeGreaterThanOrEqual(20);
});

test('64 nodes at 1920×1080: every node at least 24×16 px, none overlapping, node 37 clickable', async ({
  page,
  ecmp,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page);
  await ecmp.load({ version: 1, nodes: 64 });
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.node .node-box')].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  expect(boxes).toHaveLength(64);
  for (const [i, a] of boxes.entries()) {
    expect(a.w, `node ${i + 1} width`).toBeGreaterThanOrEqual(24);
    expect(a.h, `node ${i + 1} height`).toBeGreaterThanOrEqual(16);
    for (const [j, b] of boxes.entries()) {
      if (j <= i) continue;
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      expect(apart, `nodes ${i + 1} and ${j + 1} overlap`).toBe(true);
    }
  }
  await node(page, 37).click();
  await expect(node(page, 37)).toHaveAccessibleName(/^Node 37, failed/);
  await expect(rib(page)).toBeVisible();
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('no sideways scroll, the stage before the panels, touch targets of 44 px', async ({
    page,
  }) => {
    await open(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const stage = await page.getByRole('region', { name: 'Network topology' }).boundingBox();
    const inspector = await page.getByRole('complementary', { name: 'Inspector' }).boundingBox();
    expect(stage!.y).toBeLessThan(inspector!.y);
    expect(stage!.x + stage!.width).toBeLessThanOrEqual(390);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input[type="radio"]')]
        .map((el) => (el.closest('label') ?? el) as HTMLElement)
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({
          name: el.textContent?.trim() || el.getAttribute('aria-label'),
          h: el.getBoundingClientRect().height,
        }))
        .filter((t) => t.h < 44),
    );
    expect(small).toEqual([]);
  });

  test('the stage is drawn for the phone: its text reads at 12 px or more, node names at 15', async ({
    page,
  }) => {
    await open(page);
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll<SVGTextElement>('svg.topology text')]
        .filter((el) => el.getBoundingClientRect().width > 0 && /\w/.test(el.textContent ?? ''))
        .map((el) => ({
          text: el.textContent,
          name: el.classList.contains('node-name'),
          px: Number.parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM()!.a,
        })),
    );
    expect(sizes.filter((s) => s.name)).toHaveLength(4);
    for (const s of sizes) expect(s.px, s.text ?? '').toBeGreaterThanOrEqual(s.name ? 15 : 12);
  });
});

test('control-plane moments are announced in one polite live region; the clock is silent', async ({
  page,
  ecmp,
}) => {
  await open(page);
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  await expect(clock).toHaveAttribute('aria-live', 'off');
  const live = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '[aria-live="polite"], [role="status"]:not([aria-live="off"]), output:not([aria-live="off"])',
      ),
    ].map((el) => el.getAttribute('aria-label') ?? el.textContent),
  );
  expect(live).toEqual(['Control-plane announcements']);
  const region = page.getByRole('status', { name: 'Control-plane announcements' });
  await ecmp.fail(3, 'crash');
  await expect(region).toContainText('Node 3 crashes');
  // Detection, lowering and the new FIB follow within two simulated seconds,
  // told together at most a second after the last announcement.
  await ecmp.advance(2000);
  await expect(region).toContainText(/forwarding table now \{1, 2, 4\}|ECMP set \{1, 2, 4\}/i);
});

test('the table view lists each node’s state, metric, share and route status', async ({
  page,
  ecmp,
}) => {
  await open(page);
  await ecmp.advance(11_000);
  await page.getByRole('button', { name: 'Table view' }).click();
  const table = page.getByRole('table', { name: 'Stage table' });
  for (const header of ['Node', 'State', 'Metric', 'Share', 'Route status'])
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Node \d+/ })).toHaveCount(4);
  const node4 = table.getByRole('row', { name: /^Node 4\b/ });
  await expect(node4).toContainText('failed');
  await expect(node4).toContainText('stale');
  await expect(table.getByRole('row', { name: /^Node 1\b/ })).toContainText('99');
});

async function downloaded(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

test('the stage exports as a 2× PNG and as an SVG, with caption and simulated time', async ({
  page,
  ecmp,
}) => {
  await open(page);
  await ecmp.advance(11_000);
  const png = await downloaded(page, 'Export stage as PNG');
  expect(png.name).toMatch(/^ecmp-stage-11\.0s\.png$/);
  expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  const svg = await downloaded(page, 'Export stage as SVG');
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('Simulated time 00:11.000');
  expect(text).toContain('The basic story');
  // The packets in flight are in the picture, as many as the stage shows.
  const inFlight = await page.locator('canvas.packet-canvas').getAttribute('data-in-flight');
  expect(Number(inFlight)).toBeGreaterThan(0);
  expect(/<g class="packets" data-packets="(\d+)"/.exec(text)?.[1]).toBe(inFlight);
  expect(text.match(/<circle [^>]*r="3.2"/g)?.length ?? 0).toBeGreaterThan(0);
  // Haloed labels keep their halo behind the text.
  expect(text).toMatch(/paint-order:\s*stroke[^"]*"[^>]*>metric 100/);
  // The app's fonts travel with it.
  expect(text).toMatch(
    /@font-face\{font-family:"Inter Variable";[^}]*src:url\(data:font\/woff2;base64,/,
  );
  const width = Number(/<svg[^>]* width="(\d+)"/.exec(text)?.[1]);
  // The PNG is the SVG's picture at twice its size.
  expect(png.bytes.readUInt32BE(16)).toBe(2 * width);
});

test('a chart downloads as PNG besides SVG', async ({ page, ecmp }) => {
  await open(page);
  await ecmp.advance(11_000);
  const png = await downloaded(page, 'Download the Packets lost chart as PNG');
  expect(png.name).toMatch(/^packets-lost-11\.0s\.png$/);
  expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
});
