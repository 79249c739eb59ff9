/**
 * URL parameters (a public interface, see INTERFACES.md):
 * `?preset=<name>` or `?scenario=<encoded JSON>`, `&seed=<n>`, `&strategy=<s>`,
 * `&paused=1`. A bad value yields a message naming it; the caller shows it and
 * falls back to the default preset. The same URL gives the same run.
 */
import type { Strategy } from '../sim';

const STRATEGIES: readonly Strategy[] = ['none', 'metric-lowering', 'bfd'];

export interface PresetLookup {
  names: readonly string[];
  byName(name: string): unknown | undefined;
}

export interface UrlRequest {
  /** Scenario input to load (before validation), or null to use the default preset. */
  input: unknown | null;
  presetName: string | null;
  /** Overrides to apply to whatever is loaded (also to the fallback). */
  overrides: { seed?: number; strategy?: Strategy };
  paused: boolean;
  /** Problems found, each naming the parameter, its value and what is allowed. */
  problems: string[];
}

export function readUrl(search: string, presets: PresetLookup): UrlRequest {
  const params = new URLSearchParams(search);
  const request: UrlRequest = {
    input: null,
    presetName: null,
    overrides: {},
    paused: params.get('paused') === '1' || params.get('paused') === 'true',
    problems: [],
  };
  const scenarioText = params.get('scenario');
  const preset = params.get('preset');
  if (scenarioText !== null) {
    try {
      request.input = JSON.parse(scenarioText);
    } catch (error) {
      request.problems.push(`scenario: not valid JSON (${(error as Error).message})`);
    }
    if (preset !== null) request.problems.push('preset: give either preset or scenario, not both');
  } else if (preset !== null) {
    const input = presets.byName(preset);
    if (input === undefined) {
      request.problems.push(`preset: "${preset}" is not one of ${presets.names.join(', ')}`);
    } else {
      request.input = input;
      request.presetName = preset;
    }
  }
  const seed = params.get('seed');
  if (seed !== null) {
    const value = Number(seed);
    if (seed.trim() === '' || !Number.isInteger(value) || value < 0 || value > 2 ** 32 - 1) {
      request.problems.push(`seed: "${seed}" is not a whole number from 0 to 4294967295`);
    } else {
      request.overrides.seed = value;
    }
  }
  const strategy = params.get('strategy');
  if (strategy !== null) {
    if ((STRATEGIES as readonly string[]).includes(strategy)) {
      request.overrides.strategy = strategy as Strategy;
    } else {
      request.problems.push(`strategy: "${strategy}" is not one of ${STRATEGIES.join(', ')}`);
    }
  }
  return request;
}

/** Apply seed/strategy overrides to a scenario input object. */
export function withOverrides(input: unknown, overrides: UrlRequest['overrides']): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  return { ...(input as Record<string, unknown>), ...overrides };
}

/**
 * Keep the address bar in step with what is shown, so copying it shares the run.
 * Custom scenarios are written out in full.
 */
export function writeUrl(presetName: string | null, scenario: object, strategy: Strategy): void {
  const params = new URLSearchParams(window.location.search);
  params.delete('preset');
  params.delete('scenario');
  params.delete('seed');
  if (presetName) params.set('preset', presetName);
  else params.set('scenario', JSON.stringify(scenario));
  params.set('strategy', strategy);
  const url = `${window.location.pathname}?${params.toString()}${window.location.hash}`;
  window.history.replaceState(null, '', url);
}
