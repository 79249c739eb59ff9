/**
 * How the core's cost grows: one scenario (16 nodes, 10,000 flows, 20 faults,
 * one simulated hour) with each of nodes, flows, faults and duration varied
 * over four sizes, the others held. Each run goes to the end and reads the
 * figures; the table gives wall time, simulated-time ratio and peak memory
 * (heap and array buffers, sampled through the run).
 * Measures only. `--json` prints one JSON document.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { memoryMB } from './memory';
import { runToEnd } from './runToEnd';
import { parseScenario } from '../src/sim/index';
import { type Size, sizedScenario } from '../src/sim/testing/worst';

const json = process.argv.includes('--json');
const HOUR = 3_600_000;
const BASE: Size = { nodes: 16, flows: 10_000, faults: 20, durationMs: HOUR };
const VARIED: { field: keyof Size; values: number[] }[] = [
  { field: 'nodes', values: [4, 16, 64, 256] },
  { field: 'flows', values: [1_000, 10_000, 100_000, 300_000] },
  { field: 'faults', values: [2, 20, 200, 2_000] },
  { field: 'durationMs', values: [HOUR / 4, HOUR, 4 * HOUR, 24 * HOUR] },
];

// A collection before each run, so each row's memory is its own.
setFlagsFromString('--expose_gc');
const collect = runInNewContext('gc') as () => void;

function measure(size: Size) {
  // Faults every so often over the run; the same density whatever the duration.
  const scenario = parseScenario(sizedScenario(size));
  collect();
  const before = memoryMB();
  const { sim, runMs, peakMB } = runToEnd(scenario, Math.max(60_000, scenario.durationMs / 60));
  return {
    ...size,
    runMs,
    ratio: scenario.durationMs / runMs,
    memoryMB: peakMB - before,
    events: sim.events().length,
  };
}

// Once first, so the first row does not pay for the compiler's warm-up.
measure(BASE);
const rows = VARIED.flatMap(({ field, values }) =>
  values.map((value) => ({ varied: field, ...measure({ ...BASE, [field]: value }) })),
);

if (json) {
  process.stdout.write(`${JSON.stringify({ base: BASE, rows })}\n`);
} else {
  const show = (field: keyof Size, v: number) =>
    field === 'durationMs' ? `${v / HOUR} h` : v.toLocaleString('en-US');
  const lines = [
    `Scaling: ${BASE.nodes} nodes, ${BASE.flows.toLocaleString('en-US')} flows, ${BASE.faults} faults, 1 h; one varied at a time`,
    '',
    '| varied | value | run | × real time | memory (peak above idle) |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.varied === 'durationMs' ? 'duration' : r.varied} | ${show(r.varied, r[r.varied])} | ` +
        `${(r.runMs / 1000).toFixed(2)} s | ${Math.round(r.ratio).toLocaleString('en-US')}× | ${r.memoryMB.toFixed(0)} MB |`,
    ),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
