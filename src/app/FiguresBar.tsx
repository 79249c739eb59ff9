import { useRef } from 'react';
import type { Figures } from '../sim';
import { useAppStore, usePainter, writeText } from '../store';

const VALUE_CLASS = 'font-mono tabular-nums';
const ALERT_CLASS = `${VALUE_CLASS} text-alert font-semibold`;

interface Shown {
  /** The figure's name (its accessible name). */
  label: string;
  /** What the toolbar shows of it. */
  short: string;
  value: string;
  alert: boolean;
  className?: string;
}

function shown(figures: Figures): Shown[] {
  const lostPct = figures.packetsSent > 0 ? (100 * figures.packetsLost) / figures.packetsSent : 0;
  return [
    {
      label: 'Packets sent',
      short: 'Sent',
      value: figures.packetsSent.toLocaleString('en-US'),
      alert: false,
      className: 'max-2xl:hidden',
    },
    {
      label: 'Packets lost',
      short: 'Lost',
      value: `${figures.packetsLost.toLocaleString('en-US')} (${lostPct.toFixed(1)}%)`,
      alert: figures.packetsLost > 0,
    },
    {
      label: 'Flows broken',
      short: 'Broken',
      value: figures.flowsBroken.toLocaleString('en-US'),
      alert: false,
    },
    {
      label: 'Black hole',
      short: 'Black hole',
      value: `${(figures.blackholeMs / 1000).toFixed(2)} s`,
      alert: figures.blackholeMs > 0,
    },
  ];
}

/** Figures move with time: read a few times a second while playing, written in place. */
const FIGURES_INTERVAL_MS = 250;

/** The headline figures, always visible in the toolbar. */
export function FiguresBar() {
  const figures = useAppStore((s) => s.figures);
  const values = useRef<(HTMLSpanElement | null)[]>([]);
  usePainter(({ sim }) => {
    shown(sim.figures()).forEach(({ value, alert }, i) => {
      const el = values.current[i] ?? null;
      writeText(el, value);
      const cls = alert ? ALERT_CLASS : VALUE_CLASS;
      if (el && el.className !== cls) el.className = cls;
    });
  }, FIGURES_INTERVAL_MS);
  if (!figures) return null;
  return (
    <div className="figures flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
      {shown(figures).map(({ label, short, value, alert, className = '' }, i) => (
        // biome-ignore lint/a11y/useSemanticElements: a read-only figure is no <fieldset>; the group carries its name.
        <div
          key={label}
          role="group"
          aria-label={label}
          className={`flex items-baseline gap-1.5 ${className}`}
        >
          <span className="text-muted" title={label}>
            {short}
          </span>
          <span
            ref={(el) => {
              values.current[i] = el;
            }}
            className={alert ? ALERT_CLASS : VALUE_CLASS}
          >
            {value}
          </span>
        </div>
      ))}
    </div>
  );
}
