/**
 * A walkthrough's highlight: a ring laid over the page around a node, the
 * router or a table row. It is the runner's own element (not the app's), placed
 * again after every step since the thing it rings may move or go.
 */
import type { Locator, Page } from '@playwright/test';
import type { RouterPanel, Stage } from '../e2e/support/pages';

export type HighlightTarget =
  | 'router'
  | number
  | { table: 'Routing table' | 'Forwarding table'; row: number };

function locate(stage: Stage, panel: RouterPanel, target: HighlightTarget): Locator {
  if (target === 'router') return stage.router().first();
  if (typeof target === 'number') return stage.node(target).first();
  return target.table === 'Routing table' ? panel.ribRow(target.row) : panel.fibRow(target.row);
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * Ring `target` (or remove the ring, for null).
 * @returns false when the target is not on screen (the ring is then removed)
 */
export async function placeHighlight(
  page: Page,
  stage: Stage,
  panel: RouterPanel,
  target: HighlightTarget | null,
): Promise<boolean> {
  let box: Box | null = null;
  if (target !== null) {
    const element = locate(stage, panel, target);
    box = (await element.count()) > 0 ? await element.first().boundingBox() : null;
  }
  await page.evaluate((at: Box | null) => {
    let ring = document.querySelector<HTMLElement>('[data-walkthrough-highlight]');
    if (!at) {
      ring?.remove();
      return;
    }
    if (!ring) {
      ring = document.createElement('div');
      ring.dataset.walkthroughHighlight = '';
      ring.setAttribute('aria-hidden', 'true');
      Object.assign(ring.style, {
        position: 'fixed',
        zIndex: '60',
        pointerEvents: 'none',
        borderRadius: '12px',
        border: '3px solid #f59e0b',
        boxShadow: '0 0 0 4px rgba(245, 158, 11, 0.35), 0 0 24px rgba(245, 158, 11, 0.45)',
      });
      document.body.append(ring);
    }
    const pad = 6;
    Object.assign(ring.style, {
      left: `${at.x - pad}px`,
      top: `${at.y - pad}px`,
      width: `${at.width + 2 * pad}px`,
      height: `${at.height + 2 * pad}px`,
    });
  }, box);
  return target === null || box !== null;
}
