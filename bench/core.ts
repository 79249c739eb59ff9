/**
 * Core benchmark: the large preset (64 nodes, 100,000 flows, one simulated hour,
 * 20 failures) run to the end, then random seeks; plus every other preset.
 * Then the "worst valid" section: scenarios at the size limits validation
 * accepts, each run to its end (a minute or two each; `--quick` leaves them out).
 * Prints a readable report, or one JSON document with --json. Measures only.
 */
import { spawnSync } from 'node:child_process';
import { memoryMB } from './memory';
import { runToEnd } from './runToEnd';
import { createSimulation, PRESETS, parseScenario, presetByName } from '../src/sim/index';
import { sizedScenario } from '../src/sim/testing/worst';
import { estimateWorkload } from '../src/sim/workload';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The large preset, or the same with its hour of faults repeated over `hours`. */
function largeScenario(hours = 1) {
  const base = presetByName('large')!.scenario;
  const hourMs = 3_600_000;
  const faults = Array.from({ length: hours }, (_, h) =>
    (base.faults ?? []).map((fault) => ({ ...fault, atMs: fault.atMs + h * hourMs })),
  ).flat();
  return parseScenario({ ...base, durationMs: hours * hourMs, faults });
}

function large() {
  const scenario = largeScenario();
  const { sim, runMs, peakMB } = runToEnd(scenario, 60_000);
  let peak = peakMB;
  const figures = sim.figures();
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

/**
 * What a data-plane change costs: the large run a day long (its faults every
 * hour), with the wall time per change (a FIB change the traffic sees) and per
 * flow and change, so the cost model reads the same at any length.
 */
function day() {
  const scenario = largeScenario(24);
  const t0 = performance.now();
  const sim = createSimulation(scenario);
  for (let t = 600_000; t < scenario.durationMs; t += 600_000) sim.advanceTo(t);
  sim.advanceTo(scenario.durationMs);
  sim.figures();
  const runMs = performance.now() - t0;
  return {
    hours: 24,
    faults: scenario.faults.length,
    flows: scenario.traffic.flows,
    ...costOf(runMs, scenario.durationMs, sim.fibChanges().length, scenario.traffic.flows),
  };
}

function costOf(runMs: number, simulatedMs: number, changes: number, flows: number) {
  return {
    runMs,
    simSpeedRatio: simulatedMs / runMs,
    changes,
    msPerChange: runMs / changes,
    nsPerFlowPerChange: (runMs * 1e6) / (changes * flows),
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

/** The largest shapes validation accepts: many nodes and faults, or many flows, over a day. */
const WORST = [
  { nodes: 256, flows: 1_000, faults: 10_000, durationMs: 86_400_000 },
  { nodes: 64, flows: 100_000, faults: 10_000, durationMs: 86_400_000 },
  { nodes: 256, flows: 1_000_000, faults: 100, durationMs: 86_400_000 },
];

/** One worst-valid scenario, run to its end in this process. */
function worstOne(size: (typeof WORST)[number]) {
  const scenario = parseScenario(sizedScenario(size));
  const estimate = estimateWorkload(scenario);
  const { sim, runMs, peakMB } = runToEnd(scenario, 600_000);
  const events = sim.events().length;
  const f0 = performance.now();
  sim.seek(scenario.durationMs / 4);
  sim.figures();
  const seekMs = performance.now() - f0;
  return {
    ...size,
    runMs,
    simSpeedRatio: scenario.durationMs / runMs,
    peakMB,
    // The process's peak resident set (kB on Linux).
    rssMB: process.resourceUsage().maxRSS / 1024,
    events,
    estimatedEvents: Math.round(estimate.events),
    estimatedMB: estimate.memoryBytes / 2 ** 20,
    seekMs,
  };
}

/**
 * Each worst-valid scenario in a process of its own, as a user runs one: run
 * one after another in one process, the later ones pay for the earlier ones'
 * heap.
 */
function worstValid() {
  return WORST.map((_, i) => {
    const child = spawnSync(process.execPath, [process.argv[1]!, `--worst-one=${i}`], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`worst valid #${i} failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as ReturnType<typeof worstOne>;
  });
}

const one = process.argv.find((a) => a.startsWith('--worst-one='));
if (one) {
  process.stdout.write(JSON.stringify(worstOne(WORST[Number(one.split('=')[1])]!)));
  process.exit(0);
}

const big = large();
const bigCost = costOf(big.runMs, big.simulatedMs, big.fibChanges, big.flows);
const longRun = day();
const others = presets();
const worst = quick ? [] : worstValid();
if (json) {
  process.stdout.write(
    `${JSON.stringify({ ...big, cost: { large: bigCost, day: longRun }, presets: others, worstValid: worst })}\n`,
  );
} else {
  const f = (n: number, d = 1) => n.toFixed(d);
  process.stdout.write(
    [
      `Large scenario: ${big.nodes} nodes, ${big.flows} flows, ${f(big.simulatedMs / 3.6e6, 2)} h simulated, ${big.events} events, ${big.fibChanges} FIB changes`,
      `  run             ${f(big.runMs, 0)} ms   (simSpeedRatio ${f(big.simSpeedRatio, 0)}× real time; target ≥ 10000)`,
      `  peak memory     ${f(big.peakHeapMB)} MB (heap + array buffers; target < 200)`,
      `  seek            p50 ${f(big.seekP50Ms)} ms, p95 ${f(big.seekP95Ms)} ms (target p95 < 100)`,
      '',
      'Cost model (wall time per data-plane change, and per flow and change)',
      `  large, 1 h       ${f(bigCost.msPerChange, 2)} ms per change, ${f(bigCost.nsPerFlowPerChange)} ns per flow per change (${bigCost.changes} changes)`,
      `  large, 24 h      ${f(longRun.msPerChange, 2)} ms per change, ${f(longRun.nsPerFlowPerChange)} ns per flow per change (${longRun.changes} changes, ${longRun.faults} faults)`,
      `                   run ${f(longRun.runMs / 1000, 1)} s (simSpeedRatio ${f(longRun.simSpeedRatio, 0)}×)`,
      '',
      'Presets (run to the end)',
      ...others.map(
        (o) =>
          `  ${o.scenario.padEnd(22)} ${f(o.runMs).padStart(8)} ms  ${f(o.simSpeedRatio, 0).padStart(8)}×`,
      ),
      '',
      ...(worst.length
        ? [
            'Worst valid (the largest scenarios validation accepts, run to the end; target well under 30 s)',
            ...worst.map(
              (w) =>
                `  ${w.nodes} nodes, ${w.flows} flows, ${w.faults} faults, ${f(w.durationMs / 3.6e6, 0)} h: ` +
                `${f(w.runMs / 1000)} s (${f(w.simSpeedRatio, 0)}×), peak ${f(w.peakMB, 0)} MB heap and buffers ` +
                `(peak rss ${f(w.rssMB, 0)} MB; estimated ${f(w.estimatedMB, 0)} MB), ` +
                `${w.events} events (estimated ${w.estimatedEvents}), seek to 6 h ${f(w.seekMs, 0)} ms`,
            ),
            '',
          ]
        : []),
    ].join('\n'),
  );
}
