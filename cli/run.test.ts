import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FileRefusal } from './files';
import { runCli } from './run';
import { hasControls } from './terminal';

const noFiles = (_path: string): Uint8Array => {
  throw new FileRefusal('no such file', true);
};
const files =
  (contents: Record<string, string | Uint8Array>) =>
  (path: string): Uint8Array => {
    const text = contents[path];
    if (text === undefined) return noFiles(path);
    return typeof text === 'string' ? new TextEncoder().encode(text) : text;
  };

describe('command line', () => {
  it('prints one JSON document with figures, the FIB timeline and the event log', () => {
    const result = runCli(['basic', '--json'], noFiles);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const doc = JSON.parse(result.stdout);
    const f = doc.figures;
    expect(f.packetsSent).toBe(f.packetsDelivered + f.packetsLost);
    expect(f.packetsLost).toBeGreaterThan(0);
    expect(f.blackholeMs).toBeGreaterThan(0);
    expect(doc.fib[0]).toEqual({ tMs: 0, ecmp: [1, 2, 3, 4] });
    // Node 4 fails at 10 s: some FIB change after that drops it, long before a 9 s expiry.
    const drop = doc.fib.find(
      (c: { tMs: number; ecmp: number[] }) => c.tMs > 10_000 && !c.ecmp.includes(4),
    );
    expect(drop.tMs).toBeLessThan(11_000);
    const times = doc.events.map((e: { tMs: number }) => e.tMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('runs a scenario file and applies --strategy', () => {
    const scenario = readFileSync('scenarios/basic.json', 'utf8');
    const patent = JSON.parse(runCli(['s.json', '--json'], files({ 's.json': scenario })).stdout);
    const none = JSON.parse(
      runCli(['s.json', '--strategy', 'none', '--json'], files({ 's.json': scenario })).stdout,
    );
    expect(none.scenario.strategy).toBe('none');
    expect(none.figures.blackholeMs).toBeGreaterThan(5 * patent.figures.blackholeMs);
  });

  it('prints a readable summary by default', () => {
    const result = runCli(['cascade'], noFiles);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/packets lost\s+\d+/);
    expect(result.stdout).toMatch(/Forwarding table/);
  });

  it.each([
    [['nope'], /cannot read "nope": no such file/],
    [
      ['basic', '--strategy', 'fast'],
      /--strategy: "fast" is not one of none, metric-lowering, bfd/,
    ],
    [['basic', '--bogus'], /unknown option --bogus/],
    [[], /no scenario/],
  ])('rejects %j with exit code 2 and a message', (args, message) => {
    const result = runCli(args, noFiles);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the bad field of a bad scenario file', () => {
    const read = files({
      'bad.json': '{"version":1,"nodes":4,"hashing":"ring"}',
      'broken.json': '{',
    });
    const bad = runCli(['bad.json'], read);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^error: "bad.json" is not a valid scenario:\n {2}hashing: .*"ring"/,
    );
    const broken = runCli(['broken.json', '--json'], read);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/not valid JSON/);
  });
});

describe('command line input and output are safe', () => {
  const run = (text: string | Uint8Array, ...args: string[]) =>
    runCli(['s.json', ...args], files({ 's.json': text }));
  const utf16 = (text: string, le = true) => {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const [lo, hi] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
      bytes.set(le ? [lo, hi] : [hi, lo], 2 + i * 2);
    }
    return bytes;
  };
  const good = '{"version":1,"nodes":3,"durationMs":1000}';

  it.each([
    [
      'UTF-8 with a byte-order mark',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(good)]),
    ],
    ['UTF-16 little-endian with a BOM', utf16(good)],
    ['UTF-16 big-endian with a BOM', utf16(good, false)],
  ])('reads %s', (_name, bytes) => {
    const result = run(bytes, '--json');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).scenario.nodes).toBe(3);
  });

  it.each([
    [
      'UTF-16 without a BOM',
      utf16(good).subarray(2),
      /looks like UTF-16 text without a byte-order mark/,
    ],
    ['Latin-1', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]), /is not valid UTF-8 text/],
    ['UTF-32', new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), /is UTF-32 text/],
  ])('refuses %s naming the encoding', (_name, bytes, message) => {
    const result = run(bytes);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('escapes control characters from the file in every line it prints', () => {
    const title = '\u001b[2J\u0007evil\nFigures\u202e';
    const text = runCli(
      ['s.json'],
      files({ 's.json': JSON.stringify({ version: 1, nodes: 2, durationMs: 1000, title }) }),
    );
    expect(text.code).toBe(0);
    expect(hasControls(text.stdout)).toBe(false);
    expect(text.stdout.split('\n')[0]).toMatch(
      /^\\u001b\[2J\\u0007evil\\u000aFigures\\u202e: 2 nodes/,
    );
    const json = run(
      JSON.stringify({ version: 1, nodes: 2, durationMs: 1000, title: 'a\u009b\u202eb' }),
      '--json',
    );
    expect(hasControls(json.stdout)).toBe(false);
    expect(JSON.parse(json.stdout).scenario.title).toBe('a\u009b\u202eb');
    const key = run(JSON.stringify({ version: 1, nodes: 2, '\u001b]0;x\u0007': 1 }));
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('"\\u001b]0;x\\u0007"');
    expect(hasControls(key.stderr)).toBe(false);
  });

  it('names deep nesting, 1e999 and NaN-like values by field, not by a crash', () => {
    const deep = `{"version":1,"nodes":4,"protocol":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const nested = run(deep);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(
      /^ {2}protocol: expected an object, got \[an array of 1 item\]$/m,
    );
    expect(nested.stderr).not.toMatch(/call stack/);
    const huge = run('{"version":1,"nodes":1e999}');
    expect(huge.stderr).toMatch(
      /nodes: expected a number, got Infinity \(too large for a number, as 1e999 is\)/,
    );
    expect(huge.stderr).not.toMatch(/got null/);
  });

  it('lists the first 20 problems and counts the rest', () => {
    const faults = Array.from({ length: 5000 }, () => ({ atMs: 1, node: 9, action: 'fail' }));
    const result = run(JSON.stringify({ version: 1, nodes: 2, faults }));
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('error: "s.json" is not a valid scenario:');
    expect(lines).toHaveLength(22);
    expect(lines[1]).toMatch(/faults\[0\]\.node: node 9 does not exist/);
    expect(lines[21]).toBe('  …and 4980 more problems (the first 20 are listed)');
  });

  it('warns on stderr when updates come no sooner than the expiry, and still runs', () => {
    const scenario = {
      version: 1,
      nodes: 2,
      durationMs: 20_000,
      protocol: { updateMs: 10_000, expiryMs: 5000 },
    };
    const result = run(JSON.stringify(scenario), '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: protocol\.updateMs 10000 is not below protocol\.expiryMs 5000: /,
    );
    expect(JSON.parse(result.stdout).warnings).toHaveLength(1);
    expect(runCli(['basic'], noFiles).stderr).toBe('');
  });
});
