/**
 * Core benchmark: the large preset (64 nodes, 100,000 flows, one simulated hour,
 * 20 failures) run to the end, then random seeks; plus every other preset.
 * Prints a readable report, or one JSON document with --json. Measures only.
 */
import { createSimulation, PRESETS, parseScenario, presetByName } from '../src/sim/index';

const json = process.argv.includes('--json');
const memoryMB = () => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function large() {
  const scenario = parseScenario(presetByName('large')!.scenario);
  let peak = memoryMB();
  const started = performance.now();
  const sim = createSimulation(scenario);
  const stepMs = 60_000;
  for (let t = stepMs; t <= scenario.durationMs; t += stepMs) {
    sim.advanceTo(t);
    peak = Math.max(peak, memoryMB());
  }
  const figures = sim.figures();
  const runMs = performance.now() - started;
  const events = sim.events().length;
  const fibChanges = sim.fibChanges().length;
  // Seeks to random moments (a fixed sequence), each followed by what a view reads.
  const seekMs: number[] = [];
  let x = 12345;
  for (let i = 0; i < 100; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const target = (x / 2 ** 32) * scenario.durationMs;
    const t0 = performance.now();
    sim.seek(target);
    sim.snapshot();
    sim.figures();
    seekMs.push(performance.now() - t0);
    peak = Math.max(peak, memoryMB());
  }
  return {
    scenario: 'large',
    nodes: scenario.nodes,
    flows: scenario.traffic.flows,
    simulatedMs: scenario.durationMs,
    runMs,
    simSpeedRatio: scenario.durationMs / runMs,
    peakHeapMB: peak,
    seekP50Ms: percentile(seekMs, 50),
    seekP95Ms: percentile(seekMs, 95),
    events,
    fibChanges,
    packetsSent: figures.packetsSent,
  };
}

function presets() {
  return PRESETS.filter((p) => p.name !== 'large').map((p) => {
    const scenario = parseScenario(p.scenario);
    const t0 = performance.now();
    const sim = createSimulation(scenario);
    sim.advanceTo(scenario.durationMs);
    sim.figures();
    const runMs = performance.now() - t0;
    return { scenario: p.name, runMs, simSpeedRatio: scenario.durationMs / runMs };
  });
}

const big = large();
const others = presets();
if (json) {
  process.stdout.write(`${JSON.stringify({ ...big, presets: others })}\n`);
} else {
  const f = (n: number, d = 1) => n.toFixed(d);
  process.stdout.write(
    [
      `Large scenario: ${big.nodes} nodes, ${big.flows} flows, ${f(big.simulatedMs / 3.6e6, 2)} h simulated, ${big.events} events, ${big.fibChanges} FIB changes`,
      `  run             ${f(big.runMs, 0)} ms   (simSpeedRatio ${f(big.simSpeedRatio, 0)}× real time; target ≥ 10000)`,
      `  peak memory     ${f(big.peakHeapMB)} MB (heap + array buffers; target < 200)`,
      `  seek            p50 ${f(big.seekP50Ms)} ms, p95 ${f(big.seekP95Ms)} ms (target p95 < 100)`,
      '',
      'Presets (run to the end)',
      ...others.map(
        (o) =>
          `  ${o.scenario.padEnd(22)} ${f(o.runMs).padStart(8)} ms  ${f(o.simSpeedRatio, 0).padStart(8)}×`,
      ),
      '',
    ].join('\n'),
  );
}
