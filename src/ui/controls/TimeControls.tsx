import { useRef } from 'react';
import {
  reset,
  setSlowMotion,
  setSpeed,
  SPEED_MAX,
  SPEED_MIN,
  stepToNextEvent,
  togglePlay,
  useAppStore,
  usePainter,
  writeText,
} from '../../store';
import { Button } from './Button';
import { Icon } from './icons';
import { WorkProgress } from './WorkProgress';
import { formatClock, formatSpeed, sliderFromSpeed, speedFromSlider } from './format';

/** Play/Pause, Step, Reset, the speed slider and the simulated clock. */
export function TimeControls() {
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const loaded = useAppStore((s) => s.scenario !== null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        onClick={togglePlay}
        disabled={!loaded}
        primary
        aria-keyshortcuts="k"
        title="Play or pause (K)"
      >
        <Icon name={playing ? 'pause' : 'play'} />
        {playing ? 'Pause' : 'Play'}
      </Button>
      <Button
        onClick={stepToNextEvent}
        disabled={!loaded}
        title="Pause and run to the next control-plane event (.)"
        aria-keyshortcuts="."
      >
        <Icon name="step" />
        Step
      </Button>
      <Button onClick={reset} disabled={!loaded} title="Start the scenario over, discarding clicks">
        <Icon name="reset" />
        Reset
      </Button>
      <label className="ml-1 flex items-center gap-2 text-sm">
        <span className="text-muted">Speed</span>
        <input
          type="range"
          min={sliderFromSpeed(SPEED_MIN)}
          max={sliderFromSpeed(SPEED_MAX)}
          step={10}
          value={sliderFromSpeed(speed)}
          aria-valuetext={formatSpeed(speed)}
          onChange={(event) => setSpeed(speedFromSlider(Number(event.currentTarget.value)))}
          className="speed-slider w-24"
        />
        <output aria-live="off" className="w-14 tabular-nums">
          {formatSpeed(speed)}
        </output>
      </label>
      <SlowMotionToggle />
      <SimClock />
      <WorkProgress />
    </div>
  );
}

/** Automatic slow motion around failures; says so while it is slowing the clock. */
function SlowMotionToggle() {
  const on = useAppStore((s) => s.slowMotion);
  const slowed = useAppStore((s) => s.slowed && s.slowMotion && s.playing);
  return (
    <label
      className="flex items-center gap-1.5 text-sm"
      title="Run at 0.25× from just before a failure until the forwarding table has dropped the dead node"
    >
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => setSlowMotion(event.currentTarget.checked)}
      />
      <span>Slow motion around failures</span>
      {slowed && <span className="font-semibold text-alert">· slowed</span>}
    </label>
  );
}

/** The running clock is written ten times a second by a painter (text only when it changes), not by React. */
function SimClock() {
  const displayMs = useAppStore((s) => s.displayMs);
  const durationMs = useAppStore((s) => s.scenario?.durationMs ?? 0);
  const text = useRef<HTMLSpanElement>(null);
  usePainter(({ nowMs }) => writeText(text.current, formatClock(nowMs)));
  return (
    // A timer, not a status: it changes ten times a second and must not be read out.
    <output
      role="timer"
      aria-live="off"
      aria-label="Simulated time"
      className="ml-2 rounded-md bg-surface-2 px-2.5 py-1 font-mono text-sm tabular-nums"
    >
      <span ref={text}>{formatClock(displayMs)}</span>
      <span className="text-muted max-sm:hidden"> / {formatClock(durationMs)}</span>
    </output>
  );
}
