import {
  reset,
  setSpeed,
  SPEED_MAX,
  SPEED_MIN,
  stepToNextEvent,
  togglePlay,
  useAppStore,
} from '../../store';
import { Button } from './Button';
import { Icon } from './icons';
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
      <SimClock />
    </div>
  );
}

function SimClock() {
  const displayMs = useAppStore((s) => s.displayMs);
  const durationMs = useAppStore((s) => s.scenario?.durationMs ?? 0);
  return (
    // A timer, not a status: it changes ten times a second and must not be read out.
    <output
      role="timer"
      aria-live="off"
      aria-label="Simulated time"
      className="ml-2 rounded-md bg-surface-2 px-2.5 py-1 font-mono text-sm tabular-nums"
    >
      {formatClock(displayMs)}
      <span className="text-muted max-sm:hidden"> / {formatClock(durationMs)}</span>
    </output>
  );
}
