/**
 * Scenario files and share links, all local: a download is a Blob behind an
 * object URL, an import reads a chosen file, a link carries the scenario in
 * `?scenario=` exactly as `src/app/url.ts` reads it.
 */
import type { Scenario } from '../../sim';

export function scenarioFileName(scenario: Scenario): string {
  const stem = (scenario.name ?? scenario.title ?? 'scenario')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `ecmp-${stem || 'scenario'}-seed${scenario.seed}.json`;
}

/** Save `scenario` as a pretty-printed JSON file. */
export function downloadScenario(scenario: Scenario): void {
  const blob = new Blob([`${JSON.stringify(scenario, null, 2)}\n`], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = scenarioFileName(scenario);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled (Firefox needs the URL a moment longer).
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** This page's address with the scenario in the URL (other parameters dropped, `paused` kept). */
export function shareLink(scenario: Scenario, location: Location = window.location): string {
  const params = new URLSearchParams(location.search);
  const paused = params.get('paused');
  const tail = paused ? `&paused=${encodeURIComponent(paused)}` : '';
  return `${location.origin}${location.pathname}?scenario=${encodeURIComponent(JSON.stringify(scenario))}${tail}`;
}

/** Copy to the clipboard; false when the browser will not (insecure origin, denied). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
