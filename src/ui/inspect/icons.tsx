/**
 * Status glyphs drawn as SVG shapes (always paired with a word, so colour and
 * shape are never the only cue). Colours come from the theme tokens.
 */
export type Glyph = 'check' | 'cross' | 'dot' | 'ring' | 'warn' | 'clock';

const COLOR: Record<Glyph, string> = {
  check: 'var(--ok)',
  cross: 'var(--bad)',
  dot: 'var(--route)',
  ring: 'var(--idle)',
  warn: 'var(--stale)',
  clock: 'var(--info)',
};

export function StatusIcon({ glyph, size = 14 }: { glyph: Glyph; size?: number }) {
  const color = COLOR[glyph];
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className="shrink-0">
      {glyph === 'check' && (
        <>
          <circle cx="8" cy="8" r="7.5" fill={color} />
          <path
            d="M4.5 8.2l2.3 2.3 4.7-5"
            fill="none"
            stroke="#fff"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </>
      )}
      {glyph === 'cross' && (
        <>
          <circle cx="8" cy="8" r="7.5" fill={color} />
          <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" strokeWidth="2" />
        </>
      )}
      {glyph === 'dot' && <circle cx="8" cy="8" r="5" fill={color} />}
      {glyph === 'ring' && (
        <circle cx="8" cy="8" r="5.5" fill="none" stroke={color} strokeWidth="2" />
      )}
      {glyph === 'warn' && (
        <>
          <path d="M8 1.2L15.2 14.5H0.8z" fill={color} />
          <path d="M8 5.8v4.4M8 11.8v1" stroke="#111" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {glyph === 'clock' && (
        <>
          <circle cx="8" cy="8" r="6.5" fill="none" stroke={color} strokeWidth="2" />
          <path d="M8 4.5V8l2.5 1.8" fill="none" stroke={color} strokeWidth="1.8" />
        </>
      )}
    </svg>
  );
}
