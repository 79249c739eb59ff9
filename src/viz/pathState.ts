/** How each router→node path and each node is drawn, decided from the snapshot. */
import type { NodeState, NodeView, RouteView } from '../sim';

/**
 * - `fib`: the route is installed in the forwarding table and the node delivers.
 * - `blackhole`: installed, but the node cannot deliver (down or unhealthy): traffic is lost.
 * - `stale`: the router still holds a route for a node that is down, not in the FIB.
 * - `standby`: the route is present but not best (not in the FIB).
 * - `absent`: the router holds no route from this node.
 */
export type PathState = 'fib' | 'blackhole' | 'stale' | 'standby' | 'absent';

export function isDelivering(node: NodeView | undefined): boolean {
  return node !== undefined && (node.state === 'active' || node.state === 'recovering');
}

export function pathState(route: RouteView | undefined, node: NodeView | undefined): PathState {
  if (!route) return 'absent';
  if (route.inFib) return isDelivering(node) && !route.stale ? 'fib' : 'blackhole';
  if (route.stale) return 'stale';
  return 'standby';
}

export const PATH_LABEL: Record<PathState, string> = {
  fib: 'in forwarding table',
  blackhole: 'black hole: in forwarding table, node down',
  stale: 'stale route (node down)',
  standby: 'present, not best',
  absent: 'no route',
};

/** Short tag drawn on the path itself. */
export const PATH_TAG: Record<PathState, string> = {
  fib: '',
  blackhole: '✕ black hole',
  stale: 'stale',
  standby: 'not best',
  absent: 'no route',
};

export const NODE_ICON: Record<NodeState, string> = {
  active: '✓',
  failed: '✕',
  unhealthy: '!',
  recovering: '↻',
};

const FAILURE_TEXT: Record<string, string> = {
  crash: 'crashed',
  link: 'link cut',
  carrier: 'carrier lost',
  unhealthy: 'health below threshold',
};

/** Accessible name: `Node 3, failed, crashed, metric 99`. The first two parts are a stable contract. */
export function nodeLabel(view: NodeView): string {
  const parts = [`Node ${view.node}`, view.state];
  if (view.state === 'failed' && view.failure)
    parts.push(FAILURE_TEXT[view.failure] ?? view.failure);
  parts.push(view.metric === null ? 'not advertising' : `metric ${view.metric}`);
  return parts.join(', ');
}

/** One-line detail under a node's name. */
export function nodeDetail(view: NodeView): string {
  if (view.state === 'failed' && view.failure) return FAILURE_TEXT[view.failure] ?? 'failed';
  return view.state;
}
