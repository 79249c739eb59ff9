/**
 * Event categories: how the log filters events and how the timeline and the
 * log mark them. Each category has a colour AND a shape (colour is never the
 * only cue), both drawn by `EventGlyph`.
 */
import type { SimEvent, SimEventType } from '../../sim';

export type Category = 'fault' | 'cluster' | 'metric' | 'router' | 'fib';

export interface CategoryInfo {
  id: Category;
  /** Filter chip and legend text. */
  label: string;
  /** Short tag shown on each log row. */
  tag: string;
  /** A theme colour (CSS custom property). */
  color: string;
  shape: 'square' | 'tick' | 'circle' | 'triangle' | 'diamond';
}

export const CATEGORIES: readonly CategoryInfo[] = [
  { id: 'fault', label: 'Faults', tag: 'Fault', color: 'var(--bad)', shape: 'square' },
  { id: 'cluster', label: 'Cluster', tag: 'Cluster', color: 'var(--ok)', shape: 'tick' },
  { id: 'metric', label: 'Metric', tag: 'Metric', color: 'var(--warn)', shape: 'circle' },
  { id: 'router', label: 'Router', tag: 'Router', color: 'var(--stale)', shape: 'triangle' },
  { id: 'fib', label: 'FIB', tag: 'FIB', color: 'var(--route)', shape: 'diamond' },
];

const BY_TYPE: Record<SimEventType, Category> = {
  'node-fail': 'fault',
  'node-recover': 'fault',
  'drain-start': 'fault',
  'drain-done': 'fault',
  detect: 'cluster',
  'member-join': 'cluster',
  'member-leave': 'cluster',
  advertise: 'metric',
  'timer-start': 'metric',
  'timer-fire': 'metric',
  'withdraw-sent': 'metric',
  'update-held': 'metric',
  'health-down': 'cluster',
  'health-up': 'cluster',
  'session-up': 'router',
  'update-received': 'router',
  'withdraw-received': 'router',
  'route-removed': 'router',
  'route-flushed': 'router',
  'best-path': 'router',
  'buckets-rebalanced': 'router',
  'fib-install': 'fib',
};

export function categoryOf(event: SimEvent): Category {
  return BY_TYPE[event.type];
}

export function categoryInfo(id: Category): CategoryInfo {
  return CATEGORIES.find((c) => c.id === id)!;
}

/** Whether an event concerns node `node` (as its subject, or as a lost or joined member). */
export function mentionsNode(event: SimEvent, node: number): boolean {
  if ('node' in event && event.node === node) return true;
  if (event.type === 'detect') return event.lost.includes(node);
  if (event.type === 'member-join') return event.joined.includes(node);
  if (event.type === 'member-leave') return event.left.includes(node);
  return false;
}
