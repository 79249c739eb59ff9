/**
 * Start-up: read the URL, load its scenario (or the default preset when it is
 * bad, showing why), open at its moment, install `window.ecmp`, start the
 * clock, mark the page ready. A bad parameter is reported and ignored; the
 * others still apply.
 */
import { openLessonFromAddress } from '../lesson/address';
import { ScenarioError, type Scenario } from '../sim';
import { appStore, loadScenario, openCompare, play, seek, showError } from '../store';
import { nextFrame, startClock } from './clock';
import { followCompareInAddress } from './compareAddress';
import { writeAddress } from './links';
import { setPresent } from './presenter';
import { type PresetLookup, readUrl, type UrlRequest, withOverrides } from './url';

export interface PresetEntry {
  name: string;
  title: string;
  description: string;
  scenario: unknown;
}

export interface BootOptions {
  presets: readonly PresetEntry[];
  /** Preset to fall back on; its scenario must be valid. */
  defaultPreset: PresetEntry;
}

export function presetLookup(presets: readonly PresetEntry[]): PresetLookup {
  return {
    names: presets.map((p) => p.name),
    byName: (name) => presets.find((p) => p.name === name)?.scenario,
  };
}

/** Load a scenario object, or a preset by name (as `window.ecmp.load` and the preset picker do). */
export function makeLoader(presets: readonly PresetEntry[]) {
  return (input: unknown): Scenario => {
    if (typeof input === 'string') {
      const preset = presets.find((p) => p.name === input);
      if (!preset) {
        throw new ScenarioError([
          `preset: "${input}" is not one of ${presets.map((p) => p.name).join(', ')}`,
        ]);
      }
      return loadScenario(preset.scenario, preset.name);
    }
    return loadScenario(input, null);
  };
}

const problemsOf = (error: unknown) =>
  error instanceof ScenarioError ? error.problems : [(error as Error).message];

/** Load what the address asks for; false (with the reasons) when it cannot be. */
function loadRequested(request: UrlRequest, presets: PresetLookup, problems: string[]): boolean {
  const { values, given } = request;
  const presetName = values.scenario === undefined ? (values.preset ?? null) : null;
  const input = presetName === null ? values.scenario : presets.byName(presetName);
  // Asked for a scenario or preset that could not even be read: not loaded.
  if (input === undefined) return !given.has('scenario') && !given.has('preset');
  try {
    loadScenario(withOverrides(input, values), presetName);
    return true;
  } catch (error) {
    problems.push(...problemsOf(error).map((p) => (presetName ? `preset ${presetName}: ${p}` : p)));
    return false;
  }
}

/** Open at the address's moment, if it is within the run (a long way in runs in slices). */
async function openAt(tMs: number | undefined, problems: string[]): Promise<void> {
  const scenario = appStore.getState().scenario;
  if (tMs === undefined || !scenario) return;
  if (tMs > scenario.durationMs) {
    problems.push(`t: ${tMs} is after the end of the run (${scenario.durationMs} ms)`);
    return;
  }
  await seek(tMs);
}

export async function boot({ presets, defaultPreset }: BootOptions): Promise<void> {
  const lookup = presetLookup(presets);
  const request = await readUrl(window.location, { presets: lookup });
  const { values, problems } = request;
  const loaded = loadRequested(request, lookup, problems);
  if (!loaded || appStore.getState().scenario === null) {
    loadScenario(withOverrides(defaultPreset.scenario, values), defaultPreset.name);
  }
  // Before the address is rewritten below: a bad value leaves the address with the mode off.
  if (request.given.has('present')) setPresent(values.present === true);
  await openAt(values.t, problems);
  const inLesson = await openLessonFromAddress(values, request.given, problems);
  if (values.compare) openCompare(values.compare);
  if (!loaded) {
    showError(
      `The address's scenario was not loaded, so the default scenario "${defaultPreset.title}" was loaded instead:\n${problems.join('\n')}`,
    );
  } else if (problems.length > 0) {
    showError(`Part of the address was ignored; the rest applies:\n${problems.join('\n')}`);
  }
  // The automation API and the keyboard shortcuts load beside the first paint,
  // not before it; both are in place before the page says it is ready.
  const [{ installTestApi }, { installShortcuts }] = await Promise.all([
    import('./testApi'),
    import('./shortcuts'),
  ]);
  installTestApi(makeLoader(presets), nextFrame);
  const scenario = appStore.getState().scenario;
  // The address now says what is shown: bad parameters gone, an old `?scenario=` packed.
  if (scenario) void writeAddress(scenario, appStore.getState().presetName, lookup);
  appStore.subscribe((state, prev) => {
    if (state.scenario && state.scenario !== prev.scenario) {
      void writeAddress(state.scenario, state.presetName, lookup);
    }
  });
  followCompareInAddress();
  startClock();
  installShortcuts();
  if (loaded && !values.paused && !inLesson) play();
  document.documentElement.dataset.ready = '1';
}
