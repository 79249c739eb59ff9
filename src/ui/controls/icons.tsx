/** Toolbar glyphs as inline SVG (font glyphs like ⏭ are missing on many systems). */
const PATHS = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z',
  step: 'M3 2.5v11l7-5.5zM11 2.5h2.5v11H11z',
  reset: 'M8 2.5a5.5 5.5 0 1 1-5.2 3.7M2.5 2v4.2h4.2',
  present: 'M2 3h12v8H2zM8 11v2.5M5 13.5h6',
  fullscreen: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
} as const;

const STROKED: ReadonlySet<string> = new Set(['reset', 'present', 'fullscreen']);

export function Icon({ name }: { name: keyof typeof PATHS }) {
  const stroked = STROKED.has(name);
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="shrink-0">
      <path
        d={PATHS[name]}
        fill={stroked ? 'none' : 'currentColor'}
        stroke={stroked ? 'currentColor' : 'none'}
        strokeWidth={stroked ? 1.8 : 0}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
