/**
 * The time panels: the timeline (a slider to scrub and jump) under the stage,
 * and below the fold the charts over time beside the event log. Both read the
 * same time data; the axis zoom is shared so they agree on what they show.
 */
import { useMemo, useRef } from 'react';
import { createStore, useStore } from 'zustand';
import { useAppStore } from '../store';
import { Charts } from '../ui/charts/Charts';
import { futureEpochs } from '../ui/charts/series';
import { EventLog } from '../ui/eventlog/EventLog';
import { timeAxis } from '../ui/timeline/scale';
import { Timeline } from '../ui/timeline/Timeline';
import { TimelineLegend } from '../ui/timeline/TimelineLegend';
import { type TimeData, useTimeData } from '../ui/timeline/useTimeData';
import { useWidth } from '../ui/timeline/useWidth';
import '../ui/timeline/panel.css';

/** Zoomed: the axis ends at the furthest point played (at least 10 s), so a long run's start is readable. */
const axisZoom = createStore(() => ({ zoomed: false }));

function useAxis(data: TimeData | null, width: number) {
  const zoomed = useStore(axisZoom, (s) => s.zoomed);
  const durationMs = data?.durationMs ?? 1;
  const horizonMs = data?.history.horizonMs ?? 0;
  const endMs = zoomed ? Math.min(durationMs, Math.max(10_000, horizonMs)) : durationMs;
  const axis = useMemo(() => timeAxis(endMs, width), [endMs, width]);
  const epochs = useMemo(() => {
    if (!data) return { future: [], all: [] };
    const future = futureEpochs(data.history.epochs, data.played, data.nowMs);
    return { future, all: [...data.played, ...future] };
  }, [data]);
  return { axis, epochs, zoomed };
}

export function TimelinePanel() {
  const loaded = useAppStore((s) => s.scenario !== null);
  return loaded ? <TimelineCard /> : null;
}

export function BottomPanel() {
  const loaded = useAppStore((s) => s.scenario !== null);
  return loaded ? <ChartsAndLog /> : null;
}

function TimelineCard() {
  const data = useTimeData();
  const column = useRef<HTMLDivElement>(null);
  const width = useWidth(column);
  const { axis, epochs, zoomed } = useAxis(data, width);
  return (
    <div ref={column} className="card flex min-w-0 flex-col gap-1 rounded-xl px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <div className="flex items-center gap-3">
          <h2 className="text-base font-semibold">Timeline</h2>
          <button
            type="button"
            aria-pressed={zoomed}
            onClick={() => axisZoom.setState({ zoomed: !zoomed })}
            className={`btn rounded px-2 py-0.5 text-xs ${zoomed ? 'btn-primary' : 'btn-secondary'}`}
            style={zoomed ? { minWidth: 0 } : undefined}
            title="Zoom the time axis to the furthest time reached so far"
          >
            Fit axis to time reached
          </button>
        </div>
      </div>
      {data && (
        <Timeline
          axis={axis}
          width={width}
          history={data.history}
          epochs={epochs.all}
          durationMs={data.durationMs}
        />
      )}
      <TimelineLegend />
    </div>
  );
}

function ChartsAndLog() {
  const data = useTimeData();
  const column = useRef<HTMLDivElement>(null);
  const width = useWidth(column);
  const { axis, epochs } = useAxis(data, width);
  const preset = useAppStore((s) => s.scenario?.protocol.preset ?? 'lab');
  return (
    <div className="bottom-panel-body card grid gap-x-6 gap-y-4 rounded-xl p-4 xl:grid-cols-[minmax(0,1fr)_28rem]">
      <div ref={column} className="flex min-w-0 flex-col gap-2">
        {data && <Charts data={data} future={epochs.future} axis={axis} width={width} />}
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
