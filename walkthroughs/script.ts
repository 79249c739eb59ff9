/**
 * The walkthrough script (JSON, version 1): its schema and the messages a bad
 * script gets. Each step is an object with exactly one action key (`fail`,
 * `shot`, …) and that action's options, so a step is checked against its own
 * schema and every message names the step and the field:
 * `steps[1].fail: expected a node number, got "three"`.
 */
import * as z from 'zod/mini';
import {
  type FailureKind,
  PRESETS,
  parseScenario,
  ScenarioError,
  scenarioSchema,
  type SimEventType,
  type Strategy,
} from '../src/sim/index';
import { SPEED_MAX, SPEED_MIN } from '../src/store/state';
import { EVENT_TYPES } from '../src/ui/eventlog/categories';

const DAY_MS = 86_400_000;
const enumOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `expected ${what}: ${values.join(', ')}` });
const duration = (what: string, max = DAY_MS) =>
  z
    .number({ error: `expected ${what} in ms` })
    .check(
      z.minimum(0, { error: `expected ${what} in ms, 0 or more` }),
      z.maximum(max, { error: `expected ${what} in ms, at most ${max}` }),
    );
const nodeNumber = z
  .int({ error: 'expected a node number' })
  .check(z.minimum(1, { error: 'expected a node number (1 or more)' }));
const speed = z
  .number({ error: 'expected a speed (simulated ms per wall ms)' })
  .check(
    z.minimum(SPEED_MIN, { error: `expected a speed from ${SPEED_MIN} to ${SPEED_MAX}` }),
    z.maximum(SPEED_MAX, { error: `expected a speed from ${SPEED_MIN} to ${SPEED_MAX}` }),
  );
const label = (what: string, max: number) =>
  z
    .string({ error: `expected ${what}` })
    .check(z.maxLength(max, { error: `expected ${what} of at most ${max} characters` }));
const pixels = (what: string, min: number, max: number) => {
  const error = `expected ${what} in CSS pixels, from ${min} to ${max}`;
  return z.int({ error }).check(z.minimum(min, { error }), z.maximum(max, { error }));
};
// A shot's name becomes part of a file name.
const fileName = z.string({ error: 'expected a name' }).check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, {
    error:
      'expected a name of letters, digits, - and _ (up to 80, starting with a letter or digit)',
  }),
);

const strategies = scenarioSchema.def.shape.strategy.def.innerType.options as [
  Strategy,
  ...Strategy[],
];
const kinds = ['crash', 'link', 'carrier', 'unhealthy'] as const satisfies readonly FailureKind[];
const presetNames = PRESETS.map((p) => p.name) as [string, ...string[]];
const tables = ['Routing table', 'Forwarding table'] as const;

/** One schema per action, keyed by the action's own field. */
export const STEP_SCHEMAS = {
  load: z.strictObject({
    load: z.union([z.string(), z.record(z.string(), z.unknown())], {
      error: `expected a preset name (${presetNames.join(', ')}) or a scenario object`,
    }),
  }),
  strategy: z.strictObject({ strategy: enumOf(strategies, 'a strategy') }),
  advance: z.strictObject({ advance: duration('a duration') }),
  seek: z.strictObject({ seek: duration('a simulated time') }),
  fail: z.strictObject({ fail: nodeNumber, kind: z.optional(enumOf(kinds, 'a failure kind')) }),
  recover: z.strictObject({ recover: nodeNumber }),
  caption: z.strictObject({
    caption: z.nullable(label('the caption text (or null to clear it)', 300)),
    holdMs: z.optional(duration('a hold', 60_000)),
  }),
  shot: z.strictObject({ shot: fileName }),
  lesson: z.strictObject({
    lesson: label('a lesson id', 80),
    step: z
      .int({ error: 'expected a step number' })
      .check(z.minimum(1, { error: 'expected a step number (1 or more)' })),
  }),
  present: z.strictObject({ present: z.boolean({ error: 'expected true or false' }) }),
  select: z.strictObject({
    select: z.union([z.literal('router'), nodeNumber], {
      error: 'expected "router" or a node number',
    }),
  }),
  theme: z.strictObject({ theme: enumOf(['light', 'dark'], 'a theme') }),
  speed: z.strictObject({ speed }),
  'wait-for': z.strictObject({
    'wait-for': enumOf(EVENT_TYPES as [SimEventType, ...SimEventType[]], 'an event type'),
    node: z.optional(nodeNumber),
    withinMs: z.optional(duration('a time limit')),
  }),
  highlight: z.strictObject({
    highlight: z.union(
      [
        z.literal('router'),
        nodeNumber,
        z.null(),
        z.strictObject({ table: enumOf(tables, 'a table'), row: nodeNumber }),
      ],
      {
        error:
          'expected "router", a node number, { "table": "Routing table" | "Forwarding table", "row": <node> }, or null',
      },
    ),
  }),
  play: z.strictObject({
    play: duration('a simulated duration', 3_600_000),
    speed: z.optional(speed),
  }),
  hold: z.strictObject({ hold: duration('a hold', 60_000) }),
} as const;

