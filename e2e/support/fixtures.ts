/**
 * The project's Playwright fixtures: `ecmp` (window.ecmp, see ./ecmp.ts) and the
 * page objects `stage`, `routerPanel` and `timeline` (./pages.ts).
 *
 * @example
 * import { expect, test } from './support/fixtures';
 * test('node 4 leaves the forwarding table', async ({ ecmp, routerPanel }) => {
 *   await ecmp.open('?preset=basic&paused=1');
 *   await ecmp.advance(11_000);
 *   await expect(routerPanel.fibRow(4)).toHaveCount(0);
 * });
 */
import { test as base } from '@playwright/test';
import { Ecmp } from './ecmp';
import { RouterPanel, Stage, Timeline } from './pages';

export interface EcmpFixtures {
  ecmp: Ecmp;
  stage: Stage;
  routerPanel: RouterPanel;
  timeline: Timeline;
}

export const test = base.extend<EcmpFixtures>({
  ecmp: async ({ page }, use) => use(new Ecmp(page)),
  stage: async ({ page }, use) => use(new Stage(page)),
  routerPanel: async ({ page }, use) => use(new RouterPanel(page)),
  timeline: async ({ page }, use) => use(new Timeline(page)),
});

export { expect } from '@playwright/test';
export { Ecmp, type Figures, type RunFigures } from './ecmp';
export { RouterPanel, Stage, Timeline } from './pages';
