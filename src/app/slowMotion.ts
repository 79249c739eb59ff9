/**
 * Automatic slow motion around a failure: the black hole of metric lowering
 * lasts a fraction of a second, gone in a blink at 1× and invisible at 100×.
 * When it is on, the clock runs at most at `SLOW_SPEED` from just before a
 * scripted failure, while the forwarding table holds a node that cannot
 * deliver, and for a moment after, so the class sees packets die and the
 * FIB change. The lesson turns it on; free play has a toggle. A frame at a
 * high speed moves seconds of simulated time, so it stops at the next
 * failure's lead (`fastUntil`) rather than jump over the failure unslowed.
 */
import type { Scenario, Snapshot } from '../sim';
import { isDelivering } from '../viz/pathState';

export const SLOW_SPEED = 0.25;
/** Slow down this long (simulated) before a scripted failure… */
const LEAD_MS = 400;
/** …and keep it slow this long after the black hole closes. */
const TAIL_MS = 1_200;

let slowUntilMs = Number.NEGATIVE_INFINITY;
let faultsOf: Scenario | null = null;
let failTimes: number[] = [];

/** Whether some route in the FIB leads to a node that cannot deliver. */
export function blackHoleNow(snapshot: Snapshot | null): boolean {
  if (!snapshot) return false;
  return snapshot.fib.some((n) => !isDelivering(snapshot.nodes.find((v) => v.node === n)));
}

function nextFailAfter(scenario: Scenario, nowMs: number): number {
  if (faultsOf !== scenario) {
    faultsOf = scenario;
    failTimes = scenario.faults
      .filter((f) => f.action === 'fail')
      .map((f) => f.atMs)
      .sort((a, b) => a - b);
  }
  let lo = 0;
  let hi = failTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failTimes[mid]! < nowMs) lo = mid + 1;
    else hi = mid;
  }
  return failTimes[lo] ?? Number.POSITIVE_INFINITY;
}

/** The speed to run this frame at (`speed` unless slow motion applies). */
export function effectiveSpeed(
  speed: number,
  on: boolean,
  nowMs: number,
  scenario: Scenario,
  snapshot: Snapshot | null,
): number {
  if (!on || speed <= SLOW_SPEED) return speed;
  const loaded = scenario !== faultsOf;
  const nextFailMs = nextFailAfter(scenario, nowMs);
  // Sought back, or another scenario loaded: the last slow stretch is not this one's.
  if (loaded || nowMs < slowUntilMs - 2 * TAIL_MS) slowUntilMs = Number.NEGATIVE_INFINITY;
  if (blackHoleNow(snapshot) || nextFailMs - nowMs <= LEAD_MS) {
    slowUntilMs = nowMs + TAIL_MS;
  }
  return nowMs < slowUntilMs ? SLOW_SPEED : speed;
}

/**
 * How far a frame at the chosen speed may run from `nowMs`: to the lead of the
 * next scripted failure when slow motion is on (the next frame starts inside
 * it and runs slow), otherwise without limit.
 */
export function fastUntil(on: boolean, nowMs: number, scenario: Scenario): number {
  if (!on) return Number.POSITIVE_INFINITY;
  const leadMs = nextFailAfter(scenario, nowMs) - LEAD_MS;
  return leadMs > nowMs ? leadMs : Number.POSITIVE_INFINITY;
}