export type Action = keyof typeof STEP_SCHEMAS;
export const ACTIONS = Object.keys(STEP_SCHEMAS) as Action[];
export type StepOf<A extends Action> = { action: A } & z.output<(typeof STEP_SCHEMAS)[A]>;
export type Step = { [A in Action]: StepOf<A> }[Action];

const scaleError = 'expected a device scale factor from 1 to 4';
const header = z.strictObject({
  version: z.literal(1, { error: 'expected 1' }),
  name: z.optional(fileName),
  title: z.optional(label('a title', 200)),
  viewport: z._default(
    z.strictObject({
      width: pixels('a width', 320, 3840),
      height: pixels('a height', 240, 2160),
    }),
    { width: 1280, height: 800 },
  ),
  deviceScaleFactor: z._default(
    z
      .number({ error: scaleError })
      .check(z.minimum(1, { error: scaleError }), z.maximum(4, { error: scaleError })),
    1,
  ),
  captionsInShots: z._default(z.boolean({ error: 'expected true or false' }), true),
  steps: z
    .array(z.unknown(), { error: 'expected a list of steps' })
    .check(z.minLength(1, { error: 'expected at least one step' })),
});

export type Walkthrough = Omit<z.output<typeof header>, 'steps' | 'name'> & {
  name: string;
  steps: Step[];
};

export class ScriptError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ScriptError';
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function pathText(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : `${text}${text ? '.' : ''}${String(key)}`,
    prefix,
  );
}

function messages(prefix: string, issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `${pathText(prefix, issue.path) || 'script'}: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return `${pathText(prefix, issue.path) || 'script'}: ${issue.message}, got ${show(valueAt(input, issue.path))}`;
  });
}

function parseStep(raw: unknown, where: string): { step?: Step; problems: string[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [`${where}: expected a step object such as { "advance": 1000 }, got ${show(raw)}`],
    };
  }
  const keys = Object.keys(raw).filter((k): k is Action => (ACTIONS as string[]).includes(k));
  // `speed` is both an action and an option of `play`; `step` is an option of `lesson`.
  const actions = keys.includes('play') ? keys.filter((k) => k !== 'speed') : keys;
  if (actions.length === 0) {
    const given =
      Object.keys(raw)
        .map((k) => `"${k}"`)
        .join(', ') || 'an empty object';
    return {
      problems: [`${where}: no action in ${given}; a step is one of ${ACTIONS.join(', ')}`],
    };
  }
  if (actions.length > 1) {
    const given = actions.map((a) => `"${a}"`).join(' and ');
    return { problems: [`${where}: one action per step, got ${given}`] };
  }
  const action = actions[0]!;
  const result = STEP_SCHEMAS[action].safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) =>
      i.code === 'unrecognized_keys' ? i : { ...i, path: i.path.length ? i.path : [action] },
    );
    const problems = messages(where, issues, raw).map((p) =>
      p.includes(': unknown field') ? `${p} in a "${action}" step` : p,
    );
    return { problems };
  }
  const step = { action, ...result.data } as Step;
  return { step, problems: step.action === 'load' ? checkLoad(step.load, `${where}.load`) : [] };
}

function checkLoad(load: string | Record<string, unknown>, where: string): string[] {
  if (typeof load === 'string') {
    return presetNames.includes(load)
      ? []
      : [
          `${where}: expected a preset name (${presetNames.join(', ')}) or a scenario object, got ${show(load)}`,
        ];
  }
  try {
    parseScenario(load);
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.problems.map((p) =>
      p.startsWith('scenario: ') ? `${where}: ${p.slice(10)}` : `${where}.${p}`,
    );
  }
}

/**
 * Validate a walkthrough script and fill in its defaults.
 * @param fallbackName used when the script has no `name` (the file's base name)
 * @throws ScriptError naming each bad step and field, its value and what is allowed
 */
export function parseWalkthrough(input: unknown, fallbackName: string): Walkthrough {
  const result = header.safeParse(input);
  if (!result.success) throw new ScriptError(messages('', result.error.issues, input));
  const problems: string[] = [];
  const steps: Step[] = [];
  result.data.steps.forEach((raw, i) => {
    const parsed = parseStep(raw, `steps[${i}]`);
    problems.push(...parsed.problems);
    if (parsed.step) steps.push(parsed.step);
  });
  if (problems.length > 0) throw new ScriptError(problems);
  const name = result.data.name ?? fallbackName;
  return { ...result.data, name, steps };
}

/** Parse JSON text as a walkthrough, with a readable message for bad JSON too. */
export function parseWalkthroughText(text: string, fallbackName: string): Walkthrough {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScriptError([`not valid JSON: ${(error as Error).message}`]);
  }
  return parseWalkthrough(json, fallbackName);
}
