import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileRefusal, readScenarioFile } from './files';
import { runCli } from './run';

// The real file system: what the command line refuses before reading a byte.
const dir = mkdtempSync(join(tmpdir(), 'ecmp-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (path: string): string => {
  try {
    readScenarioFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(FileRefusal);
    return (error as Error).message;
  }
  throw new Error(`${path} was read`);
};

describe('scenario files on disk', () => {
  it('reads a regular file', () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, '{"version":1,"nodes":2}');
    expect(new TextDecoder().decode(readScenarioFile(path))).toBe('{"version":1,"nodes":2}');
  });

  it('refuses a directory, a device and a FIFO without reading or blocking', () => {
    expect(refusal(dir)).toBe('it is a directory; give a regular file');
    expect(refusal('/dev/zero')).toBe('it is a device; give a regular file');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(fifo)).toBe('it is a named pipe (FIFO); give a regular file');
  });

  it('refuses a file above the cap by its size', () => {
    const path = join(dir, 'big.json');
    writeFileSync(path, '');
    truncateSync(path, 20 * 1024 * 1024);
    expect(refusal(path)).toBe('it is 20.0 MiB; a scenario file is at most 16.0 MiB');
  });

  it('exits 2 with one line naming the file and the reason', () => {
    const result = runCli(['/dev/zero'], readScenarioFile);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: cannot read "/dev/zero": it is a device; give a regular file\n',
    });
    expect(runCli([join(dir, 'none.json')], readScenarioFile).stderr).toMatch(
      /no such file \(and it is not a preset: basic, /,
    );
  });
});
