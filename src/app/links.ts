/**
 * Links to the current run, as short as they can be and still reopen it: a
 * preset (with its seed and strategy) stays `?preset=…`; anything else
 * carries the whole scenario, packed, in the fragment.
 */
import { parseScenario, type Scenario } from '../sim';
import { formatQuery, type PresetLookup, type UrlValues, withOverrides } from './url';

/** JSON with keys sorted, so two equal scenarios give the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** `?preset=` values that reproduce `scenario` exactly, or null when none does. */
function asPreset(
  scenario: Scenario,
  presetName: string | null,
  presets: PresetLookup,
): UrlValues | null {
  const input = presetName === null ? undefined : presets.byName(presetName);
  if (presetName === null || input === undefined) return null;
  try {
    const plain = parseScenario(input);
    const values: UrlValues = { preset: presetName };
    if (scenario.seed !== plain.seed) values.seed = scenario.seed;
    if (scenario.strategy !== plain.strategy) values.strategy = scenario.strategy;
    const rebuilt = parseScenario(withOverrides(input, values));
    return canonical(rebuilt) === canonical(scenario) ? values : null;
  } catch {
    return null;
  }
}

export interface Link {
  /** `?…` or empty. */
  query: string;
  /** `#scenario=…` or empty. */
  hash: string;
}

/**
 * The query and fragment that reopen `scenario`, with `extra` parameters
 * (the moment, paused, …) added to the query.
 */
export async function linkTo(
  scenario: Scenario,
  presetName: string | null,
  presets: PresetLookup,
  extra: UrlValues = {},
): Promise<Link> {
  const preset = asPreset(scenario, presetName, presets);
  if (preset) return { query: formatQuery({ ...extra, ...preset }), hash: '' };
  const { preset: _p, scenario: _s, seed: _seed, strategy: _strategy, ...rest } = extra;
  const { packScenario } = await import('./linkCodec'); // only for links that carry a whole scenario
  return {
    query: formatQuery(rest),
    hash: `#scenario=${await packScenario(JSON.stringify(scenario))}`,
  };
}

/** Parameters that belong to the run; every other parameter in the address is kept. */
const RUN_PARAMS = ['preset', 'scenario', 'seed', 'strategy', 't'] as const;

let writes = 0;

/**
 * Keep the address bar in step with what is shown, so a reload reopens it.
 * Packing is asynchronous: only the latest call writes.
 */
export async function writeAddress(
  scenario: Scenario,
  presetName: string | null,
  presets: PresetLookup,
): Promise<void> {
  const mine = ++writes;
  const link = await linkTo(scenario, presetName, presets);
  if (mine !== writes) return;
  // Read after packing: another parameter (the side-by-side view's) may have changed meanwhile.
  const params = new URLSearchParams(window.location.search);
  for (const name of RUN_PARAMS) params.delete(name);
  const kept = params.toString();
  const query = [link.query.replace(/^\?/, ''), kept].filter(Boolean).join('&');
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${link.hash}`;
  window.history.replaceState(window.history.state, '', url);
}
