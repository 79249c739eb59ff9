/**
 * Start-up: read the URL, load its scenario (or the default preset when it is
 * bad, showing why), install `window.ecmp`, start the clock, mark the page ready.
 */
import { ScenarioError, type Scenario } from '../sim';
import { appStore, loadScenario, play, showError } from '../store';
import { startClock } from './clock';
import { installShortcuts } from './shortcuts';
import { installTestApi } from './testApi';
import { type PresetLookup, readUrl, withOverrides, writeUrl } from './url';

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

export function boot({ presets, defaultPreset }: BootOptions): void {
  const request = readUrl(window.location.search, presetLookup(presets));
  const problems = [...request.problems];
  let loaded = false;
  if (request.input !== null && problems.length === 0) {
    try {
      loadScenario(withOverrides(request.input, request.overrides), request.presetName);
      loaded = true;
    } catch (error) {
      problems.push(
        ...(error instanceof ScenarioError ? error.problems : [(error as Error).message]).map(
          (p) => (request.presetName ? `preset ${request.presetName}: ${p}` : `scenario: ${p}`),
        ),
      );
    }
  }
  if (!loaded) {
    const overrides = problems.length === 0 ? request.overrides : {};
    loadScenario(withOverrides(defaultPreset.scenario, overrides), defaultPreset.name);
  }
  if (problems.length > 0) {
    showError(
      `The address has a problem, so the default scenario "${defaultPreset.title}" was loaded instead:\n${problems.join('\n')}`,
    );
  }
  installTestApi(makeLoader(presets));
  appStore.subscribe((state, prev) => {
    if (state.scenario && state.scenario !== prev.scenario) {
      writeUrl(state.presetName, state.scenario, state.scenario.strategy);
    }
  });
  startClock();
  installShortcuts();
  if (!request.paused && problems.length === 0) play();
  document.documentElement.dataset.ready = '1';
}
