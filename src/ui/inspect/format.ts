/** Small text formatters shared by the inspectors. Times are simulated ms. */

/** "2.1 s ago", "now". */
export function formatAgo(nowMs: number, atMs: number): string {
  const ms = Math.max(0, nowMs - atMs);
  if (ms < 50) return 'now';
  return `${formatSeconds(ms)} ago`;
}

/** "6.9 s"; whole seconds from a minute up ("92 s"), minutes from an hour ("75 min"), to keep columns narrow. */
export function formatSeconds(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.round(s)} s`;
  return `${Math.round(s / 60)} min`;
}

/** Countdown to `atMs`, or an em dash when nothing is due. */
export function formatCountdown(nowMs: number, atMs: number | null): string {
  return atMs === null ? '—' : formatSeconds(atMs - nowMs);
}

export function formatPercent(share: number): string {
  const pct = share * 100;
  return pct > 0 && pct < 1 ? '<1%' : `${Math.round(pct)}%`;
}
