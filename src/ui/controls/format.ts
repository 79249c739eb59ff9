/** Simulated time as mm:ss.mmm (hours roll into minutes). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const minutes = Math.floor(total / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/** Speed as shown next to the slider: 0.1×, 2.5×, 40×, 1000×. */
export function formatSpeed(speed: number): string {
  if (speed < 1) return `${speed.toFixed(2).replace(/0$/, '')}×`;
  if (speed < 10) return `${speed.toFixed(1).replace(/\.0$/, '')}×`;
  return `${Math.round(speed)}×`;
}

/** Slider position (-100..300) ↔ speed on a log scale from 0.1× to 1000×. */
export function speedFromSlider(value: number): number {
  const speed = 10 ** (value / 100);
  // Snap to round values near them so 1× is reachable by keyboard and mouse alike.
  const rounded = Number(speed.toPrecision(2));
  return rounded;
}

export function sliderFromSpeed(speed: number): number {
  return Math.round(Math.log10(speed) * 100);
}
