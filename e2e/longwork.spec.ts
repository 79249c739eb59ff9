import { expect, test } from './support/fixtures';

// A valid but huge scenario: a day of 100,000 flows on 64 nodes.
const faults = Array.from({ length: 48 }, (_, i) => ({
  atMs: (i + 1) * 1_800_000,
  node: (i % 64) + 1,
  action: i % 2 ? 'recover' : 'fail',
  ...(i % 2 ? {} : { kind: 'crash' }),
})).map((f, i, all) => (i % 2 ? { ...f, node: all[i - 1]!.node } : f));
const huge = {
  version: 1,
  nodes: 64,
  durationMs: 86_400_000,
  protocol: { preset: 'bgp' },
  traffic: { flows: 100_000, packetsPerSecond: 10 },
  faults,
};

test('a seek of six hours in a huge scenario leaves the page answering, then shows the result', async ({
  page,
  ecmp,
}) => {
  test.setTimeout(180_000);
  await page.goto('./?paused=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  await ecmp.load(huge);
  // Frames keep coming and clicks are handled while the core works: a seek that
  // blocked the main thread would be over before either could happen.
  const result = await page.evaluate(async () => {
    let frames = 0;
    let finished = false;
    const count = () => {
      frames++;
      if (!finished) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const seeking = window.ecmp.seek(6 * 3_600_000).then(() => {
      finished = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    const toggle = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Play');
    toggle?.click();
    await new Promise((r) => requestAnimationFrame(r));
    const answered = !finished && toggle?.textContent === 'Pause';
    const framesDuring = frames;
    await seeking;
    return { answered, framesDuring, now: window.ecmp.now() };
  }, null);
  expect(result.answered).toBe(true);
  expect(result.framesDuring).toBeGreaterThan(1);
  // It got there; the click above set the clock playing, so it may have run on a frame or two.
  expect(result.now).toBeGreaterThanOrEqual(6 * 3_600_000);
  expect(result.now).toBeLessThan(6 * 3_600_000 + 10_000);
  await expect(page.getByRole('status').filter({ hasText: 'Seeking' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await ecmp.pause();
});
