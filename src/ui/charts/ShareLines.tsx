/**
 * The share chart for more than 8 nodes: a line per node that ever lost
 * traffic, and a grey band for the range of the other nodes' shares. A
 * square-root y scale keeps a 1/64 share readable next to a transient 100 %.
 */
import { scaleSqrt } from 'd3-scale';
import { area, line } from 'd3-shape';
import { useMemo } from 'react';
import type { Epoch } from '../../sim';
import { CHART, ChartFrame } from './ChartFrame';
import { REST_SWATCH, swatchFor } from './palette';
import { type ShareProps, ShareLegend, TITLE, pct, shareSummary } from './shareParts';
import { type ShareLineRow, shareLineRows } from './series';

const y = scaleSqrt()
  .domain([0, 1])
  .range([CHART.top + CHART.plotHeight, CHART.top]);
const TICKS = [0, 0.01, 0.05, 0.25, 0.5, 1];

export function ShareLines({ groups, played, future, axis, width }: ShareProps) {
  const singles = useMemo(() => groups.filter((g) => g.key !== 'rest'), [groups]);
  const drawn = useMemo(() => {
    const build = (epochs: readonly Epoch[]) => {
      const rows = shareLineRows(epochs, groups);
      const defined = (r: ShareLineRow) => r.values !== null;
      const x = (r: ShareLineRow) => axis.x(r.t);
      return {
        band:
          area<ShareLineRow>()
            .defined(defined)
            .x(x)
            .y0((r) => y(r.lo))
            .y1((r) => y(r.hi))(rows) ?? '',
        lines: singles.map(
          (_, g) =>
            line<ShareLineRow>()
              .defined(defined)
              .x(x)
              .y((r) => y(r.values![g]!))(rows) ?? '',
        ),
      };
    };
    return { played: build(played), future: build(future) };
  }, [groups, singles, played, future, axis]);
  const layers = [
    { key: 'played', d: drawn.played, opacity: 1 },
    { key: 'future', d: drawn.future, opacity: 0.35 },
  ];
  return (
    <ChartFrame
      title={TITLE}
      summary={shareSummary(played, groups)}
      yUnit="% (√ scale)"
      axis={axis}
      y={y}
      yTicks={TICKS}
      yFormat={pct}
      width={width}
      legend={<ShareLegend groups={groups} />}
    >
      {layers.map((layer) => (
        <g key={layer.key} style={{ opacity: layer.opacity }}>
          <path
            d={layer.d.band}
            style={{
              fill: REST_SWATCH.fill,
              fillOpacity: 0.45,
              stroke: REST_SWATCH.fill,
              strokeWidth: 1,
            }}
          />
          {singles.map((g, i) => (
            <path
              key={g.key}
              d={layer.d.lines[i]}
              style={{ fill: 'none', stroke: swatchFor(i, g.key).fill, strokeWidth: 2.5 }}
            />
          ))}
        </g>
      ))}
    </ChartFrame>
  );
}
