import { useMemo } from 'react';
import type { Epoch } from '../../sim';
import type { TimeAxis } from '../timeline/scale';
import type { TimeData } from '../timeline/useTimeData';
import { CumulativeChart } from './CumulativeChart';
import { downloadCsv } from './export';
import { ShareChart } from './ShareChart';
import { useAppStore } from '../../store';
import { brokenIn, cumulative, lostIn, shareGroups, steeredIn } from './series';

interface Props {
  data: TimeData;
  future: readonly Epoch[];
  axis: TimeAxis;
  width: number;
}

/** The three charts over time, on the timeline's x scale, and the CSV of their figures. */
export function Charts({ data, future, axis, width }: Props) {
  const { played, nodeCount, figures } = data;
  // The backplane only carries traffic when the cluster steers.
  const steering = useAppStore((s) => s.scenario?.cluster.connectionState === 'steering');
  const series = useMemo(() => {
    const lost = cumulative(played, lostIn);
    const broken = cumulative(played, brokenIn);
    const steered = cumulative(played, steeredIn);
    return {
      lost,
      broken,
      steered,
      lostFuture: future.length ? cumulative(future, lostIn, lost.at(-1)) : [],
      brokenFuture: future.length ? cumulative(future, brokenIn, broken.at(-1)) : [],
      steeredFuture: future.length ? cumulative(future, steeredIn, steered.at(-1)) : [],
      groups: shareGroups(nodeCount, [...played, ...future]),
    };
  }, [played, future, nodeCount]);
  return (
    <div className="flex flex-col gap-3">
      <ShareChart
        groups={series.groups}
        played={played}
        future={future}
        axis={axis}
        width={width}
      />
      <CumulativeChart
        title="Packets lost"
        unit="packets"
        played={series.lost}
        future={series.lostFuture}
        total={figures.packetsLost}
        color="var(--bad)"
        axis={axis}
        width={width}
      />
      <CumulativeChart
        title="Flows broken"
        unit="flows"
        played={series.broken}
        future={series.brokenFuture}
        total={figures.flowsBroken}
        color="var(--stale)"
        axis={axis}
        width={width}
      />
      <p className="-mt-2 text-sm text-muted">
        {figures.flowsReset.toLocaleString('en-US')} reset (a packet reached a node without the
        flow’s state, or that node crashed), {figures.flowsStalled.toLocaleString('en-US')} stalled
        (lost packets, then carried on).
      </p>
      {steering && (
        <CumulativeChart
          title="Backplane load"
          unit="packets steered"
          played={series.steered}
          future={series.steeredFuture}
          total={figures.packetsSteered}
          color="var(--info)"
          axis={axis}
          width={width}
        />
      )}
      <div className="flex justify-end">
        <button
          type="button"
          className="btn btn-secondary rounded-md px-3 py-1 text-sm"
          onClick={() => downloadCsv(played, nodeCount, 'ecmp-figures.csv')}
        >
          Download figures (CSV)
        </button>
      </div>
    </div>
  );
}
