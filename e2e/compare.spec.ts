import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { type Ecmp, expect, type RunFigures, test } from './support/fixtures';

// The side-by-side view: one run per strategy on one clock and one fault
// schedule, opened from the address or the header, with a scoreboard that
// reads the same numbers as window.ecmp.figures().

const LABEL = {
  none: 'None (router expiry only)',
  'metric-lowering': 'Metric lowering (patent)',
  bfd: 'BFD on the router',
} as const;
type Id = keyof typeof LABEL;

const run = (page: Page, id: Id) => page.getByRole('region', { name: `Run: ${LABEL[id]}` });
const nodeIn = (region: Locator, node: number) =>
  region.getByRole('button', { name: new RegExp(`^Node ${node}, `) });
const scoreboard = (page: Page) => page.getByRole('table', { name: 'Scoreboard' });

/** The scoreboard as numbers, row by row: label, packets lost, flows broken, black hole in ms. */
async function readScoreboard(page: Page) {
  const rows = scoreboard(page).getByRole('row');
  // The view loads just after the page: wait for its table before reading it.
  await expect(scoreboard(page).getByRole('columnheader', { name: 'Black hole' })).toBeVisible();
  const header = await rows.first().getByRole('columnheader').allInnerTexts();
  expect(header.slice(0, 4)).toEqual(['Strategy', 'Packets lost', 'Flows broken', 'Black hole']);
  const count = await rows.count();
  const out = [];
  for (let i = 1; i < count; i++) {
    const row = rows.nth(i);
    const label = ((await row.getByRole('rowheader').textContent()) ?? '').trim();
    const cells = await row.getByRole('cell').allInnerTexts();
    const whole = (text: string) => Number(text.replace(/,/g, ''));
    const blackhole = /^(\d+\.\d{3}) s$/.exec(cells[2]!.trim());
    expect(blackhole, `black hole cell "${cells[2]}"`).not.toBeNull();
    out.push({
      label,
      packetsLost: whole(cells[0]!),
      flowsBroken: whole(cells[1]!),
      blackholeMs: Math.round(Number(blackhole![1]) * 1000),
      left: cells[3]!.trim(),
    });
  }
  return out;
}

const asRows = (figures: RunFigures[]) =>
  figures.map((f) => ({
    label: LABEL[f.strategy],
    packetsLost: f.packetsLost,
    flowsBroken: f.flowsBroken,
    blackholeMs: f.blackholeMs,
  }));

async function expectScoreboardMatches(page: Page, ecmp: Ecmp) {
  const figures = await ecmp.runFigures();
  let shown: Awaited<ReturnType<typeof readScoreboard>> = [];
  // The scoreboard is written by a painter a few times a second: read until it has caught up.
  await expect(async () => {
    shown = await readScoreboard(page);
    expect(shown.map(({ left: _left, ...rest }) => rest)).toEqual(asRows(figures));
  }).toPass({ timeout: 5_000 });
  return { figures, shown };
}

test('opened from the address: one region per run, each with its own node buttons', async ({
  page,
  ecmp,
}) => {
  await ecmp.open('?preset=basic&paused=1&compare=none,metric-lowering');
  await expect(run(page, 'none')).toBeVisible();
  await expect(run(page, 'metric-lowering')).toBeVisible();
  await expect(run(page, 'bfd')).toHaveCount(0);
  for (const id of ['none', 'metric-lowering'] as const) {
    for (const node of [1, 2, 3, 4]) {
      await expect(nodeIn(run(page, id), node)).toHaveAccessibleName(
        new RegExp(`^Node ${node}, active, metric 100`),
      );
    }
  }
  // The one-run stage and its inspector fold away.
  await expect(page.getByRole('region', { name: 'Network topology' })).toHaveCount(0);
  const figures = await ecmp.runFigures();
  expect(figures.map((f) => f.strategy)).toEqual(['none', 'metric-lowering']);
  await expect(scoreboard(page).getByRole('row')).toHaveCount(3);
  await expect(page.getByText(/^No node has failed yet/)).toBeVisible();
});

