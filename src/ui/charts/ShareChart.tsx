import { scaleLinear } from 'd3-scale';
import { area } from 'd3-shape';
import { useMemo } from 'react';
import type { Epoch } from '../../sim';
import type { TimeAxis } from '../timeline/scale';
import { CHART, ChartFrame } from './ChartFrame';
import { swatchFor } from './palette';
import { ShareLines } from './ShareLines';
import { type ShareGroup, type ShareRow, shareRows } from './series';
import { pct, type ShareProps, ShareLegend, shareSummary, TITLE } from './shareParts';

const y = scaleLinear()
  .domain([0, 1])
  .range([CHART.top + CHART.plotHeight, CHART.top]);

/** Each node's share of the packets sent: stacked bands up to 8 nodes, lines beyond. */
export function ShareChart(props: ShareProps) {
  return props.groups.some((g) => g.key === 'rest') ? (
    <ShareLines {...props} />
  ) : (
    <ShareStack {...props} />
  );
}

function ShareStack({ groups, played, future, axis, width }: ShareProps) {
  const drawn = useMemo(() => {
    const build = (epochs: readonly Epoch[]) => {
      const rows = shareRows(epochs, groups);
      return groups.map(
        (_, g) =>
          area<ShareRow>()
            .defined((r) => r.bounds !== null)
            .x((r) => axis.x(r.t))
            .y0((r) => y(r.bounds![g]!))
            .y1((r) => y(r.bounds![g + 1]!))(rows) ?? '',
      );
    };
    return { played: build(played), future: build(future), labels: labels(played, groups, axis) };
  }, [groups, played, future, axis]);
  return (
    <ChartFrame
      title={TITLE}
      summary={shareSummary(played, groups)}
      yUnit="%"
      axis={axis}
      y={y}
      yTicks={y.ticks(5)}
      yFormat={pct}
      width={width}
      legend={<ShareLegend groups={groups} />}
    >
      {groups.map((g, i) => (
        <g key={g.key} style={{ fill: swatchFor(i, g.key).fill }}>
          <path d={drawn.played[i]} />
          <path d={drawn.future[i]} style={{ fillOpacity: 0.3 }} />
        </g>
      ))}
      {drawn.labels.map((l) => (
        <text
          key={l.key}
          x={l.x}
          y={l.y}
          dy="0.35em"
          textAnchor="middle"
          style={{ fill: swatchFor(l.index, l.key).text, fontSize: 11, fontWeight: 700 }}
        >
          {l.text}
        </text>
      ))}
    </ChartFrame>
  );
}

/** A label inside each group's band, where the band is widest and tall enough to read. */
function labels(epochs: readonly Epoch[], groups: readonly ShareGroup[], axis: TimeAxis) {
  const rows = shareRows(epochs, groups).filter((r) => r.bounds !== null);
  return groups.flatMap((g, i) => {
    let best: { x: number; y: number; w: number } | null = null;
    for (let r = 0; r + 1 < rows.length; r += 2) {
      const a = rows[r]!;
      const b = rows[r + 1]!;
      const lo = y(a.bounds![i]!);
      const hi = y(a.bounds![i + 1]!);
      const w = axis.x(b.t) - axis.x(a.t);
      if (lo - hi < 13 || w < 28 || (best && best.w >= w)) continue;
      best = { x: (axis.x(a.t) + axis.x(b.t)) / 2, y: (lo + hi) / 2, w };
    }
    if (!best) return [];
    const text = best.w > 60 ? g.label : String(g.nodes[0]);
    return [{ key: g.key, index: i, x: best.x, y: best.y, text }];
  });
}
