/**
 * What the screen reader hears: the control-plane moments (a node fails or
 * recovers, detects a loss and lowers its metric, restores it, the forwarding
 * table changes, a stale route expires), told at most once a second. When more
 * happened in that second (fast-forward), one sentence sums it up.
 */
import type { ProtocolPreset, SimEvent } from '../../sim';
import { describeEvent, formatSet } from '../eventlog/describe';

type Kind = 'failure' | 'recovery' | 'detection' | 'metric' | 'fib' | 'expiry';

export interface Moment {
  tMs: number;
  kind: Kind;
  text: string;
  /** For a forwarding-table change: the set installed. */
  fib?: readonly number[];
}

/** The announced moments among `events[from..]`, in order. */
export function momentsIn(
  events: readonly SimEvent[],
  from: number,
  preset: ProtocolPreset,
): Moment[] {
  const out: Moment[] = [];
  for (let i = Math.max(0, from); i < events.length; i++) {
    const e = events[i]!;
    const kind = kindOf(e, events, i);
    if (!kind) continue;
    const text = describeEvent(events, i, preset);
    out.push(
      e.type === 'fib-install'
        ? { tMs: e.tMs, kind, text, fib: e.ecmp }
        : { tMs: e.tMs, kind, text },
    );
  }
  return out;
}

/** Whether the node that logged the detection at `i` lowers its metric with it. */
function lowersWith(events: readonly SimEvent[], i: number): boolean {
  const d = events[i]!;
  for (let j = i + 1; j < events.length && events[j]!.tMs === d.tMs; j++) {
    const e = events[j]!;
    if (e.type === 'advertise' && 'node' in d && e.node === d.node && e.reason === 'lower')
      return true;
  }
  return false;
}

function kindOf(e: SimEvent, events: readonly SimEvent[], i: number): Kind | null {
  switch (e.type) {
    case 'node-fail':
      return 'failure';
    case 'node-recover':
      return 'recovery';
    // Under a strategy that does not lower (none, BFD) a detection changes no metric.
    case 'detect':
      return lowersWith(events, i) ? 'metric' : 'detection';
    // A lowering is told with its detection; restores and rejoins on their own.
    case 'advertise':
      return e.reason === 'restore' || e.reason === 'rejoin' ? 'metric' : null;
    case 'fib-install':
      return 'fib';
    case 'route-removed':
      return e.reason === 'expiry' ? 'expiry' : null;
    default:
      return null;
  }
}

const NOUN: Record<Kind, [string, string]> = {
  failure: ['node failure', 'node failures'],
  recovery: ['recovery', 'recoveries'],
  detection: ['detection', 'detections'],
  metric: ['metric change', 'metric changes'],
  fib: ['forwarding-table change', 'forwarding-table changes'],
  expiry: ['route expiry', 'route expiries'],
};

const seconds = (tMs: number) => `${(tMs / 1000).toFixed(1)} s`;

/** One announcement for the moments gathered since the last one. */
export function summarise(moments: readonly Moment[]): string {
  if (moments.length === 0) return '';
  const latestFib = [...moments].reverse().find((m) => m.fib !== undefined)?.fib ?? null;
  const first = moments[0]!;
  if (moments.length <= 2)
    return `At ${seconds(first.tMs)}: ${moments.map((m) => m.text).join('. ')}.`;
  const counts = new Map<Kind, number>();
  for (const m of moments) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${NOUN[kind][n === 1 ? 0 : 1]}`);
  const last = moments.at(-1)!;
  const fib =
    latestFib === null
      ? ''
      : latestFib.length === 0
        ? ' Forwarding table now empty.'
        : ` Forwarding table now ${formatSet(latestFib)}.`;
  return `${seconds(first.tMs)} to ${seconds(last.tMs)}: ${parts.join(', ')}. Latest: ${last.text}.${fib}`;
}

export const MIN_GAP_MS = 1000;

/**
 * Gathers moments and says when to speak: at once when the last announcement is
 * a second old, otherwise at the end of that second (wall-clock ms).
 */
export function createCoalescer(speak: (text: string) => void) {
  let pending: Moment[] = [];
  let lastSpokeMs = Number.NEGATIVE_INFINITY;
  return {
    /** Adds moments; returns the wall time at which `flush` should run, or null when none is due. */
    add(moments: readonly Moment[], nowMs: number): number | null {
      if (moments.length === 0) return null;
      pending.push(...moments);
      const due = lastSpokeMs + MIN_GAP_MS;
      if (nowMs >= due) {
        this.flush(nowMs);
        return null;
      }
      return due;
    },
    flush(nowMs: number): void {
      if (pending.length === 0) return;
      speak(summarise(pending));
      pending = [];
      lastSpokeMs = nowMs;
    },
    /** Forget what was gathered (a seek back or a new scenario). */
    clear(): void {
      pending = [];
    },
  };
}
