/** The Status column of the routing table: one word (and an icon) per route. */
import type { RouteView } from '../../sim';
import type { Glyph } from './icons';

export interface RouteStatus {
  glyph: Glyph;
  text: string;
  /** Longer explanation, read by screen readers and shown as a tooltip. */
  detail: string;
}

export function routeStatus(route: RouteView): RouteStatus {
  if (route.inFib && route.stale) {
    return {
      glyph: 'cross',
      text: 'in FIB, stale',
      detail: 'Installed but the node is down: a black hole until the route leaves the FIB',
    };
  }
  if (route.inFib) {
    return { glyph: 'check', text: 'in FIB', detail: 'Best and installed: carries traffic' };
  }
  if (route.stale) {
    return {
      glyph: 'warn',
      text: 'stale',
      detail: 'The node is down; the router holds its route until it expires',
    };
  }
  if (route.status === 'garbage') {
    return {
      glyph: 'ring',
      text: 'timed out',
      detail: 'RIP: timed out, kept as unreachable until garbage collection flushes it',
    };
  }
  if (route.best) {
    return {
      glyph: 'dot',
      text: 'best',
      detail: 'Best metric, not (yet) in the forwarding table',
    };
  }
  return { glyph: 'ring', text: 'not best', detail: 'A higher metric than the best route' };
}