test('a click on a node in one run fails it in every run, at the same moment', async ({
  page,
  ecmp,
}) => {
  await ecmp.open('?preset=basic&paused=1&compare=none,metric-lowering,bfd');
  await ecmp.advance(2_000);
  await nodeIn(run(page, 'bfd'), 2).click();
  for (const id of ['none', 'metric-lowering', 'bfd'] as const) {
    await expect(nodeIn(run(page, id), 2)).toHaveAccessibleName(/^Node 2, failed/);
    await expect(nodeIn(run(page, id), 1)).toHaveAccessibleName(/^Node 1, active/);
  }
  // The click is a fault at 2 s in the shared schedule.
  expect((await ecmp.scenario()).faults).toContainEqual({
    atMs: 2_000,
    node: 2,
    action: 'fail',
    kind: 'crash',
  });
  await ecmp.advance(3_000);
  const figures = await ecmp.runFigures();
  expect(figures.map((f) => f.tMs)).toEqual([5_000, 5_000, 5_000]);
  // The same traffic in each; node 2's loss shows in each.
  expect(new Set(figures.map((f) => f.packetsSent)).size).toBe(1);
  for (const f of figures) expect(f.packetsLost).toBeGreaterThan(0);
  const by = Object.fromEntries(figures.map((f) => [f.strategy, f]));
  // Expiry alone black-holes longest.
  expect(by.none!.blackholeMs).toBeGreaterThan(by['metric-lowering']!.blackholeMs);

  // Recovering it from another run recovers it everywhere.
  await nodeIn(run(page, 'none'), 2).click();
  for (const id of ['none', 'metric-lowering', 'bfd'] as const) {
    await expect(nodeIn(run(page, id), 2)).not.toHaveAccessibleName(/^Node 2, failed/);
  }
});

test('the scoreboard shows exactly the figures window.ecmp reports, as time runs', async ({
  page,
  ecmp,
}) => {
  await ecmp.open('?preset=basic&paused=1&compare=none,metric-lowering,bfd');
  await ecmp.advance(9_000);
  await expectScoreboardMatches(page, ecmp);
  // Node 4 crashes at 10 s in this preset.
  await ecmp.advance(3_000);
  const { figures, shown } = await expectScoreboardMatches(page, ecmp);
  const by = Object.fromEntries(figures.map((f) => [f.strategy, f]));
  // Each run is its own: the survivors lowered their metric only under metric lowering.
  await expect(nodeIn(run(page, 'metric-lowering'), 1)).toHaveAccessibleName(/metric 99/);
  await expect(nodeIn(run(page, 'none'), 1)).toHaveAccessibleName(/metric 100/);
  // Under None node 4 is still in the forwarding table 2 s on; under metric lowering it left.
  expect(shown[0]!.left).toBe('not yet');
  expect(shown[1]!.left).toMatch(/^\d+\.\d{3} s$/);
  await expect(scoreboard(page)).toContainText('Node 4 left the forwarding table after');
  // The sentence under it names the runs and the numbers shown.
  const why = page.getByText(/black-holed traffic longest/);
  await expect(why).toContainText(
    `None black-holed traffic longest (${(by.none!.blackholeMs / 1000).toFixed(3)} s)`,
  );
  await expect(why).toContainText(
    `Metric lowering shortest (${(by['metric-lowering']!.blackholeMs / 1000).toFixed(3)} s)`,
  );
  // Played on, the numbers keep following (painted, not re-rendered per frame).
  await ecmp.advance(15_000);
  await expectScoreboardMatches(page, ecmp);
  // Back in time too: every run goes back.
  await ecmp.seek(11_000);
  const back = await expectScoreboardMatches(page, ecmp);
  expect(back.figures.map((f) => f.tMs)).toEqual([11_000, 11_000, 11_000]);
});

test('window.ecmp drives every run: fail, seek, advance', async ({ page, ecmp }) => {
  await ecmp.open('?preset=basic&paused=1&compare=metric-lowering,bfd');
  await ecmp.advance(4_000);
  await ecmp.fail(3, 'link');
  for (const id of ['metric-lowering', 'bfd'] as const) {
    await expect(nodeIn(run(page, id), 3)).toHaveAccessibleName(/^Node 3, failed/);
  }
  await ecmp.seek(1_000);
  for (const id of ['metric-lowering', 'bfd'] as const) {
    await expect(nodeIn(run(page, id), 3)).toHaveAccessibleName(/^Node 3, active/);
  }
  expect((await ecmp.runFigures()).map((f) => f.tMs)).toEqual([1_000, 1_000]);
  await ecmp.advance(5_000);
  for (const id of ['metric-lowering', 'bfd'] as const) {
    await expect(nodeIn(run(page, id), 3)).toHaveAccessibleName(/^Node 3, failed/);
  }
  expect(await ecmp.now()).toBe(6_000);
});

