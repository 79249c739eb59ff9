import { describe, expect, it } from 'vitest';
import { COARSE_MS, FAST_PAINT_MS, type FrameContext, throttled } from './frame';

/** Frames every 100 ms of wall time for `seconds`, all coarse; how often did the painter run? */
function runs(intervalMs: number, speed: number, playing = true, seconds = 3): number {
  let count = 0;
  const paint = throttled(intervalMs, () => {
    count++;
  });
  for (let wallMs = 0; wallMs < seconds * 1000; wallMs += COARSE_MS) {
    paint({ playing, speed, wallMs, coarse: true, nowMs: wallMs * speed } as FrameContext);
  }
  return count;
}

describe('throttled painters', () => {
  it('keep their own interval at ordinary speeds', () => {
    expect(runs(COARSE_MS, 1)).toBe(30);
    expect(runs(COARSE_MS, 10)).toBe(30);
    expect(runs(500, 1)).toBe(6);
  });

  it('write at most every FAST_PAINT_MS when playing faster than ten times real time', () => {
    // Coarse frames 100 ms apart: every third one is the first 250 ms after the last write.
    expect(FAST_PAINT_MS).toBe(250);
    expect(runs(COARSE_MS, 1000)).toBe(10);
    expect(runs(500, 1000)).toBe(6);
  });

  it('run on every frame while paused, at any speed', () => {
    expect(runs(COARSE_MS, 1000, false)).toBe(30);
  });
});
