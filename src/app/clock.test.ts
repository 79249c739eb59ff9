import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../sim';
import { SLOW_SPEED } from './slowMotion';
import {
  appStore,
  type FrameContext,
  loadScenario,
  play,
  registerPainter,
  resetStore,
  setSimulationFactory,
  setSlowMotion,
  setSpeed,
  throttled,
} from '../store';

// The clock drives itself with requestAnimationFrame and listens to the page's
// visibility: both stood in for here, so frames are run one by one.
let pending: FrameRequestCallback | null = null;
const saved = { raf: globalThis.requestAnimationFrame, document: globalThis.document };
beforeAll(() => {
  globalThis.requestAnimationFrame = (callback) => {
    pending = callback;
    return 1;
  };
  globalThis.document = { hidden: false, addEventListener() {} } as unknown as Document;
});
afterAll(() => {
  globalThis.requestAnimationFrame = saved.raf;
  globalThis.document = saved.document;
});

interface Seen {
  frame: FrameContext;
  storeMs: number;
}

const HOUR = { version: 1, nodes: 4, durationMs: 3_600_000 };

/** Play `scenario` at `speed` for `frames` 60 Hz frames; every frame painted, and the DOM painter's writes. */
async function playFor(speed: number, frames: number, scenario: object = HOUR, slowMotion = false) {
  resetStore();
  setSimulationFactory(createSimulation);
  loadScenario(scenario);
  const { startClock } = await import('./clock');
  startClock();
  setSpeed(speed);
  setSlowMotion(slowMotion);
  play();
  const painted: Seen[] = [];
  const written: Seen[] = [];
  const seen = (frame: FrameContext) => ({ frame, storeMs: appStore.getState().displayMs });
  const offCanvas = registerPainter((frame) => painted.push(seen(frame)));
  const offDom = registerPainter(throttled(100, (frame) => written.push(seen(frame))));
  for (let i = 0; i < frames && pending; i++) {
    const run = pending;
    pending = null;
    run(1000 + i * (1000 / 60));
  }
  offCanvas();
  offDom();
  return { painted, written };
}

describe('the clock', () => {
  it('above 10x, DOM painters write on the store sync frames only, at the moment the store shows', async () => {
    const { painted, written } = await playFor(1000, 120);
    const playing = written.filter((w) => w.frame.playing);
    expect(playing.length).toBeGreaterThanOrEqual(4);
    // Every write shows the moment the store shows (already accounted: no sweep of its own).
    for (const w of playing) expect(w.frame.nowMs).toBe(w.storeMs);
    // After the frame Play asked for, each is on a DOM-only frame between the core's.
    expect(playing.slice(1).every((w) => w.frame.domOnly === true)).toBe(true);
    expect(playing.at(-1)!.frame.nowMs).toBeGreaterThan(0);
    // The canvas layers get the core's frames too, which are never DOM-only.
    expect(painted.some((p) => p.frame.playing && !p.frame.domOnly)).toBe(true);
  });

  it('at 1000x held back by slow motion, DOM painters write on its slow frames', async () => {
    // Within slow motion's lead of the start, so the very first frames are held back.
    const crash = { atMs: 300, node: 2, action: 'fail', kind: 'crash' };
    const { written } = await playFor(1000, 120, { ...HOUR, faults: [crash] }, true);
    const slowed = written.filter((w) => w.frame.playing && w.frame.speed < 10);
    expect(slowed.length).toBeGreaterThanOrEqual(10);
    expect(slowed.every((w) => w.frame.coarse && !w.frame.domOnly)).toBe(true);
  });

  it('at 1000x with slow motion on, a frame stops at the next failure and the failure plays slowly', async () => {
    // A frame at 1000x moves about 33 simulated seconds: far more than the lead.
    const crash = { atMs: 600_000, node: 2, action: 'fail', kind: 'crash' };
    const { painted } = await playFor(1000, 240, { ...HOUR, faults: [crash] }, true);
    const playing = painted.filter((p) => p.frame.playing);
    const fast = playing.filter((p) => p.frame.speed === 1000);
    expect(fast.some((p) => p.frame.nowMs >= 500_000)).toBe(true);
    // No frame at full speed lands inside the lead or the failure…
    expect(
      fast.every((p) => p.frame.nowMs <= crash.atMs - 400 || p.frame.nowMs > crash.atMs + 1_000),
    ).toBe(true);
    // …and the moment of the crash is crossed at the slow speed.
    const slow = playing.filter((p) => p.frame.speed === SLOW_SPEED).map((p) => p.frame.nowMs);
    expect(slow.some((t) => t < crash.atMs)).toBe(true);
    expect(slow.some((t) => t > crash.atMs)).toBe(true);
  });

  it('at ordinary speeds, DOM painters write on coarse core frames, about ten times a second', async () => {
    const { written } = await playFor(1, 120);
    const playing = written.filter((w) => w.frame.playing);
    expect(playing.length).toBeGreaterThanOrEqual(15);
    expect(playing.every((w) => !w.frame.domOnly && w.frame.coarse)).toBe(true);
  });
});
