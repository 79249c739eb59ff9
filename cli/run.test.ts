import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

const noFiles = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};
const files =
  (contents: Record<string, string>) =>
  (path: string): string => {
    const text = contents[path];
    if (text === undefined) return noFiles(path);
    return text;
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
    expect(bad.stderr).toMatch(/hashing: .*"ring"/);
    const broken = runCli(['broken.json', '--json'], read);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/not valid JSON/);
  });
});
