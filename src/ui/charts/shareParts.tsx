/** What the two forms of the share chart have in common: props, title, summary, legend. */
import type { Epoch } from '../../sim';
import type { TimeAxis } from '../timeline/scale';
import { swatchFor } from './palette';
import { type ShareGroup, sentIn } from './series';

export interface ShareProps {
  groups: readonly ShareGroup[];
  played: readonly Epoch[];
  future: readonly Epoch[];
  axis: TimeAxis;
  width: number;
}

export const TITLE = 'Traffic share per node';
export const pct = (v: number) => `${Math.round(v * 1000) / 10}`;

/** "Traffic share now: Node 1 33.3%, …" from the open epoch. */
export function shareSummary(played: readonly Epoch[], groups: readonly ShareGroup[]): string {
  const open = played.at(-1);
  const total = open ? sentIn(open) : 0;
  if (!open || total === 0) return `${TITLE}: no traffic at the moment`;
  const parts = groups.map((g) => {
    const sent = g.nodes.reduce((sum, n) => sum + (open.packetsByNode[n - 1] ?? 0), 0);
    return `${g.label} ${pct(sent / total)}%`;
  });
  return `${TITLE} now: ${parts.join(', ')}`;
}

export function ShareLegend({ groups }: { groups: readonly ShareGroup[] }) {
  return (
    <ul aria-label="Nodes" className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
      {groups.map((g, i) => (
        <li key={g.key} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className={`inline-block w-3 rounded-sm ${g.key === 'rest' ? 'h-2.5 opacity-60' : 'h-2.5'}`}
            style={{ background: swatchFor(i, g.key).fill }}
          />
          {g.label}
        </li>
      ))}
    </ul>
  );
}
