import type { CategoryInfo } from './categories';

interface Props {
  info: Pick<CategoryInfo, 'color' | 'shape'>;
  /** Centre of the glyph. */
  x: number;
  y: number;
  /** Half the glyph's size in px. */
  r?: number;
  /** Hollow (outlined) instead of filled, e.g. a node recovering rather than failing. */
  hollow?: boolean;
}

/** One category's mark (shape + colour), drawn inside an SVG. */
export function EventGlyph({ info, x, y, r = 5, hollow = false }: Props) {
  const paint = hollow
    ? { fill: 'var(--surface)', stroke: info.color, strokeWidth: 2 }
    : { fill: info.color, stroke: 'var(--surface)', strokeWidth: 1 };
  switch (info.shape) {
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} rx={1.5} style={paint} />;
    case 'circle':
      return <circle cx={x} cy={y} r={r * 0.85} style={paint} />;
    case 'triangle':
      return (
        <path d={`M${x},${y - r}L${x + r},${y + r * 0.8}L${x - r},${y + r * 0.8}Z`} style={paint} />
      );
    case 'diamond':
      return (
        <path
          d={`M${x},${y - r * 1.2}L${x + r},${y}L${x},${y + r * 1.2}L${x - r},${y}Z`}
          style={paint}
        />
      );
    case 'tick':
      return (
        <rect
          x={x - r * 0.35}
          y={y - r * 1.1}
          width={r * 0.7}
          height={r * 2.2}
          style={{ fill: info.color }}
        />
      );
  }
}

/** The glyph as a small standalone inline icon (legend, filter chips, log rows). */
export function GlyphIcon(props: Omit<Props, 'x' | 'y' | 'r'>) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" className="shrink-0">
      <EventGlyph {...props} x={7} y={7} r={5} />
    </svg>
  );
}
