import { memo, useCallback } from 'react';
import { select, toggleNode, useNodeView, useRun, useRunStore } from '../../store';
import type { NodeBox } from '../../viz/layout';
import { NODE_ICON, nodeDetail, nodeLabel } from '../../viz/pathState';
import { Countdown } from './Countdown';

interface Props {
  box: NodeBox;
  /** Drawn for a phone: the action pill sits on the name's line. */
  narrow?: boolean;
}

/** One cluster node: a button that fails or recovers it. Re-renders only when its own view changes. */
export const NodeView = memo(function NodeView({ box, narrow = false }: Props) {
  const view = useNodeView(box.node);
  const selected = useRunStore((s) => s.selected?.kind === 'node' && s.selected.node === box.node);
  const run = useRun();
  const act = useCallback(() => {
    (run?.toggleNode ?? toggleNode)(box.node);
    (run?.select ?? select)({ kind: 'node', node: box.node });
  }, [box.node, run]);
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
  const up = view.state === 'active' || view.state === 'recovering';
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; role + tabIndex + keys make it one.
    <g
      role="button"
      tabIndex={0}
      aria-label={nodeLabel(view)}
      aria-pressed={view.state !== 'active'}
      data-state={view.state}
      data-node={view.node}
      className={compact ? 'node node-compact' : 'node'}
      transform={`translate(${box.x} ${box.y})`}
      onClick={act}
      onKeyDown={onKeyDown}
    >
      <rect
        x={-width / 2}
        y={-height / 2}
        width={width}
        height={height}
        rx={compact ? 6 : 10}
        className={selected ? 'node-box node-selected' : 'node-box'}
      />
      {compact ? (
        <CompactBody
          width={width}
          node={view.node}
          icon={NODE_ICON[view.state]}
          metric={view.metric}
        />
      ) : (
        <>
          <circle cx={-width / 2 + 24} r={height > 50 ? 14 : 12} className="node-icon" />
          <text x={-width / 2 + 24} dy="0.35em" textAnchor="middle" className="node-icon-text">
            {NODE_ICON[view.state]}
          </text>
          <text x={-width / 2 + 46} y={-4} className="node-name">
            Node {view.node}
          </text>
          <text x={-width / 2 + 46} y={height > 50 ? 17 : 14} className="node-detail">
            {nodeDetail(view)} · {view.metric === null ? 'silent' : `metric ${view.metric}`}
          </text>
          {/* The affordance: what a click does, drawn as a button on the node itself. */}
          <g
            className="node-action"
            transform={
              narrow ? `translate(${width / 2 - 42} -13)` : `translate(${width / 2 - 40} 0)`
            }
          >
            {narrow ? (
              <rect x={-36} y={-11} width={72} height={22} rx={11} className="node-action-box" />
            ) : (
              <rect x={-32} y={-13} width={64} height={26} rx={13} className="node-action-box" />
            )}
            <text dy="0.35em" textAnchor="middle" className="node-action-text">
              {up ? 'Fail' : 'Recover'}
            </text>
          </g>
        </>
      )}
      {view.restoreAtMs !== null && (
        <RestoreTimer
          x={compact ? width / 2 - 9 : width / 2 + 20}
          r={compact ? 5.5 : 11}
          toMs={view.restoreAtMs}
        />
      )}
    </g>
  );
});

function CompactBody({
  width,
  node,
  icon,
  metric,
}: {
  width: number;
  node: number;
  icon: string;
  metric: number | null;
}) {
  return (
    <>
      <circle cx={-width / 2 + 13} r={8.5} className="node-icon" />
      <text x={-width / 2 + 13} dy="0.35em" textAnchor="middle" className="node-icon-text">
        {icon}
      </text>
      <text x={-width / 2 + 27} dy="0.35em" className="node-name">
        {node}
      </text>
      <text x={width / 2 - 18} dy="0.35em" textAnchor="end" className="node-metric">
        {metric ?? '–'}
      </text>
    </>
  );
}

function RestoreTimer({ x, r, toMs }: { x: number; r: number; toMs: number }) {
  const waitMs = useRunStore((s) => s.scenario?.metric.restoreWaitMs ?? 0);
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
