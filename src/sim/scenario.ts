/**
 * The scenario file (version 1): its schema, its defaults, and the messages a
 * bad file gets. Validation is the only gate into the core: anything that
 * passes it must simulate without throwing, so every number is bounded here.
 */
import en from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';
import { PROTOCOLS } from './protocols';
import { STRATEGY_IDS } from './types';
import { workloadProblem } from './workload';
import {
  capProblems,
  formatIssue,
  keysAt,
  ScenarioError,
  type SchemaNode,
} from './scenarioMessages';

export { ScenarioError };

// zod/mini keeps the bundle small; it needs its English messages set once.
z.config(en());
// No compiled parsers: the page's CSP forbids eval, and even zod's probe for it is reported.
z.config({ jitless: true });

const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const ms = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
const text = (max: number) => z.optional(z.string().check(z.maxLength(max)));
const DAY_MS = 86_400_000;
/** The most faults a scenario holds; clicks stop there too, so every export loads again. */
export const MAX_FAULTS = 10_000;

const failFault = z.strictObject({
  atMs: ms(0, DAY_MS),
  node: int(1, 256),
  action: z.literal('fail'),
  kind: z._default(z.enum(['crash', 'link', 'carrier', 'unhealthy']), 'crash'),
});
const recoverFault = z.strictObject({
  atMs: ms(0, DAY_MS),
  node: int(1, 256),
  action: z.literal('recover'),
});
// Planned maintenance: the node advertises its worst metric, waits until the
// router sends it nothing, then stops.
const drainFault = z.strictObject({
  atMs: ms(0, DAY_MS),
  node: int(1, 256),
  action: z.literal('drain'),
});

export const scenarioSchema = z
  .strictObject({
    version: z.literal(1),
    name: text(200),
    title: text(200),
    description: text(2000),
    seed: z._default(int(0, 2 ** 32 - 1), 1),
    durationMs: z._default(ms(1, DAY_MS), 120_000),
    nodes: int(1, 256),
    protocol: z._default(
      z.strictObject({
        preset: z._default(z.enum(['ospf', 'bgp', 'rip', 'lab']), 'lab'),
        updateMs: z.optional(ms(1, DAY_MS)),
        expiryMs: z.optional(ms(1, DAY_MS)),
        garbageMs: z.optional(ms(0, DAY_MS)),
        sessionSetupMs: z.optional(ms(0, DAY_MS)),
        propagationMs: z._default(ms(0, 60_000), 5),
        minUpdateIntervalMs: z.optional(ms(0, DAY_MS)),
      }),
      { preset: 'lab', propagationMs: 5 },
    ),
    router: z._default(
      z.strictObject({
        coalesceMs: z._default(ms(0, 60_000), 50),
        fibInstallMs: z._default(ms(0, 60_000), 25),
        maxPaths: z._default(int(1, 256), 64),
        carrierDetectMs: z._default(ms(0, 60_000), 10),
      }),
      { coalesceMs: 50, fibInstallMs: 25, maxPaths: 64, carrierDetectMs: 10 },
    ),
    strategy: z._default(z.enum(STRATEGY_IDS), 'metric-lowering'),
    metric: z._default(
      z.strictObject({
        base: z.optional(int(0, 4_294_967_295)),
        step: z._default(int(1, 1_000_000), 1),
        restoreWaitMs: z.optional(ms(0, DAY_MS)),
        floor: z.optional(int(0, 4_294_967_295)),
        rejoin: z._default(z.enum(['base', 'cluster']), 'base'),
        lowering: z._default(z.enum(['per-detection', 'agreed']), 'per-detection'),
      }),
      { step: 1, rejoin: 'base', lowering: 'per-detection' },
    ),
    cluster: z._default(
      z.strictObject({
        heartbeatMs: z._default(ms(1, 600_000), 200),
        deadAfter: z._default(int(1, 1000), 3),
        backplaneMs: z._default(ms(0, 60_000), 1),
        detectionJitterMs: z._default(ms(0, 600_000), 0),
        // Above zero: an unhealthy node's health is set below it.
        healthThreshold: z._default(z.number().check(z.gt(0), z.maximum(1)), 0.5),
        unhealthyAction: z._default(z.enum(['keep-advertising', 'withdraw']), 'keep-advertising'),
        healthCheckMs: z._default(ms(1, 600_000), 1_000),
        healthFall: z._default(int(1, 100), 3),
        healthRise: z._default(int(1, 100), 2),
        connectionState: z._default(z.enum(['local', 'steering', 'consistent']), 'local'),
      }),
      {
        heartbeatMs: 200,
        deadAfter: 3,
        backplaneMs: 1,
        detectionJitterMs: 0,
        healthThreshold: 0.5,
        unhealthyAction: 'keep-advertising',
        healthCheckMs: 1_000,
        healthFall: 3,
        healthRise: 2,
        connectionState: 'local',
      },
    ),
    bfd: z._default(
      z.strictObject({
        intervalMs: z._default(ms(1, 60_000), 300),
        multiplier: z._default(int(1, 255), 3),
      }),
      { intervalMs: 300, multiplier: 3 },
    ),
    hashing: z._default(z.enum(['modulo', 'hash-threshold', 'resilient']), 'hash-threshold'),
    resilient: z._default(
      z.strictObject({
        buckets: z._default(int(1, 65_536), 256),
        idleTimerMs: z._default(ms(0, DAY_MS), 120_000),
        // 0: never force busy buckets to move (Linux's default).
        unbalancedTimerMs: z._default(ms(0, DAY_MS), 0),
      }),
      { buckets: 256, idleTimerMs: 120_000, unbalancedTimerMs: 0 },
    ),
    traffic: z._default(
      z.strictObject({
        flows: z._default(int(0, 1_000_000), 1000),
        packetsPerSecond: z._default(ms(0.001, 10_000), 10),
        longLivedShare: z._default(ms(0, 1), 0.5),
        shortFlowMeanMs: z._default(ms(100, DAY_MS), 10_000),
      }),
      { flows: 1000, packetsPerSecond: 10, longLivedShare: 0.5, shortFlowMeanMs: 10_000 },
    ),
    faults: z._default(
      z
        .array(z.discriminatedUnion('action', [failFault, recoverFault, drainFault]))
        .check(z.maxLength(MAX_FAULTS)),
      [],
    ),
  })
  .check(
    z.superRefine((s, ctx) => {
      s.faults.forEach((f, i) => {
        if (f.node > s.nodes) {
          ctx.addIssue({
            code: 'custom',
            path: ['faults', i, 'node'],
            message: `node ${f.node} does not exist; this scenario has nodes 1 to ${s.nodes}`,
          });
        }
      });
      const profile = PROTOCOLS[s.protocol.preset];
      for (const key of ['base', 'floor'] as const) {
        const value = s.metric[key];
        if (value !== undefined && (value < profile.minMetric || value > profile.maxMetric)) {
          ctx.addIssue({
            code: 'custom',
            path: ['metric', key],
            message: `${value} is outside ${profile.label}'s metric range ${profile.minMetric} to ${profile.maxMetric}`,
          });
        }
      }
      if (
        s.metric.base !== undefined &&
        s.metric.floor !== undefined &&
        s.metric.floor > s.metric.base
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['metric', 'floor'],
          message: `the floor ${s.metric.floor} is above the base metric ${s.metric.base}`,
        });
      }
    }),
  );

