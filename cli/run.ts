/**
 * The command line, as a pure function of its arguments and a file reader, so
 * that it is tested without spawning processes. `cli/sim.ts` wires it to Node.
 */
import {
  createSimulation,
  type Figures,
  PRESETS,
  parseScenario,
  parseScenarioBytes,
  presetByName,
  ScenarioError,
  type Simulation,
  type Strategy,
  scenarioWarnings,
} from '../src/sim/index';
import { FileRefusal } from './files';
import { escapeControls, escapeLine, safeJson } from './terminal';

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
/** A file that cannot be read: said without the usage text. */
class UnreadableFile extends Error {}

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
    else
      throw new UsageError(
        `unexpected argument ${JSON.stringify(arg)}: give one scenario file or preset`,
      );
  }
  if (source === null) throw new UsageError('no scenario: give a scenario file or a preset name');
  return { source, strategy, json };
}

/** Reads a file's bytes; throws `FileRefusal` saying why it cannot. */
export type ReadFile = (path: string) => Uint8Array;

class BadFile extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(problems.join('\n'));
  }
}

function load(source: string, readFile: ReadFile) {
  const preset = presetByName(source);
  if (preset) return parseScenario(preset.scenario);
  let bytes: Uint8Array;
  try {
    bytes = readFile(source);
  } catch (error) {
    const refusal =
      error instanceof FileRefusal ? error : new FileRefusal((error as Error).message);
    const presets = refusal.missing
      ? ` (and it is not a preset: ${PRESETS.map((p) => p.name).join(', ')})`
      : '';
    throw new UnreadableFile(`cannot read ${JSON.stringify(source)}: ${refusal.message}${presets}`);
  }
  try {
    return parseScenarioBytes(bytes);
  } catch (error) {
    if (error instanceof ScenarioError) throw new BadFile(source, error.problems);
    throw error;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

function summary(sim: Simulation, figures: Figures): string {
  const sc = sim.scenario();
  const lines = [
    `${escapeLine(sc.title ?? sc.name ?? 'Scenario')}: ${sc.nodes} nodes, ${sc.protocol.preset} (update ${seconds(sc.protocol.updateMs)}, expiry ${seconds(sc.protocol.expiryMs)}), strategy ${sc.strategy}, hashing ${sc.hashing}, ${seconds(sc.durationMs)} simulated`,
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

const listed = (problems: readonly string[]) =>
  problems.map((p) => `  ${escapeLine(p)}`).join('\n');

function run(args: readonly string[], readFile: ReadFile): CliResult {
  try {
    const options = parseArgs(args);
    if (options === 'help') return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    let scenario = load(options.source, readFile);
    if (options.strategy) scenario = { ...scenario, strategy: options.strategy };
    const warnings = scenarioWarnings(scenario);
    const stderr = warnings.map((w) => `warning: ${escapeLine(w)}\n`).join('');
    const sim = createSimulation(scenario);
    sim.advanceTo(scenario.durationMs);
    const figures = sim.figures();
    if (!options.json) return { code: 0, stdout: summary(sim, figures), stderr };
    const { tMs: _t, perNode, ...totals } = figures;
    const doc = {
      scenario: sim.scenario(),
      figures: { ...totals, perNode },
      fib: sim.fibChanges(),
      events: sim.events(),
      warnings,
    };
    return { code: 0, stdout: `${safeJson(JSON.stringify(doc))}\n`, stderr };
  } catch (error) {
    if (error instanceof BadFile) {
      const what = `${JSON.stringify(error.source)} is not a valid scenario`;
      return { code: 2, stdout: '', stderr: `error: ${what}:\n${listed(error.problems)}\n` };
    }
    if (error instanceof ScenarioError) {
      return { code: 2, stdout: '', stderr: `error: bad scenario:\n${listed(error.problems)}\n` };
    }
    if (error instanceof UsageError) {
      return { code: 2, stdout: '', stderr: `error: ${escapeLine(error.message)}\n\n${USAGE}\n` };
    }
    return { code: 2, stdout: '', stderr: `error: ${escapeLine((error as Error).message)}\n` };
  }
}

/** Run the command line; whatever it prints has its control characters escaped. */
export function runCli(args: readonly string[], readFile: ReadFile): CliResult {
  const result = run(args, readFile);
  return {
    code: result.code,
    stdout: escapeControls(result.stdout),
    stderr: escapeControls(result.stderr),
  };
}
