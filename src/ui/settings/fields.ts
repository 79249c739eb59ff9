/**
 * The settings form's fields: where each lives in the scenario file, its
 * label and its bounds. The scenario schema stays the judge of what is valid;
 * the bounds here only guide the inputs.
 */
import { PROTOCOLS } from '../../sim';

export interface Option {
  value: string;
  label: string;
}

export interface FieldSpec {
  /** Path in the scenario file, e.g. ['protocol', 'expiryMs']. */
  path: readonly string[];
  label: string;
  kind: 'number' | 'select';
  min?: number;
  max?: number;
  step?: number;
  options?: readonly Option[];
  hint?: string;
}

export interface GroupSpec {
  legend: string;
  fields: readonly FieldSpec[];
  note?: string;
}

const num = (
  path: string[],
  label: string,
  min: number,
  max?: number,
  hint?: string,
): FieldSpec => ({
  path,
  label,
  kind: 'number',
  min,
  ...(max === undefined ? {} : { max }),
  step: 1,
  ...(hint === undefined ? {} : { hint }),
});

export const MAX_NODES = 64;

export const GROUPS: readonly GroupSpec[] = [
  {
    legend: 'Cluster',
    fields: [
      num(['nodes'], 'Nodes', 1, MAX_NODES),
      num(['cluster', 'heartbeatMs'], 'Heartbeat (ms)', 1),
      num(['cluster', 'deadAfter'], 'Dead after (missed)', 1, 1000),
      num(['cluster', 'detectionJitterMs'], 'Detection jitter (ms)', 0),
      {
        path: ['cluster', 'connectionState'],
        label: 'Connection state',
        kind: 'select',
        options: [
          { value: 'local', label: 'Local (a moved flow is reset)' },
          { value: 'steering', label: 'Steering over the backplane' },
          { value: 'consistent', label: 'Consistent hashing (Maglev-style)' },
        ],
      },
    ],
    note: 'Connection state: what happens to a flow ECMP moves to another node. Local: that node has no state and resets it. Steering (clustered ADCs): the node steers its packets over the backplane to the node that holds the state. Consistent: every node maps it to the same backend.',
  },
  {
    legend: 'Health',
    fields: [
      {
        path: ['cluster', 'unhealthyAction'],
        label: 'Unhealthy node',
        kind: 'select',
        options: [
          { value: 'keep-advertising', label: 'Keeps advertising (router cannot tell)' },
          { value: 'withdraw', label: 'Withdraws its route' },
        ],
      },
      num(['cluster', 'healthCheckMs'], 'Health check interval (ms)', 1, 600_000),
      num(['cluster', 'healthFall'], 'Failed checks to mark down (fall)', 1, 100),
      num(['cluster', 'healthRise'], 'Passed checks to mark up (rise)', 1, 100),
    ],
    note: 'An unhealthy node that keeps advertising still talks routing: neither expiry nor BFD removes it, only its peers lowering their metric. The cluster knows only after “fall” failed checks in a row.',
  },
  {
    legend: 'Routing protocol',
    fields: [
      {
        path: ['protocol', 'preset'],
        label: 'Protocol preset',
        kind: 'select',
        options: Object.entries(PROTOCOLS).map(([value, p]) => ({ value, label: p.label })),
      },
      num(['protocol', 'updateMs'], 'Update interval (ms)', 1),
      num(['protocol', 'expiryMs'], 'Expiry (ms)', 1),
      num(['protocol', 'minUpdateIntervalMs'], 'Least time between updates (ms)', 0),
    ],
    note: 'Least time between updates: BGP’s MRAI, OSPF’s MinLSInterval (5 s), RIP’s damping; a second lowering within it waits.',
  },
  {
    legend: 'Failure detection',
    fields: [
      {
        path: ['strategy'],
        label: 'Detection method',
        kind: 'select',
        options: [
          { value: 'none', label: 'None (router expiry only)' },
          { value: 'metric-lowering', label: 'Metric lowering (patent)' },
          { value: 'bfd', label: 'BFD on the router' },
        ],
      },
      num(['metric', 'base'], 'Metric base', 0),
      num(['metric', 'step'], 'Metric step', 1),
      num(['metric', 'restoreWaitMs'], 'Restore wait (ms)', 0),
      {
        path: ['metric', 'rejoin'],
        label: 'Rejoin policy',
        kind: 'select',
        options: [
          { value: 'base', label: 'Base metric (patent, literal)' },
          { value: 'cluster', label: 'Cluster’s current metric (NOT from the patent)' },
        ],
      },
      {
        path: ['metric', 'lowering'],
        label: 'Lowering',
        kind: 'select',
        options: [
          { value: 'per-detection', label: 'A step per detection (patent, literal)' },
          { value: 'agreed', label: 'Agreed count of lost nodes (NOT from the patent)' },
        ],
      },
    ],
    note: 'A node that recovers during the wait: the patent has it advertise the base metric (so it gets no traffic until its peers restore). “Cluster’s current metric” is a variant, not from the patent. Lowering: read literally, a survivor that sees two simultaneous losses in separate checks lowers twice and the others once; “agreed” (not from the patent) gives every survivor base − step × the nodes lost.',
  },
  {
    legend: 'Router',
    fields: [
      num(['router', 'coalesceMs'], 'Coalescing window (ms)', 0, 60_000),
      num(['router', 'fibInstallMs'], 'FIB install delay (ms)', 0, 60_000),
      num(['router', 'maxPaths'], 'Max paths', 1, 256),
      {
        path: ['hashing'],
        label: 'Hashing',
        kind: 'select',
        options: [
          { value: 'hash-threshold', label: 'Hash-threshold (RFC 2992)' },
          { value: 'modulo', label: 'Modulo-N' },
          { value: 'resilient', label: 'Resilient buckets' },
        ],
      },
      num(['resilient', 'idleTimerMs'], 'Bucket idle timer (ms)', 0),
      num(['resilient', 'unbalancedTimerMs'], 'Bucket unbalanced timer (ms, 0 = never)', 0),
    ],
  },
  {
    legend: 'Traffic and run',
    fields: [
      num(['traffic', 'flows'], 'Flows', 0, 1_000_000),
      { ...num(['traffic', 'packetsPerSecond'], 'Packets / s per flow', 0), step: 0.001 },
      num(['durationMs'], 'Duration (ms)', 1),
      num(['seed'], 'Seed', 0, 2 ** 32 - 1),
    ],
  },
];

export const FIELDS: readonly FieldSpec[] = GROUPS.flatMap((g) => g.fields);

export function fieldKey(spec: FieldSpec): string {
  return spec.path.join('.');
}
