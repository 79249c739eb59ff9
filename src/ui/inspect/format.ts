/** Small text formatters shared by the inspectors. Times are simulated ms. */

/** "2.1 s ago", "now". */
export function formatAgo(nowMs: number, atMs: number): string {
  const ms = Math.max(0, nowMs - atMs);
  if (ms < 50) return 'now';
  return `${formatSeconds(ms)} ago`;
}

/** "6.9 s", "1 min 32 s" for long waits. */
export function formatSeconds(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const minutes = Math.floor(s / 60);
  return `${minutes} min ${Math.round(s - minutes * 60)} s`;
}

/** Countdown to `atMs`, or an em dash when nothing is due. */
export function formatCountdown(nowMs: number, atMs: number | null): string {
  return atMs === null ? '—' : formatSeconds(atMs - nowMs);
}

export function formatPercent(share: number): string {
  const pct = share * 100;
  return pct > 0 && pct < 1 ? '<1%' : `${Math.round(pct)}%`;
}
