import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { useMemo } from 'react';
import type { TimeAxis } from '../timeline/scale';
import { CHART, ChartFrame } from './ChartFrame';
import type { Point } from './series';

interface Props {
  title: string;
  /** Plural noun for the summary and the y axis: "packets", "flows". */
  unit: string;
  /** Running total up to now, then (dimmed) what is known beyond now. */
  played: readonly Point[];
  future: readonly Point[];
  /** The exact total at now (the core's figures). */
  total: number;
  color: string;
  axis: TimeAxis;
  width: number;
}

const fmt = (v: number) => v.toLocaleString('en-US');

/** A running total over time (packets lost, flows broken): line plus a light area. */
export function CumulativeChart({ title, unit, played, future, total, color, axis, width }: Props) {
  const max = Math.max(1, ...played.map((p) => p.v), ...future.map((p) => p.v));
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, max])
        .nice(4)
        .range([CHART.top + CHART.plotHeight, CHART.top]),
    [max],
  );
  const paths = useMemo(() => {
    const xOf = (p: Point) => axis.x(p.t);
    const yOf = (p: Point) => y(p.v);
    const toLine = line<Point>(xOf, yOf);
    const toArea = area<Point>(xOf, y(0), yOf);
    return {
      line: toLine(played as Point[]) ?? '',
      area: toArea(played as Point[]) ?? '',
      future: future.length > 1 ? (toLine(future as Point[]) ?? '') : '',
    };
  }, [played, future, axis, y]);
  const siFormat = y.tickFormat(4, '~s');
  const yFormat = (v: number) => (v === 0 || max < 10_000 ? fmt(v) : siFormat(v));
  return (
    <ChartFrame
      title={title}
      summary={`${title}: ${fmt(total)} so far`}
      value={`${fmt(total)} ${unit}`}
      yUnit={unit}
      axis={axis}
      y={y}
      yTicks={y.ticks(4)}
      yFormat={yFormat}
      width={width}
    >
      <path d={paths.area} style={{ fill: color, fillOpacity: 0.14, stroke: 'none' }} />
      {paths.future && (
        <path
          d={paths.future}
          style={{
            fill: 'none',
            stroke: color,
            strokeWidth: 2,
            strokeOpacity: 0.45,
            strokeDasharray: '5 4',
          }}
        />
      )}
      <path
        d={paths.line}
        style={{ fill: 'none', stroke: color, strokeWidth: 2.5, strokeLinejoin: 'round' }}
      />
    </ChartFrame>
  );
}
