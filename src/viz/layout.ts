/**
 * Where everything sits on the topology stage, as pure functions of the node
 * count (1..256).
 *
 * Up to 12 nodes stand in one column, each with its own path from the router.
 * Larger clusters are drawn as a comb: nodes in groups (columns of up to 8),
 * one trunk from the router into the cluster, a header bus along the top, a bus
 * down the left of each group and a short per-node stub into each node. No
 * path crosses a node, and every node keeps a glyph big enough to click.
 */

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
  /** Where the curve from the router ends; straight runs follow (`via`, then `port`). */
  lane: Point;
  /** Corners of the straight run between `lane` and `port` (the comb's header bus and group bus). */
  via: Point[];
}

/** The comb's shared wiring (clusters of more than 12 nodes). */
export interface Trunk {
  /** Where the trunk from the router enters the header bus. */
  join: Point;
  /** The header bus, from `join` to the last group's bus. */
  headerEndX: number;
  /** One bus per group: x, and from the header down to its last node. */
  buses: { x: number; top: number; bottom: number; first: number; last: number }[];
}

export interface Layout {
  width: number;
  height: number;
  compact: boolean;
  /** Drawn for a phone: path labels shortened to the share. */
  narrow: boolean;
  clients: Point[];
  router: Point & { r: number };
  nodes: NodeBox[];
  cluster: { x: number; y: number; width: number; height: number };
  trunk: Trunk | null;
}

const SINGLE_COLUMN_MAX = 12;

/** Rows and columns of the node grid for `count` nodes. */
export function gridShape(count: number): { rows: number; cols: number } {
  const n = Math.max(1, count);
  if (n <= SINGLE_COLUMN_MAX) return { rows: n, cols: 1 };
  const rows = n <= 96 ? 8 : Math.ceil(n / 12);
  return { rows, cols: Math.ceil(n / rows) };
}

/**
 * `narrow`: a phone-sized stage. One client, the router close to the cluster,
 * so the drawing keeps a readable scale at 360 px wide.
 */
export function computeLayout(count: number, narrow = false): Layout {
  const n = Math.max(1, count);
  return n <= SINGLE_COLUMN_MAX ? columnLayout(n, narrow) : combLayout(n);
}

function columnLayout(n: number, narrow: boolean): Layout {
  const roomy = n <= 6;
  const nodeHeight = roomy ? 58 : 46;
  const pitch = nodeHeight + (roomy ? 22 : 12);
  // On a phone the node boxes are narrower (their Fail/Recover pill moves up to the
  // name's line), so the whole drawing is scaled down less and its text stays legible.
  const nodeWidth = narrow ? 204 : 272;
  const gridHeight = (n - 1) * pitch + nodeHeight;
  const height = Math.max(narrow ? 320 : 400, gridHeight + 120);
  const mid = height / 2 + 10;
  const clusterLeft = narrow ? 152 : 500;
  const x = clusterLeft + 30 + nodeWidth / 2;
  const top = mid - gridHeight / 2 + nodeHeight / 2;
  const nodes: NodeBox[] = [];
  for (let i = 0; i < n; i++) {
    const y = n === 1 ? mid : top + i * pitch;
    nodes.push({
      node: i + 1,
      x,
      y,
      width: nodeWidth,
      height: nodeHeight,
      port: { x: x - nodeWidth / 2, y },
      lane: { x: x - nodeWidth / 2 - 18, y },
      via: [],
    });
  }
  const clusterTop = top - nodeHeight / 2 - 56;
  const clusterBottom = top + gridHeight - nodeHeight / 2 + 18;
  const right = x + nodeWidth / 2 + (narrow ? 34 : 44);
  return {
    width: right + (narrow ? 10 : 24),
    height,
    compact: false,
    narrow,
    clients: narrow ? [{ x: 36, y: mid }] : [-1, 0, 1].map((k) => ({ x: 56, y: mid + k * 96 })),
    router: narrow ? { x: 102, y: mid, r: 28 } : { x: 262, y: mid, r: 38 },
    nodes,
    cluster: {
      x: clusterLeft,
      y: clusterTop,
      width: right - clusterLeft,
      height: clusterBottom - clusterTop,
    },
    trunk: null,
  };
}

function combLayout(n: number): Layout {
  const { rows, cols } = gridShape(n);
  const nodeWidth = 86;
  const nodeHeight = 30;
  const rowPitch = nodeHeight + 10;
  const colPitch = nodeWidth + 34;
  const clusterLeft = 370;
  const headerY = 110;
  const gridTop = headerY + 22 + nodeHeight / 2;
  const firstBusX = clusterLeft + 30;
  const height = Math.max(420, gridTop + (rows - 1) * rowPitch + nodeHeight / 2 + 40);
  const mid = (headerY + height) / 2;
  const nodes: NodeBox[] = [];
  const buses: Trunk['buses'] = [];
  const join = { x: clusterLeft - 14, y: headerY };
  for (let c = 0; c < cols; c++) {
    const busX = firstBusX + c * colPitch;
    const x = busX + 16 + nodeWidth / 2;
    const first = c * rows + 1;
    const last = Math.min(n, (c + 1) * rows);
    for (let node = first; node <= last; node++) {
      const y = gridTop + (node - first) * rowPitch;
      nodes.push({
        node,
        x,
        y,
        width: nodeWidth,
        height: nodeHeight,
        port: { x: x - nodeWidth / 2, y },
        lane: join,
        via: [
          { x: busX, y: headerY },
          { x: busX, y },
        ],
      });
    }
    buses.push({ x: busX, top: headerY, bottom: gridTop + (last - first) * rowPitch, first, last });
  }
  const right = firstBusX + (cols - 1) * colPitch + 16 + nodeWidth + 18;
  return {
    width: right + 24,
    height,
    compact: true,
    narrow: false,
    clients: [-1, 0, 1].map((k) => ({ x: 48, y: mid + k * 96 })),
    router: { x: 200, y: mid, r: 36 },
    nodes,
    cluster: { x: clusterLeft, y: 36, width: right - clusterLeft, height: height - 36 - 14 },
    trunk: { join, headerEndX: buses.at(-1)!.x, buses },
  };
}
