import { memo, useId } from 'react';
import { categoryInfo } from '../eventlog/categories';
import { EventGlyph } from '../eventlog/EventGlyph';
import type { TimelineMarks } from './marks';
import type { TimeAxis } from './scale';

/** Rows of the timeline, in px from the top. */
export const TRACK = {
  badgeY: 10,
  top: 24,
  bottom: 56,
  axisY: 60,
  labelY: 80,
  height: 86,
} as const;
/** Height of a second row of fault badges (added above when badges would overlap). */
export const LANE_PX = 20;

interface Props {
  axis: TimeAxis;
  marks: TimelineMarks;
  horizonMs: number;
  durationMs: number;
}

const FAULT = categoryInfo('fault');
const FIB = categoryInfo('fib');
const CLUSTER = categoryInfo('cluster');
const METRIC = categoryInfo('metric');

/** The static part of the timeline (everything but the playhead); redrawn a few times a second. */
export const TimelineTrack = memo(function TimelineTrack({
  axis,
  marks,
  horizonMs,
  durationMs,
}: Props) {
  const hatch = useId();
  const { x } = axis;
  const x0 = x(0);
  // The axis may end before the scenario does (zoomed to the played part).
  const end = Math.min(durationMs, x.domain()[1]!);
  const xh = x(Math.min(horizonMs, end));
  const xEnd = x(end);
  const mid = (TRACK.top + TRACK.bottom) / 2;
  return (
    <g>
      <defs>
        <pattern
          id={hatch}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect
            width="6"
            height="6"
            style={{ fill: 'color-mix(in srgb, var(--bad) 22%, var(--surface))' }}
          />
          <rect width="3" height="6" style={{ fill: 'var(--bad)' }} />
        </pattern>
      </defs>
      <rect
        x={x0}
        y={TRACK.top}
        width={xEnd - x0}
        height={TRACK.bottom - TRACK.top}
        rx={4}
        style={{ fill: 'var(--surface-2)', stroke: 'var(--line)' }}
      />
      <rect
        x={x0}
        y={TRACK.top}
        width={Math.max(0, xh - x0)}
        height={TRACK.bottom - TRACK.top}
        rx={4}
        style={{ fill: 'color-mix(in srgb, var(--accent) 24%, var(--surface))' }}
      />
      {marks.blackholes.map((s) => (
        <rect
          key={s.x0}
          x={s.x0}
          y={TRACK.top}
          width={s.x1 - s.x0}
          height={TRACK.bottom - TRACK.top}
          fill={`url(#${hatch})`}
        />
      ))}
      {marks.detect.map((px) => (
        <EventGlyph key={`d${px}`} info={CLUSTER} x={px} y={TRACK.top + 7} r={4.5} />
      ))}
      {marks.metric.map((px) => (
        <EventGlyph key={`m${px}`} info={METRIC} x={px} y={TRACK.bottom - 7} r={4.5} />
      ))}
      {marks.fib.map((px) => (
        <EventGlyph key={`f${px}`} info={FIB} x={px} y={mid} r={6} />
      ))}
      {marks.faults.map((f) => (
        <g key={f.key}>
          <line
            x1={f.x}
            x2={f.x}
            y1={TRACK.badgeY - f.lane * LANE_PX + 7}
            y2={TRACK.bottom}
            style={{ stroke: f.fail ? 'var(--bad)' : 'var(--ok)', strokeWidth: 1.5 }}
            strokeDasharray={f.fail ? undefined : '3 2'}
          />
          <EventGlyph
            info={f.fail ? FAULT : { ...FAULT, color: 'var(--ok)', shape: 'circle' }}
            x={f.x}
            y={TRACK.badgeY - f.lane * LANE_PX}
            r={9}
            hollow={!f.fail}
          />
          <text
            x={f.x}
            y={TRACK.badgeY - f.lane * LANE_PX}
            dy="0.35em"
            textAnchor="middle"
            style={{ fill: f.fail ? '#fff' : 'var(--text)', fontSize: 11, fontWeight: 700 }}
          >
            {f.node}
          </text>
        </g>
      ))}
      {axis.ticks.map((t) => (
        <g key={t.ms} transform={`translate(${x(t.ms)},0)`}>
          <line y1={TRACK.bottom} y2={TRACK.axisY + 2} style={{ stroke: 'var(--muted)' }} />
          <text y={TRACK.labelY} textAnchor="middle" style={{ fill: 'var(--muted)', fontSize: 12 }}>
            {t.label} {axis.unit}
          </text>
        </g>
      ))}
      <text
        x={x0 - 10}
        y={mid}
        dy="0.35em"
        textAnchor="end"
        style={{ fill: 'var(--muted)', fontSize: 12 }}
      >
        Events
      </text>
    </g>
  );
});
