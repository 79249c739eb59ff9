import type { ScaleLinear } from 'd3-scale';
import { type ReactNode, useId, useRef } from 'react';
import { lastFrame, showError, usePainter } from '../../store';
import { MARGIN_LEFT, type TimeAxis } from '../timeline/scale';
import { pictureText } from '../stage/pictureText';
import { composePicture, savePicture } from './export';

export const CHART = { top: 16, plotHeight: 110, bottom: 26 } as const;
export const CHART_HEIGHT = CHART.top + CHART.plotHeight + CHART.bottom;

interface Props {
  title: string;
  /** The accessible summary, e.g. "Packets lost: 1,264 so far". */
  summary: string;
  /** The figure shown beside the heading. */
  value?: string;
  /** Unit of the y axis, written above it. */
  yUnit: string;
  axis: TimeAxis;
  y: (v: number) => number;
  yTicks: readonly number[];
  yFormat: (v: number) => string;
  width: number;
  /** Extra header content (a legend). */
  legend?: ReactNode;
  children: ReactNode;
}

/** A chart's figure: heading, SVG download, axes sharing the timeline's x scale, playhead. */
export function ChartFrame(props: Props) {
  const { title, summary, value, yUnit, axis, y, yTicks, yFormat, width, legend, children } = props;
  const headingId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const { x } = axis;
  const [x0, x1] = x.range() as [number, number];
  const bottom = CHART.top + CHART.plotHeight;
  const download = (format: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    const text = pictureText();
    const picture = composePicture({
      source: svg,
      viewBox: { width, height: CHART_HEIGHT },
      width,
      title: `${title} · ${text.scenario}`,
      caption: `${summary}. ${text.caption}`,
      time: text.time,
    });
    const name = `${title.toLowerCase().replace(/\W+/g, '-')}-${text.stamp}`;
    savePicture(picture, format, name).catch((error: Error) =>
      showError(`Export failed: ${error.message}`),
    );
  };
  return (
    <figure aria-labelledby={headingId} className="m-0">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <div className="flex items-baseline gap-3" style={{ paddingLeft: MARGIN_LEFT }}>
          <h3 id={headingId} className="text-base font-semibold">
            {title}
          </h3>
          {value !== undefined && <span className="font-mono text-sm tabular-nums">{value}</span>}
        </div>
        <div className="flex items-center gap-3">
          {legend}
          {(['png', 'svg'] as const).map((format) => (
            <button
              key={format}
              type="button"
              onClick={() => download(format)}
              className="btn btn-secondary rounded px-2 py-0.5 text-xs"
              aria-label={`Download the ${title} chart as ${format.toUpperCase()}`}
            >
              {format.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      <svg
        ref={svgRef}
        role="img"
        aria-label={summary}
        width={width}
        height={CHART_HEIGHT}
        className="block"
      >
        {yTicks.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: keyed by place, a tick is moved and relabelled as the scale grows, not remounted
          <g key={i} transform={`translate(0,${y(v)})`}>
            <line x1={x0} x2={x1} style={{ stroke: 'var(--line)' }} />
            <text
              x={x0 - 8}
              dy="0.35em"
              textAnchor="end"
              style={{ fill: 'var(--muted)', fontSize: 12 }}
            >
              {yFormat(v)}
            </text>
          </g>
        ))}
        <text
          x={4}
          y={CHART.top - 6}
          textAnchor="start"
          style={{ fill: 'var(--muted)', fontSize: 12 }}
        >
          {yUnit}
        </text>
        {children}
        <line x1={x0} x2={x1} y1={bottom} y2={bottom} style={{ stroke: 'var(--muted)' }} />
        {axis.ticks.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: keyed by place, a tick is moved and relabelled as the scale grows, not remounted
          <g key={i} transform={`translate(${x(t.ms)},${bottom})`}>
            <line y2={4} style={{ stroke: 'var(--muted)' }} />
            <text y={17} textAnchor="middle" style={{ fill: 'var(--muted)', fontSize: 12 }}>
              {t.label} {axis.unit}
            </text>
          </g>
        ))}
        <Playhead x={x} top={CHART.top} bottom={bottom} />
      </svg>
    </figure>
  );
}

/** The chart's now line, moved ten times a second by a painter (only when it moved half a pixel). */
function Playhead({
  x,
  top,
  bottom,
}: {
  x: ScaleLinear<number, number>;
  top: number;
  bottom: number;
}) {
  const line = useRef<SVGLineElement>(null);
  const [, end] = x.domain() as [number, number];
  const at = (nowMs: number) => String(Math.round(2 * x(Math.min(nowMs, end))) / 2);
  usePainter(({ nowMs }) => {
    const px = at(nowMs);
    if (line.current && line.current.getAttribute('x1') !== px) {
      line.current.setAttribute('x1', px);
      line.current.setAttribute('x2', px);
    }
  });
  const px = at(lastFrame()?.nowMs ?? 0);
  return (
    <line
      ref={line}
      x1={px}
      x2={px}
      y1={top - 4}
      y2={bottom}
      style={{ stroke: 'var(--text)', strokeWidth: 1.5, strokeDasharray: '4 3' }}
    />
  );
}
