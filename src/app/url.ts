/**
 * URL parameters (a public interface, see INTERFACES.md). Every parameter is
 * one row of `URL_PARAMS`: how its text is read and checked, and how it is
 * written back. A bad, repeated or unknown parameter is reported by name and
 * ignored; the others still apply. A custom scenario travels in the fragment
 * (`#scenario=<packed>`, see `linkCodec.ts`); `?scenario=<JSON>` still reads.
 */
import { LESSON_IDS } from '../lesson/catalog';
import { MAX_SCENARIO_BYTES, STRATEGY_IDS, type Strategy } from '../sim';
import { readCompareList } from '../store/compareList';

export const STRATEGIES: readonly Strategy[] = STRATEGY_IDS;
const DAY_MS = 86_400_000;

export interface PresetLookup {
  names: readonly string[];
  byName(name: string): unknown | undefined;
}

/** What a parameter's reader may consult besides its own text. */
export interface UrlContext {
  presets: PresetLookup;
}

type Read<T> = { ok: true; value: T } | { ok: false; why: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (why: string): Read<never> => ({ ok: false, why });

export interface Param<T> {
  /** Check the parameter's text; `why` says what is wrong and what is allowed. */
  read(raw: string, context: UrlContext): Read<T>;
  /** The text that reads back as `value`. */
  write(value: T): string;
}

const quoted = (raw: string) => JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);

/** A decimal whole number (no sign, exponent or hex: `0x10` is refused, not read as 16). */
export function wholeNumber(min: number, max: number, unit = ''): Param<number> {
  return {
    read(raw) {
      const value = Number(raw);
      if (!/^\d+$/.test(raw) || value < min || value > max) {
        return bad(`${quoted(raw)} is not a whole number${unit} from ${min} to ${max}`);
      }
      return ok(value);
    },
    write: String,
  };
}

export function oneOf<T extends string>(allowed: readonly T[]): Param<T> {
  return {
    read: (raw) =>
      (allowed as readonly string[]).includes(raw)
        ? ok(raw as T)
        : bad(`${quoted(raw)} is not one of ${allowed.join(', ')}`),
    write: String,
  };
}

/** `1` (or `true`) turns it on, `0` (or `false`) off. */
export const flag: Param<boolean> = {
  read(raw) {
    if (raw === '1' || raw === 'true') return ok(true);
    if (raw === '0' || raw === 'false') return ok(false);
    return bad(`${quoted(raw)} is not 1 or 0`);
  },
  write: (on) => (on ? '1' : '0'),
};

export const URL_PARAMS = {
  preset: {
    read: (raw, { presets }) =>
      presets.byName(raw) === undefined
        ? bad(`${quoted(raw)} is not one of ${presets.names.join(', ')}`)
        : ok(raw),
    write: String,
  } satisfies Param<string>,
  /** Scenario JSON, parsed but not yet validated (the loader names bad fields). */
  scenario: {
    read(raw) {
      try {
        const value: unknown = JSON.parse(raw);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          return bad(`expected a scenario object, got ${quoted(raw)}`);
        }
        return ok(value);
      } catch (error) {
        return bad(`not valid JSON (${(error as Error).message})`);
      }
    },
    write: (value) => JSON.stringify(value),
  } satisfies Param<unknown>,
  seed: wholeNumber(0, 2 ** 32 - 1),
  strategy: oneOf(STRATEGIES),
  paused: flag,
  /** Presenter mode (projector-sized type, the stage fills the screen). */
  present: flag,
  /** The simulated moment to open at (the share link carries it). */
  t: wholeNumber(0, DAY_MS, ' of ms'),
  /** A guided lesson to open, at `step` (1-based; the lesson checks its range). */
  lesson: oneOf(LESSON_IDS),
  step: wholeNumber(1, 999),
  /** The side-by-side view: two or three strategies, one run each (`store/runs.ts`). */
  compare: {
    read: (raw) => readCompareList(raw),
    write: (strategies) => strategies.join(','),
  } satisfies Param<Strategy[]>,
} as const;

type Params = typeof URL_PARAMS;
export type ParamName = keyof Params;
export type UrlValues = {
  -readonly [K in ParamName]?: Params[K] extends Param<infer T> ? T : never;
};

export interface UrlRequest {
  values: UrlValues;
  /** Every parameter the address names (good or bad). */
  given: ReadonlySet<string>;
  /** Problems found, each naming the parameter, its value and what is allowed. */
  problems: string[];
}

const NAMES = Object.keys(URL_PARAMS) as ParamName[];
const isName = (name: string): name is ParamName => (NAMES as string[]).includes(name);

/** The raw texts of each parameter, the fragment's packed scenario unpacked. */
async function gather(search: string, hash: string, problems: string[]) {
  const raw = new Map<string, string[]>();
  const given = new Set<string>();
  const add = (name: string, value: string) => {
    given.add(name);
    raw.set(name, [...(raw.get(name) ?? []), value]);
  };
  for (const [name, value] of new URLSearchParams(search)) add(name, value);
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  for (const [name, value] of fragment) {
    if (name !== 'scenario') {
      problems.push(`#${name}: not read from the fragment (only #scenario= is)`);
      continue;
    }
    given.add(name);
    try {
      const { unpackScenario } = await import('./linkCodec'); // only for packed links
      add(name, await unpackScenario(value, MAX_SCENARIO_BYTES));
    } catch (error) {
      problems.push(`scenario: the link's #scenario cannot be read: ${(error as Error).message}`);
    }
  }
  return { raw, given };
}

/** Read every parameter of a location; never throws. */
export async function readUrl(
  location: { search: string; hash: string },
  context: UrlContext,
): Promise<UrlRequest> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  const { raw, given } = await gather(location.search, location.hash, problems);
  for (const [name, texts] of raw) {
    if (!isName(name)) {
      problems.push(`${quoted(name)}: not a parameter of this page (known: ${NAMES.join(', ')})`);
    } else if (texts.length > 1) {
      problems.push(`${name}: given ${texts.length} times; give it once`);
    } else {
      const read = (URL_PARAMS[name] as Param<unknown>).read(texts[0]!, context);
      if (read.ok) values[name] = read.value;
      else problems.push(`${name}: ${read.why}`);
    }
  }
  if (values.scenario !== undefined && values.preset !== undefined) {
    problems.push('preset: ignored, because the link also carries a scenario');
    delete values.preset;
  }
  return { values: values as UrlValues, given, problems };
}

/** The query string (with `?`, or empty) for these values, in the table's order. */
export function formatQuery(values: UrlValues): string {
  const params = new URLSearchParams();
  for (const name of NAMES) {
    const value = values[name];
    if (value !== undefined) params.set(name, (URL_PARAMS[name] as Param<unknown>).write(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Apply seed/strategy overrides to a scenario input object. */
export function withOverrides(
  input: unknown,
  values: Pick<UrlValues, 'seed' | 'strategy'>,
): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const overrides = Object.fromEntries(
    (['seed', 'strategy'] as const).flatMap((k) =>
      values[k] === undefined ? [] : [[k, values[k]]],
    ),
  );
  return { ...(input as Record<string, unknown>), ...overrides };
}
