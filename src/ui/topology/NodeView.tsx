import { memo, useCallback } from 'react';
import { select, toggleNode, useAppStore, useNodeView } from '../../store';
import type { NodeBox } from '../../viz/layout';
import { NODE_ICON, nodeDetail, nodeLabel } from '../../viz/pathState';
import { Countdown } from './Countdown';

interface Props {
  box: NodeBox;
}

/** One cluster node: a button that fails or recovers it. Re-renders only when its own view changes. */
export const NodeView = memo(function NodeView({ box }: Props) {
  const view = useNodeView(box.node);
  const selected = useAppStore((s) => s.selected?.kind === 'node' && s.selected.node === box.node);
  const act = useCallback(() => {
    toggleNode(box.node);
    select({ kind: 'node', node: box.node });
  }, [box.node]);
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        act();
      }
    },
    [act],
  );
  if (!view) return null;
  const { width, height } = box;
  const compact = height < 40;
  const iconR = compact ? 9 : 12;
  const iconX = -width / 2 + (compact ? 14 : 20);
  const textX = iconX + iconR + 8;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; role + tabIndex + keys make it one.
    <g
      role="button"
      tabIndex={0}
      aria-label={nodeLabel(view)}
      aria-pressed={view.state !== 'active'}
      data-state={view.state}
      data-node={view.node}
      className="node"
      transform={`translate(${box.x} ${box.y})`}
      onClick={act}
      onKeyDown={onKeyDown}
    >
      <rect
        x={-width / 2}
        y={-height / 2}
        width={width}
        height={height}
        rx={8}
        className={selected ? 'node-box node-selected' : 'node-box'}
      />
      <circle cx={iconX} r={iconR} className="node-icon" />
      <text x={iconX} dy="0.35em" textAnchor="middle" className="node-icon-text">
        {NODE_ICON[view.state]}
      </text>
      <text x={textX} y={compact ? 0 : -5} dy={compact ? '0.35em' : 0} className="node-name">
        {compact ? `N${view.node}` : `Node ${view.node}`}
      </text>
      {compact ? (
        <text x={width / 2 - 6} dy="0.35em" textAnchor="end" className="node-metric">
          {view.metric ?? '–'}
        </text>
      ) : (
        <text x={textX} y={13} className="node-detail">
          {nodeDetail(view)} · {view.metric === null ? 'silent' : `metric ${view.metric}`}
        </text>
      )}
      {view.restoreAtMs !== null && (
        <RestoreTimer
          x={compact ? width / 2 + 11 : width / 2 - 16}
          r={compact ? 7 : 10}
          toMs={view.restoreAtMs}
        />
      )}
    </g>
  );
});

function RestoreTimer({ x, r, toMs }: { x: number; r: number; toMs: number }) {
  const waitMs = useAppStore((s) => s.scenario?.metric.restoreWaitMs ?? 0);
  return (
    <Countdown
      x={x}
      y={0}
      r={r}
      fromMs={toMs - waitMs}
      toMs={toMs}
      className="countdown countdown-restore"
      title="Restore wait"
    />
  );
}
