import { useMemo } from 'react';
import type { Epoch } from '../../sim';
import type { TimeAxis } from '../timeline/scale';
import type { TimeData } from '../timeline/useTimeData';
import { CumulativeChart } from './CumulativeChart';
import { downloadCsv } from './export';
import { ShareChart } from './ShareChart';
import { brokenIn, cumulative, lostIn, shareGroups } from './series';

interface Props {
  data: TimeData;
  future: readonly Epoch[];
  axis: TimeAxis;
  width: number;
}

/** The three charts over time, on the timeline's x scale, and the CSV of their figures. */
export function Charts({ data, future, axis, width }: Props) {
  const { played, nodeCount, figures } = data;
  const series = useMemo(() => {
    const lost = cumulative(played, lostIn);
    const broken = cumulative(played, brokenIn);
    return {
      lost,
      broken,
      lostFuture: future.length ? cumulative(future, lostIn, lost.at(-1)) : [],
      brokenFuture: future.length ? cumulative(future, brokenIn, broken.at(-1)) : [],
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
