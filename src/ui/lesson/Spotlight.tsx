import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Spotlight as Target } from '../../lesson/types';
import { appStore } from '../../store';
import { MARGIN_LEFT, MARGIN_RIGHT } from '../timeline/scale';

type Box = { x: number; y: number; width: number; height: number };

const stage = () => document.querySelector('section[aria-label="Network topology"]');

/** The table of that name on screen (presenter mode shows a copy under the stage). */
function tableNamed(name: string): HTMLTableElement | null {
  for (const table of document.querySelectorAll('table')) {
    if (table.getClientRects().length === 0) continue;
    if (table.querySelector('caption')?.textContent?.trim() === name) return table;
  }
  return null;
}

/** Where a target is on screen now, or null when it is not shown. */
function locate(target: Target): Box | null {
  let element: Element | null | undefined = null;
  switch (target.kind) {
    case 'node':
      element = stage()?.querySelector(`.node[data-node="${target.node}"]`);
      break;
    case 'ring':
      element = stage()?.querySelector(`.path[data-node="${target.node}"] .countdown`);
      break;
    case 'router':
      element = stage()?.querySelector('.router');
      break;
    case 'route':
      element = tableNamed('Routing table')?.querySelector(`tr[data-node="${target.node}"]`);
      break;
    case 'table':
      element = tableNamed(target.table);
      break;
    case 'timeline': {
      const slider = document.querySelector('[role="slider"][aria-label="Timeline"]');
      const duration = appStore.getState().scenario?.durationMs;
      if (!slider || !duration) return null;
      const r = slider.getBoundingClientRect();
      // Folded away (presenter mode hides the timeline): nothing to ring.
      if (r.width === 0 && r.height === 0) return null;
      const span = Math.max(1, r.width - MARGIN_LEFT - MARGIN_RIGHT);
      const x = (ms: number) => r.left + MARGIN_LEFT + (span * ms) / duration;
      const left = x(target.fromMs);
      return { x: left, y: r.top, width: Math.max(6, x(target.toMs) - left), height: r.height };
    }
  }
  if (!element) return null;
  const r = element.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

const PAD: Record<Exclude<Target['kind'], 'path'>, number> = {
  node: 6,
  ring: 5,
  router: 8,
  route: 2,
  table: 4,
  timeline: 2,
};

/**
 * Outlines on the page around what the step points at (a node, the expiry
 * ring, the router, a table row, a stretch of the timeline); a path glows. Drawn over
 * the page, never in the way of a click, and placed again ten times a second
 * since what they ring moves (zoom, resize, a table row that comes and goes).
 */
export function Spotlight({ targets }: { targets: readonly Target[] }) {
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A path glows along its own line (a box around a curve would ring empty space).
    const marked = new Set<Element>();
    const mark = () => {
      for (const target of targets) {
        if (target.kind !== 'path') continue;
        const path = stage()?.querySelector(`.path[data-node="${target.node}"]`);
        if (path && !marked.has(path)) {
          path.setAttribute('data-lesson-spot', '');
          marked.add(path);
        }
      }
    };
    const place = () => {
      mark();
      const root = layer.current;
      if (!root) return;
      const rings = root.children;
      targets.forEach((target, i) => {
        const ring = rings[i] as HTMLElement | undefined;
        if (!ring) return;
        const box = target.kind === 'path' ? null : locate(target);
        if (!box) {
          ring.style.display = 'none';
          return;
        }
        const pad = target.kind === 'path' ? 0 : PAD[target.kind];
        ring.style.display = 'block';
        ring.style.transform = `translate(${box.x - pad}px, ${box.y - pad}px)`;
        ring.style.width = `${box.width + 2 * pad}px`;
        ring.style.height = `${box.height + 2 * pad}px`;
      });
    };
    place();
    const timer = window.setInterval(place, 100);
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      for (const path of marked) path.removeAttribute('data-lesson-spot');
      window.clearInterval(timer);
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [targets]);
  return createPortal(
    <div ref={layer} className="lesson-spotlight" aria-hidden="true">
      {targets.map((t, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the targets are fixed for a step
        <div key={i} className="lesson-spot" data-kind={t.kind} style={{ display: 'none' }} />
      ))}
    </div>,
    document.body,
  );
}
