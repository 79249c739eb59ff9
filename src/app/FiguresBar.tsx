import { useAppStore } from '../store';

/** The headline figures, always visible in the toolbar. */
export function FiguresBar() {
  const figures = useAppStore((s) => s.figures);
  if (!figures) return null;
  const lostPct = figures.packetsSent > 0 ? (100 * figures.packetsLost) / figures.packetsSent : 0;
  return (
    <div className="figures flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
      <Figure
        label="Packets sent"
        short="Sent"
        value={figures.packetsSent.toLocaleString('en-US')}
        className="max-2xl:hidden"
      />
      <Figure
        label="Packets lost"
        short="Lost"
        value={`${figures.packetsLost.toLocaleString('en-US')} (${lostPct.toFixed(1)}%)`}
        alert={figures.packetsLost > 0}
      />
      <Figure
        label="Flows broken"
        short="Broken"
        value={figures.flowsBroken.toLocaleString('en-US')}
      />
      <Figure
        label="Black hole"
        short="Black hole"
        value={`${(figures.blackholeMs / 1000).toFixed(2)} s`}
        alert={figures.blackholeMs > 0}
      />
    </div>
  );
}

function Figure({
  label,
  short,
  value,
  alert = false,
  className = '',
}: {
  /** The figure's name (its accessible name). */
  label: string;
  /** What the toolbar shows of it. */
  short: string;
  value: string;
  alert?: boolean;
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a read-only figure is no <fieldset>; the group carries its name.
    <div role="group" aria-label={label} className={`flex items-baseline gap-1.5 ${className}`}>
      <span className="text-muted" title={label}>
        {short}
      </span>
      <span className={`font-mono tabular-nums ${alert ? 'text-alert font-semibold' : ''}`}>
        {value}
      </span>
    </div>
  );
}
