import { useCallback, useId, useMemo, useState } from 'react';
import type { ProtocolPreset, SimEvent } from '../../sim';
import { scrubTo } from '../timeline/actions';
import { CATEGORIES, type Category, categoryOf, mentionsNode } from './categories';
import { describeEvent } from './describe';
import { EventFilters } from './EventFilters';
import { EventList } from './EventList';

interface Props {
  events: readonly SimEvent[];
  /** Changes whenever `events` grew (the array grows in place). */
  version: unknown;
  nowMs: number;
  preset: ProtocolPreset;
}

const ALL = new Set<Category>(CATEGORIES.map((c) => c.id));

/** The control-plane event log: filterable, virtualised, each entry seeks the timeline. */
export function EventLog({ events, version, nowMs, preset }: Props) {
  const headingId = useId();
  const [active, setActive] = useState<ReadonlySet<Category>>(ALL);
  const [node, setNode] = useState('');
  const toggle = useCallback((c: Category) => {
    setActive((prev) => {
      const next = new Set(prev);
      if (!next.delete(c)) next.add(c);
      return next;
    });
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` says the in-place array grew
  const shown = useMemo(() => {
    const n = node === '' ? null : Number(node);
    const out: number[] = [];
    for (const [i, e] of events.entries()) {
      if (active.has(categoryOf(e)) && (n === null || mentionsNode(e, n))) out.push(i);
    }
    return out;
  }, [events, version, active, node]);
  const sentenceOf = useCallback((i: number) => describeEvent(events, i, preset), [events, preset]);
  return (
    <section aria-labelledby={headingId} className="flex h-full min-h-0 flex-col gap-2">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          Event log
        </h2>
        <span className="text-xs text-muted" aria-live="off">
          {shown.length === events.length
            ? `${events.length.toLocaleString('en-US')} events`
            : `${shown.length.toLocaleString('en-US')} of ${events.length.toLocaleString('en-US')} events`}
        </span>
      </div>
      <EventFilters active={active} onToggle={toggle} node={node} onNode={setNode} />
      <EventList
        events={events}
        shown={shown}
        sentenceOf={sentenceOf}
        nowMs={nowMs}
        labelledBy={headingId}
        onPick={scrubTo}
      />
    </section>
  );
}
