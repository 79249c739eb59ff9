/** The geometry of the drawn stage that the packet painter needs (derived from the layout). */
import { type Cubic, lerp, linkCubic, pointOnCubic } from '../../viz/geometry';
import type { Layout, Point } from '../../viz/layout';

export interface StageGeometry {
  clients: Point[];
  router: Point;
  /** Router→node path per node number. */
  nodes: Map<number, NodePath>;
}

/** A router→node path: a curve to the node's lane, then a straight run to its port. */
export interface NodePath {
  cubic: Cubic;
  port: Point;
  /** Fraction of the trip spent on the curve. */
  split: number;
}

export function pointOnPath(path: NodePath, t: number): Point {
  if (t < path.split) return pointOnCubic(path.cubic, t / path.split);
  return lerp(path.cubic.p3, path.port, (t - path.split) / (1 - path.split));
}

function nodePath(from: Point, lane: Point, port: Point): NodePath {
  const curve = Math.hypot(lane.x - from.x, lane.y - from.y);
  const tail = port.x - lane.x;
  return { cubic: linkCubic(from, lane), port, split: curve / (curve + Math.max(0, tail)) };
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
    nodes: new Map(layout.nodes.map((box) => [box.node, nodePath(exit, box.lane, box.port)])),
  };
}
