/**
 * The command line, as a pure function of its arguments and a file reader, so
 * that it is tested without spawning processes. `cli/sim.ts` wires it to Node.
 */
import {
  createSimulation,
  type Figures,
  PRESETS,
  parseScenario,
  parseScenarioText,
  presetByName,
  ScenarioError,
  type Simulation,
  type Strategy,
} from '../src/sim/index';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const STRATEGIES: readonly Strategy[] = ['none', 'metric-lowering', 'bfd'];

export const USAGE = `Usage: npm run sim -- <scenario file | preset name> [--strategy S] [--json]

  --strategy S   override the scenario's strategy: ${STRATEGIES.join(', ')}
  --json         print one JSON document: { scenario, figures, fib, events }

Presets: ${PRESETS.map((p) => p.name).join(', ')}`;

class UsageError extends Error {}

interface Options {
  source: string;
  strategy: Strategy | null;
  json: boolean;
}

function parseArgs(args: readonly string[]): Options | 'help' {
  let source: string | null = null;
  let strategy: Strategy | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg === '--strategy' || arg.startsWith('--strategy=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value === undefined) throw new UsageError('--strategy needs a value');
      if (!STRATEGIES.includes(value as Strategy)) {
        throw new UsageError(`--strategy: "${value}" is not one of ${STRATEGIES.join(', ')}`);
      }
      strategy = value as Strategy;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (source === null) source = arg;
    else throw new UsageError(`unexpected argument "${arg}": give one scenario file or preset`);
  }
  if (source === null) throw new UsageError('no scenario: give a scenario file or a preset name');
  return { source, strategy, json };
}

function load(source: string, readFile: (path: string) => string) {
  const preset = presetByName(source);
  if (preset) return parseScenario(preset.scenario);
  let text: string;
  try {
    text = readFile(source);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
    throw new UsageError(
      `cannot read "${source}": ${reason} (and it is not a preset: ${PRESETS.map((p) => p.name).join(', ')})`,
    );
  }
  return parseScenarioText(text);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

function summary(sim: Simulation, figures: Figures): string {
  const sc = sim.scenario();
  const lines = [
    `${sc.title ?? sc.name ?? 'Scenario'}: ${sc.nodes} nodes, ${sc.protocol.preset} (update ${seconds(sc.protocol.updateMs)}, expiry ${seconds(sc.protocol.expiryMs)}), strategy ${sc.strategy}, hashing ${sc.hashing}, ${seconds(sc.durationMs)} simulated`,
    '',
    'Figures',
    `  packets sent       ${figures.packetsSent}`,
    `  packets delivered  ${figures.packetsDelivered}`,
    `  packets lost       ${figures.packetsLost}  (${figures.packetsUnrouted} with no route at all)`,
    `  flows broken       ${figures.flowsBroken}  (${figures.flowsReset} reset, ${figures.flowsStalled} stalled)`,
    `  packets steered    ${figures.packetsSteered}  (over the backplane; connection state: ${sc.cluster.connectionState})`,
    `  black hole         ${seconds(figures.blackholeMs)}`,
    '',
    '  node  delivered       lost',
    ...figures.perNode.map(
      (n) =>
        `  ${String(n.node).padStart(4)}  ${String(n.delivered).padStart(9)}  ${String(n.lost).padStart(9)}`,
    ),
    '',
    'Forwarding table (ECMP set) over time',
    ...sim.fibChanges().map((c) => `  ${seconds(c.tMs).padStart(12)}  {${c.ecmp.join(', ')}}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function runCli(args: readonly string[], readFile: (path: string) => string): CliResult {
  try {
    const options = parseArgs(args);
    if (options === 'help') return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    let scenario = load(options.source, readFile);
    if (options.strategy) scenario = { ...scenario, strategy: options.strategy };
    const sim = createSimulation(scenario);
    sim.advanceTo(scenario.durationMs);
    const figures = sim.figures();
    if (!options.json) return { code: 0, stdout: summary(sim, figures), stderr: '' };
    const { tMs: _t, perNode, ...totals } = figures;
    const doc = {
      scenario: sim.scenario(),
      figures: { ...totals, perNode },
      fib: sim.fibChanges(),
      events: sim.events(),
    };
    return { code: 0, stdout: `${JSON.stringify(doc)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof ScenarioError) {
      const problems = error.problems.map((p) => `  ${p}`).join('\n');
      return { code: 2, stdout: '', stderr: `error: bad scenario:\n${problems}\n` };
    }
    if (error instanceof UsageError) {
      return { code: 2, stdout: '', stderr: `error: ${error.message}\n\n${USAGE}\n` };
    }
    return { code: 2, stdout: '', stderr: `error: ${(error as Error).message}\n` };
  }
}
