import { memo } from 'react';
import { useFib } from '../../store';
import { linkPath } from '../../viz/geometry';
import type { Point, Trunk as TrunkLayout } from '../../viz/layout';

/**
 * A large cluster's shared wiring, drawn once: the trunk from the router, the
 * header bus and one bus per group, labelled with the group's node numbers.
 * A bus is drawn as carrying traffic while any node of its group is in the FIB.
 */
export const Trunk = memo(function Trunk({ trunk, from }: { trunk: TrunkLayout; from: Point }) {
  const fib = useFib();
  const { join, headerEndX, buses } = trunk;
  const live = (first: number, last: number) => fib.some((n) => n >= first && n <= last);
  return (
    <g className="trunk">
      <path
        d={`${linkPath(from, join)}H${headerEndX}`}
        className="trunk-line"
        data-state={fib.length > 0 ? 'fib' : 'absent'}
      />
      {buses.map((bus) => (
        <g key={bus.x}>
          <path
            d={`M${bus.x},${bus.top}V${bus.bottom}`}
            className="trunk-line trunk-bus"
            data-state={live(bus.first, bus.last) ? 'fib' : 'absent'}
          />
          <text x={bus.x + 6} y={bus.top - 8} className="trunk-label">
            {bus.first === bus.last ? bus.first : `${bus.first}–${bus.last}`}
          </text>
        </g>
      ))}
    </g>
  );
});
