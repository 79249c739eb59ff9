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
        {flows.map((f, i) => {
          const fx = x(flowX(hashing, f, buckets));
          const color = f.nextHop === null ? NO_ROUTE_COLOR : hopColor(f.nextHop);
          // Keyed by the flow's hash, so a flow that stays keeps its elements as
          // others come and go (by index, every tick rewrote them all).
          const key = f.position === flows[i - 1]?.position ? `${f.position}:${i}` : f.position;
          return (
            <g key={key}>
              <line
                x1={fx}
                x2={fx}
                y1={TICK_Y}
                y2={TICK_Y + TICK_H}
                stroke={color}
                strokeWidth={1.5}
              />
              {f.moved && <MovedMark x={fx} ring={rings} />}
            </g>
          );
        })}
        <text x={0} y={HEIGHT - 1} fontSize={10} fill="var(--muted)">
          {hashing === 'resilient' ? 'bucket 0' : '0'}
        </text>
        <text x={WIDTH} y={HEIGHT - 1} fontSize={10} textAnchor="end" fill="var(--muted)">
          {hashing === 'resilient' ? `bucket ${(buckets?.length ?? 1) - 1}` : '2³² − 1'}
        </text>
      </svg>
      <figcaption className="mt-1 flex items-center gap-2 text-sm">
        <svg width="12" height="12" viewBox="-6 0 12 12" aria-hidden="true">
          <MovedMark x={0} ring={rings} y={6} />
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

/** The mark under a flow that changed next hop at the last forwarding-table change. */
function MovedMark({ x, ring, y = RING_Y }: { x: number; ring: boolean; y?: number }) {
  return ring ? (
    <circle cx={x} cy={y} r={3} fill="none" stroke="var(--text)" strokeWidth={1.4} />
  ) : (
    <line x1={x} x2={x} y1={y - 4} y2={y + 4} stroke="var(--text)" strokeWidth={1.5} />
  );
}
