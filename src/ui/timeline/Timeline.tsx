/**
 * The timeline: a slider over the scenario's duration. Click or drag to scrub
 * (one seek per animation frame), or use the keyboard. Markers show faults,
 * FIB changes, detections and metric changes; hatched spans are black holes.
 */
import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef } from 'react';
import type { Epoch, History } from '../../sim';
import { getSim, lastFrame, usePainter } from '../../store';
import { createFrameSeeker, scrubTo } from './actions';
import { timelineMarks } from './marks';
import { formatSeconds, type TimeAxis } from './scale';
import { LANE_PX, TRACK, TimelineTrack } from './TimelineTrack';

interface Props {
  axis: TimeAxis;
  width: number;
  history: History;
  /** Played and known-future epochs, for the black-hole spans. */
  epochs: readonly Epoch[];
  durationMs: number;
}

const KEY_STEPS: Record<string, (now: number, shift: boolean, end: number) => number> = {
  ArrowLeft: (t, shift) => t - (shift ? 1000 : 100),
  ArrowDown: (t, shift) => t - (shift ? 1000 : 100),
  ArrowRight: (t, shift) => t + (shift ? 1000 : 100),
  ArrowUp: (t, shift) => t + (shift ? 1000 : 100),
  PageDown: (t) => t - 10_000,
  PageUp: (t) => t + 10_000,
  Home: () => 0,
  End: (_t, _s, end) => end,
};

export function Timeline({ axis, width, history, epochs, durationMs }: Props) {
  const slider = useRef<HTMLDivElement>(null);
  const playhead = useRef<SVGGElement>(null);
  const marks = useMemo(
    () => timelineMarks(history.events, epochs, axis.x),
    [history, epochs, axis],
  );
  const seeker = useMemo(createFrameSeeker, []);
  useEffect(() => () => seeker.cancel(), [seeker]);
  const dragging = useRef(false);

  const timeAt = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return axis.x.invert(e.clientX - rect.left);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    scrubTo(timeAt(e));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) seeker.request(timeAt(e));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    e.currentTarget.releasePointerCapture(e.pointerId);
    seeker.flush();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = KEY_STEPS[e.key];
    const sim = getSim();
    if (!step || !sim) return;
    e.preventDefault();
    scrubTo(step(sim.now(), e.shiftKey, durationMs));
  };

  const extra = (marks.lanes - 1) * LANE_PX;
  const playheadAt = (nowMs: number) =>
    `translate(${Math.round(2 * axis.x(Math.min(nowMs, axis.x.domain()[1]!))) / 2},${extra})`;
  // The playhead moves ten times a second (in half-pixel steps) and the slider's value a
  // few times a second, both written in place rather than by re-rendering.
  usePainter(({ nowMs }) => {
    const moved = playheadAt(nowMs);
    if (playhead.current && playhead.current.getAttribute('transform') !== moved) {
      playhead.current.setAttribute('transform', moved);
    }
  });
  usePainter(({ nowMs }) => {
    slider.current?.setAttribute('aria-valuenow', String(Math.round(nowMs)));
    slider.current?.setAttribute('aria-valuetext', formatSeconds(nowMs));
  }, 250);
  const nowMs = lastFrame()?.nowMs ?? 0;
  return (
    <div
      ref={slider}
      role="slider"
      tabIndex={0}
      aria-label="Timeline"
      aria-valuemin={0}
      aria-valuemax={durationMs}
      aria-valuenow={Math.round(nowMs)}
      aria-valuetext={formatSeconds(nowMs)}
      aria-orientation="horizontal"
      className="timeline-slider block cursor-pointer touch-none rounded-md select-none"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    >
      <svg
        width={width}
        height={TRACK.height + extra}
        aria-hidden="true"
        className="block max-w-full overflow-visible"
      >
        <g transform={`translate(0,${extra})`}>
          <TimelineTrack
            axis={axis}
            marks={marks}
            horizonMs={history.horizonMs}
            durationMs={durationMs}
          />
        </g>
        <g ref={playhead} transform={playheadAt(nowMs)} className="timeline-playhead">
          <line
            y1={TRACK.top - 3}
            y2={TRACK.bottom}
            style={{ stroke: 'var(--surface)', strokeWidth: 6 }}
          />
          <line
            y1={TRACK.top - 3}
            y2={TRACK.bottom}
            style={{ stroke: 'var(--text)', strokeWidth: 2.5 }}
          />
          <path
            d={`M-7,${TRACK.bottom + 11}h14v-5l-7,-6l-7,6z`}
            style={{ fill: 'var(--text)', stroke: 'var(--surface)', strokeWidth: 1.5 }}
          />
        </g>
      </svg>
    </div>
  );
}
