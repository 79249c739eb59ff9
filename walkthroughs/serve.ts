/**
 * The built app for a walkthrough: rebuilt when a source is newer than
 * `dist/`, served by Vite's preview server on a free port of 127.0.0.1 that
 * this process owns (and closes), never a server someone else started.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';

const SOURCES = ['src', 'public', 'scenarios', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMs(join(path, entry)));
  return newest;
}

/** Is `dist/` missing or older than any source of the app? */
export function needsBuild(root: string): boolean {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtMs = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMs(join(root, source)) > builtMs);
}

/** Build the app (its output goes to stderr, keeping stdout clean). */
export function build(root: string): void {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('the app did not build (see the messages above)');
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serve(root: string): Promise<Served> {
  const server = await preview({
    root,
    logLevel: 'silent',
    // Port 0: the system picks a free one, so nothing else's server is ever reused.
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string')
    throw new Error('the preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}
