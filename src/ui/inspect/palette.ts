/**
 * One colour per next hop for the hash strip and the forwarding table's
 * swatches: the same Okabe–Ito swatches the charts give node N (so a node has
 * one colour across the page). Colour is never the only cue: regions carry
 * node labels and the table names each node.
 */
import { NODE_SWATCHES } from '../charts/palette';

/** Colour for node `node` (cycles every eight nodes, by node number). */
export function hopColor(node: number): string {
  return NODE_SWATCHES[(Math.max(1, node) - 1) % NODE_SWATCHES.length]!.fill;
}

/** Grey for flows with no route. */
export const NO_ROUTE_COLOR = 'var(--idle)';
