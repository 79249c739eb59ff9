import { memo } from 'react';
import { useNodeView, useRouteView } from '../../store';
import { linkPath } from '../../viz/geometry';
import type { NodeBox, Point } from '../../viz/layout';
import { PATH_LABEL, PATH_TAG, pathState } from '../../viz/pathState';
import { formatShare } from '../../viz/shares';
import { Countdown } from './Countdown';

interface Props {
  box: NodeBox;
  from: Point;
  /** This node's live share of traffic (0..1), undefined when it gets none. */
  share: number | undefined;
  compact: boolean;
  /** A phone-sized stage: the label is the share alone, by the node. */
  narrow?: boolean;
}

/**
 * The router→node path: its state as `data-state` and as stroke style (solid,
 * dashed, dotted, thickness) plus a text tag, so colour is never the only cue;
 * the route's metric, the traffic share and the route's expiry countdown. In a
 * large cluster only the node's own stub off its group's bus is drawn per node
 * (the trunk and buses are shared, drawn once).
 */
export const PathView = memo(function PathView({ box, from, share, compact, narrow }: Props) {
  const route = useRouteView(box.node);
  const node = useNodeView(box.node);
  const state = pathState(route, node);
  const carries = state === 'fib' || state === 'blackhole';
  const tag = PATH_TAG[state];
  const stubFrom = box.via.at(-1) ?? box.lane;
  const d = compact
    ? `M${stubFrom.x},${stubFrom.y}H${box.port.x}`
    : `${linkPath(from, box.lane)}L${box.port.x},${box.port.y}`;
  return (
    <g className="path" data-state={state} data-node={box.node}>
      <title>{`Route from node ${box.node}: ${PATH_LABEL[state]}`}</title>
      <path d={d} className="path-line" />
      {narrow && carries && (
        <text x={box.port.x - 24} y={box.lane.y - 8} textAnchor="end" className="path-label">
          {formatShare(share)}
          {state === 'blackhole' ? ' ✕' : ''}
        </text>
      )}
      {!compact && !narrow && (
        // Above the path when it rises to its node, below when it falls, so the label clears the curve.
        <text
          x={box.lane.x - 30}
          y={box.lane.y > from.y + 1 ? box.lane.y + 22 : box.lane.y - 10}
          textAnchor="end"
          className="path-label"
        >
          {[route && `metric ${route.metric}`, carries && formatShare(share), tag]
            .filter(Boolean)
            .join(' · ')}
        </text>
      )}
      {route && route.expiresAtMs !== null && !compact && (
        <Countdown
          x={box.port.x - 13}
          y={box.port.y + 16}
          r={8}
          fromMs={route.lastHeardMs}
          toMs={route.expiresAtMs}
          className={
            route.stale ? 'countdown countdown-expiry-stale' : 'countdown countdown-expiry'
          }
          title="Route expiry"
        />
      )}
    </g>
  );
});
