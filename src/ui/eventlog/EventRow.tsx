import { memo } from 'react';
import type { SimEvent } from '../../sim';
import { formatEventTime } from '../timeline/scale';
import { type CategoryInfo, categoryInfo, categoryOf } from './categories';
import { GlyphIcon } from './EventGlyph';

export const ROW_HEIGHT = 46;

interface Props {
  event: SimEvent;
  sentence: string;
  /** Position in the filtered list (for keyboard moves and aria-posinset). */
  pos: number;
  setSize: number;
  /** After now (known from an earlier run further on). */
  future: boolean;
  /** The latest event at or before now. */
  current: boolean;
  onPick: (tMs: number) => void;
}

const RECOVER: Pick<CategoryInfo, 'color' | 'shape'> = { color: 'var(--ok)', shape: 'circle' };

/** One log entry: a button that seeks the timeline to the event's time. */
export const EventRow = memo(function EventRow(props: Props) {
  const { event, sentence, pos, setSize, future, current, onPick } = props;
  const info = categoryInfo(categoryOf(event));
  const time = formatEventTime(event.tMs);
  return (
    <li
      aria-posinset={pos + 1}
      aria-setsize={setSize}
      className="absolute inset-x-0"
      style={{ top: pos * ROW_HEIGHT, height: ROW_HEIGHT }}
    >
      <button
        type="button"
        data-pos={pos}
        aria-current={current ? 'step' : undefined}
        aria-label={`${time} s, ${info.tag}: ${sentence}${future ? ' (ahead of now)' : ''}`}
        title={sentence}
        onClick={() => onPick(event.tMs)}
        className={`event-row flex h-full w-full flex-col justify-center rounded px-2 text-left hover:bg-(--surface-2) ${
          future ? 'opacity-70' : ''
        }`}
        style={
          current
            ? { boxShadow: 'inset 3px 0 0 var(--accent)', background: 'var(--surface-2)' }
            : undefined
        }
      >
        <span className="flex items-center gap-1.5 text-xs text-muted">
          <span className="font-mono tabular-nums text-(--text)">{time} s</span>
          <GlyphIcon
            info={event.type === 'node-recover' ? RECOVER : info}
            hollow={event.type === 'node-recover'}
          />
          {info.tag}
        </span>
        <span className="truncate text-sm">{sentence}</span>
      </button>
    </li>
  );
});
