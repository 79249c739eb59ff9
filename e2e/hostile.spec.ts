import { expect, type Page, test } from '@playwright/test';

// Hostile or odd input names its problem and leaves the running scenario
// alone: imported files in other encodings or with thousands of problems,
// window.ecmp.load of values that are not JSON, and a valid but
// misconfigured scenario that is shown with a warning.

const nodeButtons = (page: Page) => page.getByRole('button', { name: /^Node \d+, / });
const files = (page: Page) => page.getByRole('region', { name: 'Scenario file' });

async function openWithFiles(page: Page) {
  await page.goto('./?preset=basic&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await page.evaluate(() => window.ecmp.advance(2500));
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByLabel('Import scenario file');
}

const good = JSON.stringify({ version: 1, nodes: 5, seed: 3 });
const utf16le = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

for (const [name, buffer] of [
  [
    'UTF-8 with a byte-order mark',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]),
  ],
  ['UTF-16 with a byte-order mark', utf16le(good)],
] as const) {
  test(`import reads ${name}`, async ({ page }) => {
    const input = await openWithFiles(page);
    await input.setInputFiles({ name: 'file.json', mimeType: 'application/json', buffer });
    await expect(files(page).getByRole('status')).toContainText('Loaded file.json');
    await expect(nodeButtons(page)).toHaveCount(5);
  });
}

test('import refuses UTF-16 without a mark by its encoding, and keeps the run', async ({
  page,
}) => {
  const input = await openWithFiles(page);
  await input.setInputFiles({
    name: 'bare.json',
    mimeType: 'application/json',
    buffer: utf16le(good).subarray(2),
  });
  await expect(files(page).getByRole('alert')).toContainText(
    'the file looks like UTF-16 text without a byte-order mark; save it as UTF-8',
  );
  await expect(nodeButtons(page)).toHaveCount(4);
  expect(await page.evaluate(() => window.ecmp.now())).toBe(2500);
});

test('import of a file with thousands of problems lists 20 and counts the rest', async ({
  page,
}) => {
  const input = await openWithFiles(page);
  const faults = Array.from({ length: 3000 }, () => ({ atMs: 1, node: 9, action: 'fail' }));
  await input.setInputFiles({
    name: 'many.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, nodes: 2, faults })),
  });
  const alert = files(page).getByRole('alert');
  await expect(alert).toContainText('faults[19].node: node 9 does not exist');
  await expect(alert).toContainText('…and 2980 more problems (the first 20 are listed)');
  await expect(alert).not.toContainText('faults[20]');
  await expect(nodeButtons(page)).toHaveCount(4);
});

test('import of a bare null names what a scenario is, once', async ({ page }) => {
  const input = await openWithFiles(page);
  await input.setInputFiles({
    name: 'null.json',
    mimeType: 'application/json',
    buffer: Buffer.from('null'),
  });
  const alert = files(page).getByRole('alert');
  await expect(alert).toContainText('scenario: expected an object, got null');
  await expect(alert).not.toContainText('scenario: scenario');
});

test('window.ecmp.load names a BigInt, a function, a cycle, Infinity and a Map', async ({
  page,
}) => {
  await page.goto('./?preset=basic&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  const messages = await page.evaluate(async () => {
    const cycle: Record<string, unknown> = { version: 1, nodes: 3 };
    cycle.protocol = { preset: 'lab', back: cycle };
    const attempts: unknown[] = [
      10n,
      () => 1,
      { version: 1, nodes: 2n },
      { version: 1, nodes: 3, traffic: { flows: () => 5 } },
      cycle,
      { version: 1, nodes: Number.POSITIVE_INFINITY },
      { version: 1, nodes: Number.NaN },
      { version: 1, nodes: 3, faults: new Map() },
    ];
    const out: string[] = [];
    for (const attempt of attempts) {
      out.push(
        await window.ecmp.load(attempt).then(
          () => 'loaded',
          (error: Error) => `${error.name}: ${error.message}`,
        ),
      );
    }
    return out;
  });
  expect(messages).toEqual([
    'Error: load: got a BigInt (10n); give a scenario object or a preset name',
    'Error: load: got a function; give a scenario object or a preset name',
    'Error: load: scenario.nodes is a BigInt (2n), not a JSON number; a scenario holds only JSON data',
    'Error: load: scenario.traffic.flows is a function; a scenario holds only JSON data',
    'Error: load: scenario.protocol.back refers back to an object that holds it (a cycle); a scenario holds only JSON data',
    expect.stringMatching(/^ScenarioError: nodes: expected a (whole )?number, got Infinity/),
    expect.stringMatching(/^ScenarioError: nodes: expected a (whole )?number, got NaN/),
    'Error: load: scenario.faults is a Map object, not plain data; a scenario holds only JSON data',
  ]);
  expect(await page.evaluate(() => window.ecmp.scenario().name)).toBe('basic');
  await expect(nodeButtons(page)).toHaveCount(4);
});

test('updates no sooner than the expiry are shown with a warning, and the run goes on', async ({
  page,
}) => {
  await page.goto('./?preset=basic&paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await expect(page.getByRole('note', { name: 'Scenario warning' })).toHaveCount(0);
  await page.evaluate(() =>
    window.ecmp.load({ version: 1, nodes: 3, protocol: { updateMs: 10_000, expiryMs: 5000 } }),
  );
  await expect(page.getByRole('note', { name: 'Scenario warning' })).toContainText(
    'protocol.updateMs 10000 is not below protocol.expiryMs 5000',
  );
  await expect(nodeButtons(page)).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
