import { createSimulation, parseScenario } from '../src/sim/index';
const nodes = Number(process.argv[2] ?? 256),
  faults = Number(process.argv[3] ?? 100),
  hours = Number(process.argv[4] ?? 24),
  flows = Number(process.argv[5] ?? 1000);
const durationMs = hours * 3.6e6;
const list = [];
for (let i = 0; i < faults; i++) {
  const node = 1 + ((Math.floor(i / 2) * 7) % nodes);
  list.push(
    i % 2 === 0
      ? { atMs: Math.floor((i * durationMs) / faults), node, action: 'fail', kind: 'crash' }
      : { atMs: Math.floor((i * durationMs) / faults), node, action: 'recover' },
  );
}
const sc = parseScenario({ version: 1, nodes, durationMs, traffic: { flows }, faults: list });
const t0 = performance.now();
const sim = createSimulation(sc);
sim.advanceTo(durationMs);
const t1 = performance.now();
const f = sim.figures();
const t2 = performance.now();
const m = process.memoryUsage();
console.log({
  events: sim.events().length,
  epochs: sim.epochs().length,
  fib: sim.fibChanges().length,
  runMs: t1 - t0,
  figMs: t2 - t1,
  heapMB: m.heapUsed / 2 ** 20,
  rssMB: m.rss / 2 ** 20,
  lost: f.packetsLost,
});
