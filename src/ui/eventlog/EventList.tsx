/**
 * A fixed-row-height virtual list: only the rows in view (plus a few) are in
 * the DOM, so 10,000 events cost ~20 buttons. It follows the current entry
 * (the latest at or before now: the newest while playing) unless the user
 * scrolled it out of view, and Up/Down/Home/End/PageUp/PageDown move the
 * focus between entries, scrolling as needed.
 */
import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { SimEvent } from '../../sim';
import { EventRow, ROW_HEIGHT } from './EventRow';

interface Props {
  events: readonly SimEvent[];
  /** Indices into `events` that pass the filters. */
  shown: readonly number[];
  sentenceOf: (index: number) => string;
  nowMs: number;
  labelledBy: string;
  onPick: (tMs: number) => void;
}

const OVERSCAN = 4;

export function EventList({ events, shown, sentenceOf, nowMs, labelledBy, onPick }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const programmatic = useRef(false);
  const currentRef = useRef(-1);
  const focusPos = useRef<number | null>(null);
  const [view, setView] = useState({ top: 0, height: 400 });

  const measure = useCallback(() => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    measure();
    if (!el) return;
    if (programmatic.current) {
      programmatic.current = false;
      return;
    }
    // A scroll by the user: keep following only while the current entry stays in view.
    const top = currentRef.current * ROW_HEIGHT;
    following.current = top + ROW_HEIGHT > el.scrollTop && top < el.scrollTop + el.clientHeight;
  };

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  const currentPos = lastAtOrBefore(events, shown, nowMs);
  currentRef.current = currentPos;

  // Keep the current entry in view as the log grows or the clock moves (unless
  // scrolled away). Reads no layout (no scrollHeight, no scrollTop): the list's
  // height is known, and the scroll position and viewport come from `view`.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !following.current || currentPos < 0) return;
    const { top: scrollTop, height } = view;
    const max = Math.max(0, shown.length * ROW_HEIGHT - height);
    const top = currentPos * ROW_HEIGHT;
    let next = scrollTop;
    if (currentPos === shown.length - 1) next = max;
    else if (top < scrollTop || top + ROW_HEIGHT > scrollTop + height) {
      next = top + ROW_HEIGHT / 2 - height / 2; // out of view: centre it, with context around
    }
    next = Math.min(max, Math.max(0, next));
    if (Math.abs(next - scrollTop) >= 1) {
      programmatic.current = true;
      el.scrollTop = next;
      setView((v) => ({ ...v, top: next }));
    }
  }, [shown, currentPos, view]);

  // Move the focus once the target row is rendered.
  useEffect(() => {
    if (focusPos.current === null) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(
      `[data-pos="${focusPos.current}"]`,
    );
    if (button) {
      button.focus();
      focusPos.current = null;
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scroller.current;
    const from = Number((document.activeElement as HTMLElement | null)?.dataset.pos ?? Number.NaN);
    if (!el || Number.isNaN(from)) return;
    const page = Math.max(1, Math.floor(el.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: shown.length - 1,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    const pos = Math.max(0, Math.min(shown.length - 1, target));
    focusPos.current = pos;
    const top = pos * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    measure();
  };

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let pos = first; pos < last; pos++) {
    const index = shown[pos]!;
    const event = events[index]!;
    rows.push(
      <EventRow
        key={index}
        event={event}
        sentence={sentenceOf(index)}
        pos={pos}
        setSize={shown.length}
        future={event.tMs > nowMs}
        current={pos === currentPos}
        onPick={onPick}
      />,
    );
  }
  return (
    <div className="relative min-h-[16rem] flex-1">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the buttons inside */}
      <div
        ref={scroller}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        className="absolute inset-0 overflow-y-auto"
      >
        <ul
          aria-labelledby={labelledBy}
          className="relative m-0 list-none p-0"
          style={{ height: shown.length * ROW_HEIGHT }}
        >
          {rows}
        </ul>
        {shown.length === 0 && <p className="p-3 text-sm text-muted">No events match.</p>}
      </div>
    </div>
  );
}

/** Position in `shown` of the latest event at or before `nowMs` (binary search), or -1. */
function lastAtOrBefore(
  events: readonly SimEvent[],
  shown: readonly number[],
  nowMs: number,
): number {
  let lo = 0;
  let hi = shown.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[shown[mid]!]!.tMs <= nowMs) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
