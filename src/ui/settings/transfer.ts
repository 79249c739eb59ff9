/**
 * Scenario files and share links, all local: a download is a Blob behind an
 * object URL, an import reads a chosen file, a link is built by
 * `src/app/links.ts` exactly as `src/app/url.ts` reads it.
 */
import { linkTo } from '../../app/links';
import { PRESETS, type Scenario } from '../../sim';

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

const presets = {
  names: PRESETS.map((p) => p.name),
  byName: (name: string) => PRESETS.find((p) => p.name === name)?.scenario,
};

export interface ShareMoment {
  presetName: string | null;
  /** The simulated moment the link opens at. */
  tMs: number;
  /** Open paused there (as the sharer sees it) rather than playing on. */
  paused: boolean;
}

/** A link to this page that reopens the run (clicks included) at the moment shown. */
export async function shareLink(
  scenario: Scenario,
  { presetName, tMs, paused }: ShareMoment,
  location: Location = window.location,
): Promise<string> {
  const extra = { t: Math.round(tMs), ...(paused ? { paused: true } : {}) };
  const { query, hash } = await linkTo(scenario, presetName, presets, extra);
  return `${location.origin}${location.pathname}${query}${hash}`;
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
