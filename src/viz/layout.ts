/**
 * Where everything sits on the topology stage, as pure functions of the node
 * count (1..256). Up to 12 nodes stand in one column; more go into a grid of
 * columns whose rows are staggered by a "lane" pitch, so the straight last
 * stretch of each path to column k runs through the gaps between the nodes of
 * columns 0..k-1 instead of across them.
 */
import { scaleLinear } from 'd3-scale';

export interface Point {
  x: number;
  y: number;
}

export interface NodeBox extends Point {
  node: number;
  /** Top-left corner is (x - width/2, y - height/2). */
  width: number;
  height: number;
  /** Where this node's path ends (middle of its left edge). */
  port: Point;
  /** Where the curve from the router ends and a straight lane to `port` begins. */
  lane: Point;
}

export interface Layout {
  width: number;
  height: number;
  compact: boolean;
  clients: Point[];
  router: Point & { r: number };
  nodes: NodeBox[];
  cluster: { x: number; y: number; width: number; height: number };
}

const WIDTH = 1000;
const SINGLE_COLUMN_MAX = 12;
const ROWS_MAX = 16;
const MARGIN = 56;

/** Rows and columns of the node grid for `count` nodes. */
export function gridShape(count: number): { rows: number; cols: number } {
  const n = Math.max(1, count);
  if (n <= SINGLE_COLUMN_MAX) return { rows: n, cols: 1 };
  const cols = Math.ceil(n / ROWS_MAX);
  return { rows: Math.ceil(n / cols), cols };
}

export function computeLayout(count: number): Layout {
  const n = Math.max(1, count);
  const { rows, cols } = gridShape(n);
  const compact = cols > 1;
  const nodeHeight = compact ? 30 : 48;
  // Column k sits k lanes below column 0; a lane clears a node's half-height.
  const lanePitch = nodeHeight / 2 + 5;
  const rowGap = compact ? Math.max(cols * lanePitch, nodeHeight + 16) : 68;
  const nodeWidth = compact ? 92 : 196;
  const colGap = compact ? 40 : 0;
  const stagger = compact ? rowGap / cols : 0;
  const gridHeight = (rows - 1) * rowGap + stagger * (cols - 1) + nodeHeight;
  const height = Math.max(420, gridHeight + 2 * MARGIN + 24);
  const mid = height / 2;
  const clusterLeft = compact ? 560 : 650;
  const firstCol = clusterLeft + 28 + nodeWidth / 2;
  const top = mid - gridHeight / 2 + nodeHeight / 2 + 12;
  const rowY = scaleLinear()
    .domain([0, Math.max(1, rows - 1)])
    .range([top, top + Math.max(1, rows - 1) * rowGap]);

  const nodes: NodeBox[] = [];
  for (let i = 0; i < n; i++) {
    const col = Math.floor(i / rows);
    const row = i % rows;
    const x = firstCol + col * (nodeWidth + colGap);
    const y = rows === 1 ? mid + 12 : rowY(row) + col * stagger;
    nodes.push({
      node: i + 1,
      x,
      y,
      width: nodeWidth,
      height: nodeHeight,
      port: { x: x - nodeWidth / 2, y },
      lane: { x: firstCol - nodeWidth / 2 - 18, y },
    });
  }
  const right = firstCol + (cols - 1) * (nodeWidth + colGap) + nodeWidth / 2 + 28;
  const clusterTop = top - nodeHeight / 2 - 58;
  const clusterBottom = top + gridHeight - nodeHeight / 2 + 20;
  const clients = [-1, 0, 1].map((k) => ({ x: 84, y: mid + k * 92 }));
  return {
    width: Math.max(WIDTH, right + MARGIN),
    height,
    compact,
    clients,
    router: { x: 330, y: mid, r: 34 },
    nodes,
    cluster: {
      x: clusterLeft,
      y: clusterTop,
      width: right - clusterLeft,
      height: clusterBottom - clusterTop,
    },
  };
}
