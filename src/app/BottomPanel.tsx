/**
 * The bottom panel: the timeline (a slider to scrub and jump), the charts over
 * time on the same x scale, and the event log beside them.
 */
import { useMemo, useRef, useState } from 'react';
import { useAppStore } from '../store';
import { Charts } from '../ui/charts/Charts';
import { futureEpochs } from '../ui/charts/series';
import { EventLog } from '../ui/eventlog/EventLog';
import { timeAxis } from '../ui/timeline/scale';
import { Timeline } from '../ui/timeline/Timeline';
import { TimelineLegend } from '../ui/timeline/TimelineLegend';
import { useTimeData } from '../ui/timeline/useTimeData';
import { useWidth } from '../ui/timeline/useWidth';
import '../ui/timeline/panel.css';

export function BottomPanel() {
  const loaded = useAppStore((s) => s.scenario !== null);
  return loaded ? <Panel /> : null;
}

function Panel() {
  const data = useTimeData();
  const column = useRef<HTMLDivElement>(null);
  const width = useWidth(column);
  const preset = useAppStore((s) => s.scenario?.protocol.preset ?? 'lab');
  const [zoomed, setZoomed] = useState(false);
  const durationMs = data?.durationMs ?? 1;
  const horizonMs = data?.history.horizonMs ?? 0;
  // Zoomed: the axis ends at the furthest point played (at least 10 s), so a long run's start is readable.
  const endMs = zoomed ? Math.min(durationMs, Math.max(10_000, horizonMs)) : durationMs;
  const axis = useMemo(() => timeAxis(endMs, width), [endMs, width]);
  const epochs = useMemo(() => {
    if (!data) return { future: [], all: [] };
    const future = futureEpochs(data.history.epochs, data.played, data.nowMs);
    return { future, all: [...data.played, ...future] };
  }, [data]);
  return (
    <div className="bottom-panel-body grid gap-x-6 gap-y-4 rounded-lg border border-line bg-surface p-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
      <div ref={column} className="flex min-w-0 flex-col gap-2">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <div className="flex items-baseline gap-3">
            <h2 className="text-base font-semibold">Timeline</h2>
            <button
              type="button"
              aria-pressed={zoomed}
              onClick={() => setZoomed((z) => !z)}
              className={`btn rounded px-2 py-0.5 text-xs ${zoomed ? 'btn-primary' : 'btn-secondary'}`}
              style={zoomed ? { minWidth: 0 } : undefined}
              title="Zoom the time axis to the furthest time reached so far"
            >
              Fit axis to time reached
            </button>
          </div>
          <TimelineLegend />
        </div>
        {data && (
          <>
            <Timeline
              axis={axis}
              width={width}
              history={data.history}
              epochs={epochs.all}
              durationMs={durationMs}
            />
            <Charts data={data} future={epochs.future} axis={axis} width={width} />
          </>
        )}
      </div>
      {data && (
        <EventLog
          events={data.history.events}
          version={data.history}
          nowMs={data.nowMs}
          preset={preset}
        />
      )}
    </div>
  );
}
