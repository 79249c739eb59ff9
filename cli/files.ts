/**
 * Reading a scenario file without surprises: only a regular file, never more
 * than the cap. A device (`/dev/zero`) would be read forever and a FIFO would
 * block the open, so both are refused from `stat` before anything is opened.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { MAX_SCENARIO_BYTES, sizeText } from '../src/sim/index';

/** The file cannot be read as a scenario; the message says why. */
export class FileRefusal extends Error {
  constructor(
    message: string,
    readonly missing = false,
  ) {
    super(message);
  }
}

function kindOf(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function check(stat: Stats): void {
  const kind = kindOf(stat);
  if (kind) throw new FileRefusal(`it is ${kind}; give a regular file`);
  if (stat.size > MAX_SCENARIO_BYTES) {
    throw new FileRefusal(
      `it is ${sizeText(stat.size)}; a scenario file is at most ${sizeText(MAX_SCENARIO_BYTES)}`,
    );
  }
}

function reason(error: unknown): FileRefusal {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new FileRefusal('no such file', true);
  if (code === 'EACCES' || code === 'EPERM') return new FileRefusal('permission denied');
  if (code === 'ENOTDIR') return new FileRefusal('a part of the path is not a directory', true);
  if (code === 'ENAMETOOLONG') return new FileRefusal('the name is too long');
  return new FileRefusal(code ?? (error as Error).message);
}

/** The bytes of a regular file of at most `MAX_SCENARIO_BYTES`. @throws FileRefusal */
export function readScenarioFile(path: string): Uint8Array {
  let fd: number;
  try {
    check(statSync(path));
    // Non-blocking: a FIFO put in the file's place after the check must not hang the open.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw error instanceof FileRefusal ? error : reason(error);
  }
  try {
    const stat = fstatSync(fd);
    check(stat);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_SCENARIO_BYTES) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) {
        throw new FileRefusal(
          `it grew while being read; a scenario file is at most ${sizeText(MAX_SCENARIO_BYTES)}`,
        );
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof FileRefusal ? error : reason(error);
  } finally {
    closeSync(fd);
  }
}
