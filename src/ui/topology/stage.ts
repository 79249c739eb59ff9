/** The geometry of the drawn stage that the packet painter needs (derived from the layout). */
import { type Cubic, lerp, linkCubic, pointOnCubic } from '../../viz/geometry';
import type { Layout, NodeBox, Point } from '../../viz/layout';

export interface StageGeometry {
  clients: Point[];
  router: Point;
  /** Router→node path per node number. */
  nodes: Map<number, NodePath>;
}

/** A router→node path: a curve to the node's lane, then straight runs to its port. */
export interface NodePath {
  cubic: Cubic;
  /** The straight run after the curve: lane, its corners, then the port. */
  run: Point[];
  port: Point;
  /** Fraction of the trip spent on the curve, then the cumulative fraction at each corner of `run`. */
  split: number;
  marks: number[];
}

export function pointOnPath(path: NodePath, t: number): Point {
  if (t < path.split) return pointOnCubic(path.cubic, t / path.split);
  const { run, marks } = path;
  for (let i = 1; i < run.length; i++) {
    const end = marks[i]!;
    if (t <= end || i === run.length - 1) {
      const start = marks[i - 1]!;
      return lerp(run[i - 1]!, run[i]!, end > start ? Math.min(1, (t - start) / (end - start)) : 1);
    }
  }
  return path.port;
}

const dist = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

function nodePath(from: Point, box: NodeBox): NodePath {
  const run = [box.lane, ...box.via, box.port];
  const curve = dist(from, box.lane);
  const legs = run.slice(1).map((p, i) => dist(run[i]!, p));
  const total = curve + legs.reduce((a, b) => a + b, 0);
  const marks = [curve / total];
  for (const leg of legs) marks.push(marks.at(-1)! + leg / total);
  return { cubic: linkCubic(from, box.lane), run, port: box.port, split: marks[0]!, marks };
}

/** Where a router→node path starts: on the router's rim, facing the node. */
export function routerExit(layout: Layout): Point {
  return { x: layout.router.x + layout.router.r, y: layout.router.y };
}

export function stageGeometry(layout: Layout): StageGeometry {
  const exit = routerExit(layout);
  return {
    clients: layout.clients.map((c) => ({ x: c.x + 22, y: c.y })),
    router: { x: layout.router.x - layout.router.r, y: layout.router.y },
    nodes: new Map(layout.nodes.map((box) => [box.node, nodePath(exit, box)])),
  };
}
