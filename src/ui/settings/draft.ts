/**
 * The settings form's draft (text per field) and the scenario built from it.
 * Building never validates beyond what the form alone knows (the node limit);
 * `loadScenario` runs the scenario schema and names any bad field.
 */
import { PROTOCOLS, type ProtocolPreset, type Scenario, ScenarioError } from '../../sim';
import { FIELDS, type FieldSpec, fieldKey, MAX_NODES } from './fields';

export type Draft = Record<string, string>;

function get(obj: unknown, path: readonly string[]): unknown {
  let at = obj;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function set(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = obj;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    at[key] = next !== null && typeof next === 'object' ? { ...(next as object) } : {};
    at = at[key] as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

export function draftFrom(scenario: Scenario): Draft {
  const draft: Draft = {};
  for (const spec of FIELDS) {
    const value = get(scenario, spec.path);
    draft[fieldKey(spec)] = value === undefined ? '' : String(value);
  }
  return draft;
}

/** A new protocol preset brings its own timers and metric base (still editable after). */
export function withPreset(draft: Draft, preset: ProtocolPreset): Draft {
  const p = PROTOCOLS[preset];
  return {
    ...draft,
    'protocol.preset': preset,
    'protocol.updateMs': String(p.updateMs),
    'protocol.expiryMs': String(p.expiryMs),
    'protocol.minUpdateIntervalMs': String(p.minUpdateIntervalMs),
    'metric.base': String(p.defaultBase),
    'metric.restoreWaitMs': String(p.expiryMs),
  };
}

function parseValue(spec: FieldSpec, text: string): unknown {
  if (spec.kind === 'select') return text;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  // Not a number: pass the text on so the schema's message names the field and the value.
  return Number.isFinite(value) ? value : trimmed;
}

/**
 * The scenario to load: the current one with the draft's values, keeping the
 * faults that still fit the node count. An empty number field takes its default.
 * @throws ScenarioError for a node count the visualizer cannot draw.
 */
export function buildScenario(current: Scenario, draft: Draft): Record<string, unknown> {
  const { name: _name, description: _description, ...rest } = current;
  const input: Record<string, unknown> = structuredClone(rest);
  for (const spec of FIELDS) {
    set(input, spec.path, parseValue(spec, draft[fieldKey(spec)] ?? ''));
  }
  const nodes = input.nodes;
  if (typeof nodes === 'number' && nodes > MAX_NODES) {
    throw new ScenarioError([`nodes: the visualizer draws 1 to ${MAX_NODES} nodes (got ${nodes})`]);
  }
  if (typeof nodes === 'number') {
    input.faults = current.faults.filter((f) => f.node <= nodes);
  }
  // RIP's garbage-collection time belongs to the preset it came with.
  if (
    input.protocol &&
    (input.protocol as { preset?: string }).preset !== current.protocol.preset
  ) {
    const {
      garbageMs: _g,
      sessionSetupMs: _s,
      ...protocol
    } = input.protocol as Record<string, unknown>;
    input.protocol = protocol;
    const { floor: _f, ...metric } = (input.metric ?? {}) as Record<string, unknown>;
    input.metric = metric;
  }
  if (current.title && !current.title.endsWith('(edited)'))
    input.title = `${current.title} (edited)`;
  return input;
}

/** Problems from a ScenarioError, each paired with the form field it names (if any). */
export function problemsByField(error: unknown): { key: string | null; text: string }[] {
  const problems =
    error instanceof ScenarioError ? error.problems : [(error as Error).message ?? String(error)];
  return problems.map((text) => {
    const where = text.split(':')[0] ?? '';
    const spec = FIELDS.find((f) => fieldKey(f) === where);
    return {
      key: spec ? fieldKey(spec) : null,
      text: spec ? `${spec.label} (${where})${text.slice(where.length)}` : text,
    };
  });
}
