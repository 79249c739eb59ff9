/**
 * The 32-bit hash space as a bar: which next hop owns which part of it, and
 * where the sampled live flows fall. Flows whose next hop changed at the last
 * forwarding-table change get a ring, and a count says how many.
 */
import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import type { Hashing } from '../../sim';
import { useAppStore, useFib } from '../../store';
import { flowX, hashRegions, starvedText } from './hashRegions';
import { hopColor, NO_ROUTE_COLOR } from './palette';
import { useFlowSample } from './useSimTick';

const WIDTH = 352;
const BAR_Y = 4;
const BAR_H = 22;
const LABEL_Y = BAR_Y + BAR_H + 13;
const TICK_Y = LABEL_Y + 8;
const TICK_H = 14;
const RING_Y = TICK_Y + TICK_H + 7;
const HEIGHT = RING_Y + 16;
const MIN_LABEL_PX = 20;
const RING_LIMIT = 40;

export function HashStrip({ hashing }: { hashing: Hashing }) {
  const fib = useFib();
  const buckets = useAppStore((s) => s.snapshot?.buckets ?? null);
  const flows = useFlowSample();
  const resilient = useAppStore((s) => s.scenario?.resilient);
  const why = useMemo(
    () => (hashing === 'resilient' && resilient ? starvedText(fib, buckets, resilient) : null),
    [hashing, fib, buckets, resilient],
  );
  const x = useMemo(() => scaleLinear().domain([0, 1]).range([0, WIDTH]), []);
  const regions = useMemo(() => hashRegions(hashing, fib, buckets), [hashing, fib, buckets]);
  const moved = flows.filter((f) => f.moved).length;
  // Rings read well when few flows moved; many overlap, so draw short bars then.
  const rings = moved <= RING_LIMIT;
  // One path per colour, not elements per flow: at high speed nearly every
  // sampled flow is new at each update, and mounting elements for each was
  // most of the page's layout work.
  const { ticks, movedPath } = useMemo(() => {
    const byColor = new Map<string, string>();
    let movedPath = '';
    for (const f of flows) {
      const color = f.nextHop === null ? NO_ROUTE_COLOR : hopColor(f.nextHop);
      const fx = x(flowX(hashing, f, buckets));
      byColor.set(color, `${byColor.get(color) ?? ''}M${fx} ${TICK_Y}v${TICK_H}`);
      if (f.moved) movedPath += movedMark(fx, rings);
    }
    return { ticks: [...byColor], movedPath };
  }, [flows, hashing, buckets, x, rings]);
  const movedWidth = rings ? 1.4 : 1.5;
  const labelled = regions.filter((r) => x(r.to) - x(r.from) >= MIN_LABEL_PX);
  const summary =
    fib.length === 0
      ? 'No next hop: the whole hash space is dropped.'
      : `Hash space split among ${fib.map((n) => `Node ${n}`).join(', ')}; ${flows.length} sampled flows, ${moved} moved at the last change.`;
  return (
    <figure className="m-0">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="block h-auto w-full overflow-visible"
        role="img"
        aria-label={summary}
      >
        <rect x={0} y={BAR_Y} width={WIDTH} height={BAR_H} rx={4} fill="var(--surface-2)" />
        {regions.map((r) => (
          <rect
            key={`${r.from}-${r.node}`}
            x={x(r.from)}
            y={BAR_Y}
            width={Math.max(0.5, x(r.to) - x(r.from))}
            height={BAR_H}
            fill={hopColor(r.node)}
            stroke="var(--surface)"
            strokeWidth={regions.length > 60 ? 0 : 1}
          />
        ))}
        {fib.length === 0 && (
          <text
            x={WIDTH / 2}
            y={BAR_Y + BAR_H / 2}
            dy="0.35em"
            textAnchor="middle"
            fill="var(--alert)"
            fontSize={12}
          >
            no route
          </text>
        )}
        {labelled.map((r) => (
          <text
            key={`l${r.from}`}
            x={x((r.from + r.to) / 2)}
            y={LABEL_Y}
            textAnchor="middle"
            fontSize={11}
            fill="var(--text)"
          >
            N{r.node}
          </text>
        ))}
        {ticks.map(([color, d]) => (
          <path key={color} d={d} stroke={color} strokeWidth={1.5} fill="none" />
        ))}
        <path d={movedPath} stroke="var(--text)" strokeWidth={movedWidth} fill="none" />
        <text x={0} y={HEIGHT - 1} fontSize={10} fill="var(--muted)">
          {hashing === 'resilient' ? 'bucket 0' : '0'}
        </text>
        <text x={WIDTH} y={HEIGHT - 1} fontSize={10} textAnchor="end" fill="var(--muted)">
          {hashing === 'resilient' ? `bucket ${(buckets?.length ?? 1) - 1}` : '2³² − 1'}
        </text>
      </svg>
      <figcaption className="mt-1 flex items-center gap-2 text-sm">
        <svg width="12" height="12" viewBox="-6 0 12 12" aria-hidden="true">
          <path
            d={movedMark(0, rings, 6)}
            stroke="var(--text)"
            strokeWidth={movedWidth}
            fill="none"
          />
        </svg>
        <span>
          <strong className="font-semibold tabular-nums">{moved}</strong> of {flows.length} sampled
          flows moved at the last change
        </span>
      </figcaption>
      {why && (
        <p className="mt-1 text-sm text-muted" data-testid="hash-why">
          {why}
        </p>
      )}
    </figure>
  );
}

/** The mark under a flow that changed next hop at the last forwarding-table change, as path data. */
function movedMark(x: number, ring: boolean, y = RING_Y): string {
  return ring ? `M${x - 3} ${y}a3 3 0 1 0 6 0a3 3 0 1 0 -6 0` : `M${x} ${y - 4}v8`;
}
