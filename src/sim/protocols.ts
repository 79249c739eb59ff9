import type { ProtocolPreset } from './types';

/** Timers and metric range of each routing-protocol preset (all editable in a scenario). */
export interface ProtocolProfile {
  label: string;
  /** What the advertised metric means for this protocol. */
  metricName: string;
  /** Periodic hello / keepalive / update interval. */
  updateMs: number;
  /** Dead / hold / timeout: a silent neighbor's routes are removed this long after its last message. */
  expiryMs: number;
  /** RIP only: how long a timed-out route is kept (metric 16) before it is flushed. */
  garbageMs: number;
  /** Time for a (re)started node to bring its session up and advertise. */
  sessionSetupMs: number;
  /** Least time between two advertisements from one node (MRAI, MinLSInterval, RIP damping). */
  minUpdateIntervalMs: number;
  minMetric: number;
  maxMetric: number;
  defaultBase: number;
}

export const PROTOCOLS: Record<ProtocolPreset, ProtocolProfile> = {
  ospf: {
    label: 'OSPF-like',
    metricName: 'cost',
    updateMs: 10_000,
    expiryMs: 40_000,
    garbageMs: 0,
    sessionSetupMs: 5_000,
    minUpdateIntervalMs: 5_000,
    minMetric: 1,
    maxMetric: 65_535,
    defaultBase: 100,
  },
  bgp: {
    label: 'BGP-like',
    metricName: 'MED',
    updateMs: 30_000,
    expiryMs: 90_000,
    garbageMs: 0,
    sessionSetupMs: 3_000,
    minUpdateIntervalMs: 0,
    minMetric: 0,
    maxMetric: 4_294_967_295,
    defaultBase: 100,
  },
  rip: {
    label: 'RIP-like',
    metricName: 'hop count',
    updateMs: 30_000,
    expiryMs: 180_000,
    garbageMs: 120_000,
    sessionSetupMs: 1_000,
    minUpdateIntervalMs: 1_000,
    minMetric: 1,
    // 16 means unreachable, so 15 is the largest usable metric.
    maxMetric: 15,
    defaultBase: 8,
  },
  lab: {
    label: 'Lab (fast timers)',
    metricName: 'metric',
    updateMs: 3_000,
    expiryMs: 9_000,
    garbageMs: 0,
    sessionSetupMs: 2_000,
    minUpdateIntervalMs: 0,
    minMetric: 0,
    maxMetric: 1_000_000,
    defaultBase: 100,
  },
};

/** RIP's "infinity": a route with this metric is unreachable. */
export const RIP_UNREACHABLE = 16;

/**
 * The metric the router holds for an advertised one: RIP adds the cost of the
 * link it came in on (1), so an advertised 15 becomes 16, unreachable. The
 * other protocols' metrics (MED, the cluster's cost) arrive as sent.
 */
export function routeMetric(preset: ProtocolPreset, advertised: number): number {
  return preset === 'rip' ? Math.min(advertised + 1, RIP_UNREACHABLE) : advertised;
}
