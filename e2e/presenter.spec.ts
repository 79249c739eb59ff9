import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// Presenter mode (a projector, a remote) and the caption that tells the room
// what is happening. The clock is paused and stepped with window.ecmp.

const toggle = (page: Page) => page.getByRole('button', { name: 'Presenter mode' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const caption = (page: Page) => page.getByRole('note', { name: 'Stage caption' });
const area = (box: { width: number; height: number } | null) => (box ? box.width * box.height : 0);

test.describe('presenter mode at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the toggle and the address follow each other; the side panels fold away', async ({
    page,
    ecmp,
  }) => {
    await ecmp.open('?preset=basic&paused=1');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(inspector(page)).toBeVisible();
    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/[?&]present=1\b/);
    await expect(inspector(page)).toBeHidden();
    await expect(page.getByRole('region', { name: 'Charts and event log' })).toBeHidden();
    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(page).not.toHaveURL(/present=/);
    await expect(inspector(page)).toBeVisible();
  });

  test('while presenting, Fullscreen fills the screen and leaves it again', async ({
    page,
    ecmp,
  }) => {
    await ecmp.open('?preset=basic&paused=1');
    const fullscreen = page.getByRole('button', { name: 'Fullscreen' });
    await expect(fullscreen).toHaveCount(0);
    await toggle(page).click();
    await expect(fullscreen).toHaveAttribute('aria-pressed', 'false');
    await fullscreen.click();
    await expect(fullscreen).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(
      true,
    );
    await fullscreen.click();
    await expect(fullscreen).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  test('&present=1 opens in presenter mode, and a reload keeps it', async ({ page, ecmp }) => {
    await ecmp.open('?preset=basic&paused=1&present=1');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(inspector(page)).toBeHidden();
    await page.reload();
    await ecmp.ready();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  });

  test('the stage covers at least 65 % of the screen, its nodes at least 1.3× their size', async ({
    page,
    ecmp,
    stage,
  }) => {
    await ecmp.open('?preset=basic&paused=1');
    const normal = await stage.node(1).boundingBox();
    await toggle(page).click();
    await expect(inspector(page)).toBeHidden();
    await ecmp.advance(0);
    const presented = await stage.node(1).boundingBox();
    const region = await stage.region.boundingBox();
    expect(area(region)).toBeGreaterThanOrEqual(0.65 * 1920 * 1080);
    expect(region!.x).toBeGreaterThanOrEqual(0);
    expect(region!.y + region!.height).toBeLessThanOrEqual(1080);
    expect(presented!.width).toBeGreaterThanOrEqual(1.3 * normal!.width);
    expect(presented!.height).toBeGreaterThanOrEqual(1.3 * normal!.height);
    await expect(stage.node(1)).toBeInViewport({ ratio: 1 });
    await expect(stage.node(4)).toBeInViewport({ ratio: 1 });
  });

  test('the full stop and Page Down step to the next event, Page Up back to the previous', async ({
    page,
    ecmp,
  }) => {
    await ecmp.open('?preset=basic&paused=1&present=1');
    const lastEventMs = () => page.evaluate(() => window.ecmp.events().at(-1)?.tMs ?? -1);
    await page.keyboard.press('PageDown');
    const t1 = await ecmp.now();
    expect(t1).toBeGreaterThan(0);
    expect(await lastEventMs()).toBe(t1);
    await page.keyboard.press('.');
    const t2 = await ecmp.now();
    expect(t2).toBeGreaterThan(t1);
    expect(await lastEventMs()).toBe(t2);
    await page.keyboard.press('PageDown');
    const t3 = await ecmp.now();
    expect(t3).toBeGreaterThan(t2);
    await page.keyboard.press('PageUp');
    await expect.poll(() => ecmp.now()).toBe(t2);
    await page.keyboard.press('PageUp');
    await expect.poll(() => ecmp.now()).toBe(t1);
    // Focus on the toggle (just clicked, as a presenter would) does not swallow the remote's keys.
    await toggle(page).focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => ecmp.now()).toBe(t2);
  });

  test('outside presenter mode Page Down leaves the clock alone', async ({ page, ecmp }) => {
    await ecmp.open('?preset=basic&paused=1');
    await page.keyboard.press('PageDown');
    expect(await ecmp.now()).toBe(0);
  });

  test('a bad present= value is named; the rest of the link applies', async ({ page, ecmp }) => {
    await ecmp.open('?preset=cascade&seed=5&present=yes&paused=1');
    await expect(page.getByRole('alert')).toContainText('present: "yes" is not 1 or 0');
    const scenario = await ecmp.scenario();
    expect(scenario.seed).toBe(5);
    expect(scenario.faults.map((f) => f.node)).toEqual([4, 3]);
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('cascade');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(page).not.toHaveURL(/present=/);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no accessibility violations in presenter mode (${colorScheme})`, async ({
      page,
      ecmp,
    }) => {
      await page.emulateMedia({ colorScheme });
      await ecmp.open('?preset=basic&paused=1&present=1');
      await ecmp.advance(12_000);
      await expect(caption(page)).toContainText('advertise 99');
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect(summary).toEqual([]);
    });
  }
});

test.describe('the caption above the stage', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  const quiet = (strategy: string) => ({ version: 1, nodes: 4, durationMs: 60_000, strategy });

  test('after failing node 4 under metric lowering: the black hole, then the stale route', async ({
    page,
    ecmp,
    stage,
    routerPanel,
  }) => {
    await ecmp.open('?preset=basic&paused=1');
    await ecmp.load(quiet('metric-lowering'));
    await ecmp.advance(5000);
    await expect(caption(page)).toHaveText(
      'All 4 nodes advertise 100, so the router installs ECMP and spreads the flows over all of them.',
    );
    await stage.node(4).click();
    await ecmp.advance(300);
    const share = (await routerPanel.fibRow(4).getByText(/%$/).textContent())!.trim();
    const expires = (await routerPanel
      .ribRow(4)
      .getByRole('cell', { name: /^\d+\.\d s$/ })
      .first()
      .textContent())!;
    await expect(caption(page)).toHaveText(
      `Node 4 crashed 0.3 s ago; the router cannot tell and still sends it ${share} of flows, which are lost, until its peers miss its heartbeats and lower their metric (its route would expire only in ${expires.trim()}).`,
    );
    await ecmp.advance(2000);
    await expect(routerPanel.fibRow(4)).toHaveCount(0);
    await expect(caption(page)).toContainText('Nodes 1, 2 and 3 advertise 99 and restore 100 in');
    await expect(caption(page)).toContainText('its stale route at 100 is no longer best');
    // The moving numbers keep up with the clock.
    const before = await caption(page).textContent();
    await ecmp.advance(1000);
    await expect(caption(page)).not.toHaveText(before!);
    await expect(caption(page)).toContainText('its stale route at 100 is no longer best');
  });

  test('after failing node 4 under none: the router keeps sending it flows until expiry', async ({
    page,
    ecmp,
    stage,
    routerPanel,
  }) => {
    await ecmp.open('?preset=basic&paused=1');
    await ecmp.load(quiet('none'));
    await ecmp.advance(5000);
    await stage.node(4).click();
    await ecmp.advance(2300);
    await expect(routerPanel.fibRow(4)).toHaveCount(1);
    const share = (await routerPanel.fibRow(4).getByText(/%$/).textContent())!.trim();
    await expect(caption(page)).toContainText(
      `Node 4 crashed 2.3 s ago; the router cannot tell and still sends it ${share} of flows, which are lost, until its route expires in`,
    );
    await expect(caption(page)).not.toContainText('lower');
    await ecmp.advance(10_000);
    await expect(routerPanel.fibRow(4)).toHaveCount(0);
    const blackholeS = ((await ecmp.figures()).blackholeMs / 1000).toFixed(1);
    await expect(caption(page)).toContainText(`(its flows were lost for ${blackholeS} s)`);
  });

  test('after a fork, it tells only this history', async ({ page, ecmp, stage }) => {
    await ecmp.open('?preset=basic&paused=1');
    await ecmp.load(quiet('metric-lowering'));
    await ecmp.advance(5000);
    await stage.node(4).click();
    await ecmp.advance(5000);
    await expect(caption(page)).toContainText('node 4');
    await ecmp.seek(3000);
    await expect(caption(page)).toHaveText(/^All 4 nodes advertise 100/);
    await stage.node(2).click();
    await ecmp.advance(400);
    await expect(caption(page)).toHaveText(/^Node 2 crashed 0.4 s ago/);
    await expect(caption(page)).not.toContainText('Node 4');
    await expect(caption(page)).not.toContainText('node 4');
  });

  test('an exported stage picture carries the caption of its moment, not the scenario’s plan', async ({
    page,
    ecmp,
  }) => {
    await ecmp.open('?preset=basic&paused=1&strategy=none');
    await ecmp.advance(12_000);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export stage as SVG' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const svg = (await readFile(await download.path())).toString('utf8');
    const shown = (await caption(page).textContent())!;
    expect(shown).toContain('Node 4 crashed 2.0 s ago; the router cannot tell');
    expect(svg).toContain('Node 4 crashed 2.0 s ago; the router cannot tell');
    // The basic story's description speaks of lowering to 99, which never happens under none.
    expect(svg).not.toContain('lower to 99');
  });

  test('the scenario’s own description stays one click away; the caption is not a live region', async ({
    page,
    ecmp,
  }) => {
    await ecmp.open('?preset=basic&paused=1');
    await expect(caption(page)).not.toHaveAttribute('aria-live', /.+/);
    const summary = page.getByText('About this scenario:');
    await expect(summary).toContainText('The basic story');
    await summary.click();
    await expect(page.getByText('Node 4 crashes at 10 s')).toBeVisible();
  });
});

test('on a phone the caption wraps and nothing scrolls sideways', async ({ page, ecmp }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ecmp.open('?preset=basic&paused=1');
  await ecmp.advance(12_000);
  const box = await caption(page).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(box!.height).toBeGreaterThan(40);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a walkthrough’s { "present": true } step turns presenter mode on by its button', async () => {
  test.setTimeout(120_000);
  const { spawnSync } = await import('node:child_process');
  const { readdir, writeFile } = await import('node:fs/promises');
  const out = test.info().outputPath('walk');
  const script = test.info().outputPath('present.json');
  await writeFile(
    script,
    JSON.stringify({
      version: 1,
      name: 'present',
      viewport: { width: 1920, height: 1080 },
      steps: [{ load: 'basic' }, { present: true }, { shot: 'on' }, { present: false }],
    }),
  );
  const run = spawnSync('npx', ['tsx', 'walkthroughs/run.ts', script, '--out', out, '--no-video'], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain('present true');
  expect(await readdir(out)).toContain('01-on.png');
});
