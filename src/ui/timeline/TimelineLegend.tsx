import type { CSSProperties, ReactNode } from 'react';
import { type CategoryInfo, categoryInfo } from '../eventlog/categories';
import { GlyphIcon } from '../eventlog/EventGlyph';

const RECOVER: Pick<CategoryInfo, 'color' | 'shape'> = { color: 'var(--ok)', shape: 'circle' };

function Swatch({ style }: { style: CSSProperties }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block h-3 w-5 shrink-0 rounded-sm border border-line"
      style={style}
    />
  );
}

function Item({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-center gap-1.5">
      {icon}
      {children}
    </li>
  );
}

/** What the timeline's marks and shading mean. */
export function TimelineLegend() {
  return (
    <ul aria-label="Timeline legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
      <Item icon={<GlyphIcon info={categoryInfo('fault')} />}>Node fails</Item>
      <Item icon={<GlyphIcon info={RECOVER} hollow />}>Node recovers</Item>
      <Item icon={<GlyphIcon info={categoryInfo('fib')} />}>FIB change</Item>
      <Item icon={<GlyphIcon info={categoryInfo('cluster')} />}>Detection</Item>
      <Item icon={<GlyphIcon info={categoryInfo('metric')} />}>Metric change</Item>
      <Item
        icon={
          <Swatch
            style={{
              background:
                'repeating-linear-gradient(45deg, var(--bad) 0 2px, color-mix(in srgb, var(--bad) 22%, var(--surface)) 2px 4px)',
            }}
          />
        }
      >
        Black hole
      </Item>
      <Item
        icon={
          <Swatch style={{ background: 'color-mix(in srgb, var(--accent) 24%, var(--surface))' }} />
        }
      >
        Played
      </Item>
      <Item icon={<Swatch style={{ background: 'var(--surface-2)' }} />}>Not yet played</Item>
    </ul>
  );
}
