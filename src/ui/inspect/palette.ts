/**
 * One colour per next hop for the hash strip and the forwarding table's
 * swatches. Colour is never the only cue: regions carry node labels and the
 * table names each node. Mid-tone hues read on both the light and dark themes.
 */
const HUES = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#e15759',
  '#9c755f',
] as const;

/** Stable colour for node `node` (cycles every eight nodes, by node number). */
export function hopColor(node: number): string {
  return HUES[(Math.max(1, node) - 1) % HUES.length]!;
}

/** Grey for flows with no route. */
export const NO_ROUTE_COLOR = 'var(--idle)';