test('opened and left from the header; the address follows', async ({ page, ecmp }) => {
  await ecmp.open('?preset=basic&paused=1&strategy=bfd');
  await ecmp.advance(11_000);
  const toggle = page.getByRole('button', { name: 'Side by side' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  for (const id of ['none', 'metric-lowering', 'bfd'] as const) {
    await expect(nodeIn(run(page, id), 4)).toHaveAccessibleName(/^Node 4, failed/);
  }
  // The current run keeps its strategy and moment; the others join it there.
  expect((await ecmp.scenario()).strategy).toBe('bfd');
  expect((await ecmp.runFigures()).map((f) => [f.strategy, f.tMs])).toEqual([
    ['none', 11_000],
    ['metric-lowering', 11_000],
    ['bfd', 11_000],
  ]);
  await expect
    .poll(() => new URL(page.url()).searchParams.get('compare'))
    .toBe('none,metric-lowering,bfd');
  // Fewer runs: untick one (the last two cannot both go).
  await page.getByRole('checkbox', { name: LABEL.none }).uncheck();
  await expect(run(page, 'none')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: LABEL.bfd })).toBeDisabled();
  await expect
    .poll(() => new URL(page.url()).searchParams.get('compare'))
    .toBe('metric-lowering,bfd');
  await page.getByRole('button', { name: 'Back to one run' }).click();
  await expect(run(page, 'bfd')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Network topology' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Packets lost' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBeNull();
  // The normal view's figures are one run's again.
  const figures = await ecmp.figures();
  expect(Array.isArray(figures)).toBe(false);
  expect(figures.tMs).toBe(11_000);
});

const refusals: [string, string][] = [
  ['none,fast', 'compare: "fast" is not a strategy (allowed: none, metric-lowering, bfd)'],
  ['bfd,bfd', 'compare: "bfd" is listed twice'],
  ['none', 'compare: 1 strategy given; name 2 or 3'],
  ['none,bfd,metric-lowering,none', 'compare: "none" is listed twice'],
  ['', 'compare: empty'],
];
for (const [value, message] of refusals) {
  test(`compare=${value || '(empty)'} is reported and the rest of the address applies`, async ({
    page,
    ecmp,
  }) => {
    await ecmp.open(`?preset=cascade&seed=9&paused=1&compare=${value}`);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('alert')).toContainText('the rest applies');
    const scenario = await ecmp.scenario();
    expect([scenario.name, scenario.seed]).toEqual(['cascade', 9]);
    await expect(page.getByRole('region', { name: 'Network topology' })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Run: / })).toHaveCount(0);
    expect(Array.isArray(await page.evaluate(() => window.ecmp.figures()))).toBe(false);
    await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBeNull();
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the side-by-side view has no accessibility violations (${colorScheme})`, async ({
    page,
    ecmp,
  }) => {
    await page.emulateMedia({ colorScheme });
    await ecmp.open('?preset=basic&paused=1&compare=none,metric-lowering,bfd');
    await ecmp.advance(12_000);
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(summary).toEqual([]);
  });
}

test('on a phone the runs stack, with no sideways scroll', async ({ page, ecmp }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ecmp.open('?preset=basic&paused=1&compare=none,metric-lowering,bfd');
  await ecmp.advance(12_000);
  const boxes = await Promise.all(
    (['none', 'metric-lowering', 'bfd'] as const).map((id) => run(page, id).boundingBox()),
  );
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height);
  }
  const scoreboardBox = await scoreboard(page).boundingBox();
  expect(scoreboardBox!.y).toBeGreaterThan(boxes[2]!.y);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

const layouts: [number, number, Id[], number][] = [
  [1920, 1080, ['none', 'metric-lowering', 'bfd'], 3],
  [1280, 800, ['none', 'metric-lowering'], 2],
  [1280, 800, ['none', 'metric-lowering', 'bfd'], 2],
];
for (const [width, height, ids, perRow] of layouts) {
  test(`at ${width}×${height}, ${ids.length} runs sit ${perRow} to a row`, async ({
    page,
    ecmp,
  }) => {
    await page.setViewportSize({ width, height });
    await ecmp.open(`?preset=basic&paused=1&compare=${ids.join(',')}`);
    const boxes = await Promise.all(ids.map((id) => run(page, id).boundingBox()));
    const firstRow = boxes.filter((b) => Math.abs(b!.y - boxes[0]!.y) < 1);
    expect(firstRow).toHaveLength(perRow);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  });
}
