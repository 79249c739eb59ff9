import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// The page as a screen-reader or keyboard user meets it, in both themes.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('./?preset=basic&paused=1');
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await page.evaluate(() => window.ecmp.advance(12_000));
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(summary).toEqual([]);
  });
}