export type ScenarioInput = z.input<typeof scenarioSchema>;
type Parsed = z.output<typeof scenarioSchema>;
export type Fault = Parsed['faults'][number];

/** A scenario with every default filled in: what the core runs. */
type Filled<T> = { [K in keyof T]-?: NonNullable<T[K]> };
export interface Scenario extends Omit<Parsed, 'protocol' | 'metric' | 'faults'> {
  protocol: Filled<Parsed['protocol']>;
  metric: Filled<Parsed['metric']>;
  faults: Fault[];
}

/**
 * Validate a scenario object and fill in its defaults.
 * @throws ScenarioError naming each bad field, its value and what is allowed.
 * @example parseScenario({ version: 1, nodes: 4 }).protocol.expiryMs // 9000 (lab preset)
 */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    const allowed = (path: readonly PropertyKey[]) =>
      keysAt(scenarioSchema as unknown as SchemaNode, path, input);
    throw new ScenarioError(
      capProblems(result.error.issues.map((issue) => formatIssue(issue, input, allowed))),
    );
  }
  const s = result.data;
  const profile = PROTOCOLS[s.protocol.preset];
  const protocol = {
    preset: s.protocol.preset,
    updateMs: s.protocol.updateMs ?? profile.updateMs,
    expiryMs: s.protocol.expiryMs ?? profile.expiryMs,
    garbageMs: s.protocol.garbageMs ?? profile.garbageMs,
    sessionSetupMs: s.protocol.sessionSetupMs ?? profile.sessionSetupMs,
    propagationMs: s.protocol.propagationMs,
    minUpdateIntervalMs: s.protocol.minUpdateIntervalMs ?? profile.minUpdateIntervalMs,
  };
  const base = s.metric.base ?? profile.defaultBase;
  const metric = {
    base,
    step: s.metric.step,
    restoreWaitMs: s.metric.restoreWaitMs ?? protocol.expiryMs,
    floor: Math.min(s.metric.floor ?? profile.minMetric, base),
    rejoin: s.metric.rejoin,
    lowering: s.metric.lowering,
  };
  // Stable sort: faults at the same moment keep the order the file gives them.
  const faults = [...s.faults].sort((a, b) => a.atMs - b.atMs);
  const scenario = { ...s, protocol, metric, faults };
  // Valid field by field, but perhaps too large as a whole to run.
  const tooLarge = workloadProblem(scenario);
  if (tooLarge) throw new ScenarioError([`scenario: too large to simulate: ${tooLarge}`]);
  return scenario;
}
