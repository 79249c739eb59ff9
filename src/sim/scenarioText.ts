/**
 * Scenario files as bytes: the CLI and the app's Import read them the same
 * way. UTF-8 (with or without a byte-order mark) and UTF-16 with a BOM are
 * read; anything else is refused with a message that names the encoding.
 */
import { parseScenario, type Scenario } from './scenario';
import { ScenarioError } from './scenarioMessages';

/**
 * The largest scenario file, link or text read: ten times a pretty-printed
 * scenario at the fault cap, small enough that reading it cannot exhaust memory.
 */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

// The core's lib has no DOM or Node types; TextDecoder exists in both worlds.
interface Decoder {
  decode(bytes: Uint8Array): string;
}
const { TextDecoder } = globalThis as unknown as {
  TextDecoder: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;
};

function decodeAs(label: string, bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ScenarioError([
      `the file is not valid ${name} text (it holds bytes ${name} cannot have)`,
    ]);
  }
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/** Refuse a file above the cap before reading it. */
export function checkScenarioSize(bytes: number): void {
  if (bytes > MAX_SCENARIO_BYTES) {
    throw new ScenarioError([
      `the file is ${sizeText(bytes)}; a scenario file is at most ${sizeText(MAX_SCENARIO_BYTES)}`,
    ]);
  }
}

/**
 * A file's bytes as text, by its byte-order mark.
 * @throws ScenarioError naming an encoding that is not read (UTF-32, UTF-16 without a BOM, not UTF-8).
 */
export function decodeScenarioBytes(bytes: Uint8Array): string {
  checkScenarioSize(bytes.length);
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return decodeAs('utf-8', bytes.subarray(3), 'UTF-8');
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe)) {
    throw new ScenarioError(['the file is UTF-32 text; save it as UTF-8 (or UTF-16)']);
  }
  if (a === 0xff && b === 0xfe) return decodeAs('utf-16le', bytes.subarray(2), 'UTF-16');
  if (a === 0xfe && b === 0xff) return decodeAs('utf-16be', bytes.subarray(2), 'UTF-16');
  // JSON starts with an ASCII character: a zero byte beside it is UTF-16 without its mark.
  if (bytes.length >= 2 && (a === 0 || b === 0)) {
    throw new ScenarioError([
      'the file looks like UTF-16 text without a byte-order mark; save it as UTF-8',
    ]);
  }
  return decodeAs('utf-8', bytes, 'UTF-8');
}

/** JSON text to a value, a leading byte-order mark allowed. @throws ScenarioError for bad JSON */
export function parseJsonText(text: string): unknown {
  try {
    // A byte-order mark is not JSON, but editors on Windows write one.
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new ScenarioError([`not valid JSON: ${(error as Error).message}`]);
  }
}

/** Parse JSON text as a scenario, with a readable message for bad JSON too. */
export function parseScenarioText(text: string): Scenario {
  return parseScenario(parseJsonText(text));
}

/** Parse a scenario file's bytes (any encoding `decodeScenarioBytes` reads). */
export function parseScenarioBytes(bytes: Uint8Array): Scenario {
  return parseScenarioText(decodeScenarioBytes(bytes));
}
