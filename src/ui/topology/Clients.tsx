import { memo } from 'react';
import type { Layout } from '../../viz/layout';

/** Clients on the left, each with a line into the router. Static. */
export const Clients = memo(function Clients({ layout }: { layout: Layout }) {
  const { router } = layout;
  return (
    <g className="clients">
      {layout.clients.map((c, i) => (
        <g key={c.y}>
          <line
            x1={c.x + 22}
            y1={c.y}
            x2={router.x - router.r}
            y2={router.y}
            className="client-link"
          />
          <rect x={c.x - 22} y={c.y - 15} width={44} height={28} rx={4} className="client-box" />
          <rect x={c.x - 28} y={c.y + 13} width={56} height={4} rx={2} className="client-box" />
          {i === 0 && (
            <text x={c.x} y={c.y - 26} textAnchor="middle" className="stage-caption">
              Clients
            </text>
          )}
        </g>
      ))}
    </g>
  );
});
