// Bundle a benchmark before running it, so it is measured as shipped code
// (one module, no per-import indirection), then run it with the given flags.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const [entry = 'bench/core.ts', ...flags] = process.argv.slice(2);
mkdirSync('node_modules/.cache', { recursive: true });
const outfile = `node_modules/.cache/${entry.replace(/[/.]/g, '_')}.mjs`;
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'error',
  packages: 'external',
});
const run = spawnSync(process.execPath, [outfile, ...flags], { stdio: 'inherit' });
process.exit(run.status ?? 1);
