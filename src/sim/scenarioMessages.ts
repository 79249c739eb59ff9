/**
 * What a bad scenario is told: each problem names the field, the value and
 * what is allowed. Values are previewed without recursion or JSON (a
 * 100,000-level nest, a cycle, a BigInt or a function must not throw here),
 * and a file with thousands of bad entries gets the first few and a count.
 */

/** Problems listed in full; the rest are counted. */
export const MAX_PROBLEMS = 20;

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Keep the first `MAX_PROBLEMS` problems and say how many more there were. */
export function capProblems(problems: readonly string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  const more = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    `…and ${more} more problem${more === 1 ? '' : 's'} (the first ${MAX_PROBLEMS} are listed)`,
  ];
}

const LIMIT = 60;
const clip = (text: string) => (text.length > LIMIT ? `${text.slice(0, LIMIT - 3)}...` : text);

function number(value: number): string {
  if (Number.isNaN(value)) return 'NaN (not a number)';
  if (value === Infinity) return 'Infinity (too large for a number, as 1e999 is)';
  if (value === -Infinity) return '-Infinity (too large for a number, as -1e999 is)';
  return String(value);
}

/** A short, bounded picture of any value, for "got …". */
export function preview(value: unknown, depth = 0): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'number':
      return number(value);
    case 'bigint':
      return `${clip(value.toString())}n (a BigInt: a scenario holds JSON numbers)`;
    case 'string':
      return clip(JSON.stringify(value));
    case 'boolean':
      return String(value);
    case 'function':
      return 'a function (a scenario holds only JSON data)';
    case 'symbol':
      return 'a symbol (a scenario holds only JSON data)';
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (depth >= 1 || value.length > 3)
      return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
    return clip(`[${value.map((v) => preview(v, depth + 1)).join(', ')}]`);
  }
  const keys = Object.keys(value as object);
  if (keys.length === 0) return '{}';
  if (depth >= 1 || keys.length > 3) {
    return clip(`an object with keys ${keys.map((k) => JSON.stringify(k)).join(', ')}`);
  }
  const entries = keys.map(
    (k) => `${JSON.stringify(k)}: ${preview((value as Record<string, unknown>)[k], depth + 1)}`,
  );
  return clip(`{${entries.join(', ')}}`);
}

/** What a value is, for "expected a number, got …". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return preview(value);
  if (typeof value === 'object') return `an object (${preview(value)})`;
  if (typeof value === 'string') return `the text ${preview(value)}`;
  return preview(value);
}

export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/** Just enough of zod's schema internals to list the keys allowed at a path. */
export interface SchemaNode {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, SchemaNode>;
      innerType?: SchemaNode;
      element?: SchemaNode;
      options?: SchemaNode[];
      values?: unknown[];
    };
  };
}

/** Does `value` carry the literal fields (the discriminator) of this object schema? */
function matchesLiterals(schema: SchemaNode, value: unknown): boolean {
  const shape = schema._zod.def.shape ?? {};
  return Object.entries(shape).every(([key, field]) => {
    const { type, values } = field._zod.def;
    if (type !== 'literal' || value === null || typeof value !== 'object') return true;
    return values?.includes((value as Record<string, unknown>)[key]) ?? true;
  });
}

/** The keys a scenario may hold at `path` of `value` (for "unknown field" messages). */
export function keysAt(schema: SchemaNode, path: readonly PropertyKey[], value: unknown): string[] {
  const def = schema._zod.def;
  if (def.innerType) return keysAt(def.innerType, path, value);
  if (def.options) {
    const here = valueAt(value, path);
    const fitting = def.options.filter((o) => path.length > 0 || matchesLiterals(o, here));
    const options = fitting.length ? fitting : def.options;
    return [...new Set(options.flatMap((o) => keysAt(o, path, value)))];
  }
  if (path.length === 0) return def.shape ? Object.keys(def.shape) : [];
  const [key, ...rest] = path;
  const inner = valueAt(value, [key!]);
  if (def.element && typeof key === 'number') return keysAt(def.element, rest, inner);
  const child = def.shape?.[String(key)];
  return child ? keysAt(child, rest, inner) : [];
}

/** The parts of a zod issue a message needs. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  keys?: readonly string[];
}

const ARTICLE: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
};

/**
 * One line for one issue: `field: what is wrong (got value)`.
 * `allowedKeys` lists the keys a scenario may hold at a path.
 */
export function formatIssue(
  issue: IssueLike,
  input: unknown,
  allowedKeys: (path: readonly PropertyKey[]) => string[],
): string {
  const where = pathText(issue.path) || 'scenario';
  const value = valueAt(input, issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue.keys ?? []).map((k) => clip(JSON.stringify(k)));
    const noun = keys.length === 1 ? 'an unknown field' : 'unknown fields';
    return `${where}: ${noun} ${keys.join(', ')} (allowed: ${allowedKeys(issue.path).join(', ')})`;
  }
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') {
    if (value === undefined)
      return `${where}: missing; expected ${ARTICLE[issue.expected] ?? issue.expected}`;
    return `${where}: expected ${ARTICLE[issue.expected] ?? issue.expected}, got ${kindOf(value)}`;
  }
  return `${where}: ${issue.message} (got ${preview(value)})`;
}
