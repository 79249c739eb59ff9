/**
 * What a scenario will cost to simulate, estimated from its size before it
 * runs, so that validation can refuse what cannot fit instead of letting the
 * run crash or freeze. The model follows the core's algorithm (see the README's
 * benchmark section for the measurements behind it):
 * - control plane: about 4 events per node per fault (every survivor detects,
 *   re-advertises, the router hears it), each logged and replayed on seeks;
 * - data plane: about 6 epochs per fault; each epoch costs a pass over the
 *   flow slots, and every short-flow generation is drawn once;
 * - memory: the packed event log, the epochs (two numbers per node each), the
 *   flow tables and 64 checkpoints of the state.
 */
import type { Scenario } from './scenario';

export interface Workload {
  events: number;
  epochs: number;
  generations: number;
  /** Abstract units of work, about one flow slot visited in one epoch each. */
  work: number;
  memoryBytes: number;
}

/** Above these a scenario is refused (2 GB is what a CLI run or a browser tab may take). */
export const WORK_LIMIT = 2e10;
export const MEMORY_LIMIT_BYTES = 1.5 * 2 ** 30;

const EVENTS_PER_NODE_FAULT = 4.2;
const EPOCHS_PER_FAULT = 6;
const BYTES_PER_EVENT = 48;
const WORK_PER_EVENT = 60;
const CHECKPOINTS = 64;

/** The estimate for `s`, or for `s` with `addedFaults` more faults (clicks still to come). */
export function estimateWorkload(s: Scenario, addedFaults = 0): Workload {
  const { nodes, durationMs } = s;
  const faults = s.faults.length + addedFaults;
  const { flows, longLivedShare, shortFlowMeanMs } = s.traffic;
  const events = (faults + 1) * nodes * EVENTS_PER_NODE_FAULT;
  const epochs = faults * EPOCHS_PER_FAULT + 1;
  const shortFlows = flows * (1 - longLivedShare);
  // Lifetimes are at least half the mean.
  const generations = flows + shortFlows * (durationMs / (0.5 * shortFlowMeanMs));
  const work = events * WORK_PER_EVENT + epochs * flows + generations;
  const stateBytes = nodes * (400 + 8 * nodes) + flows * 16;
  const memoryBytes =
    events * BYTES_PER_EVENT + epochs * (nodes * 24 + 400) + flows * 120 + CHECKPOINTS * stateBytes;
  return { events, epochs, generations, work, memoryBytes };
}

const SIZE_FIELDS = 'nodes, faults, durationMs and traffic.flows (with traffic.shortFlowMeanMs)';

/**
 * What makes a scenario (with `addedFaults` more faults) too large to
 * simulate, naming the fields and the limit, or null.
 */
export function workloadProblem(s: Scenario, addedFaults = 0): string | null {
  const w = estimateWorkload(s, addedFaults);
  const size =
    `nodes ${s.nodes}, faults ${s.faults.length + addedFaults}, durationMs ${s.durationMs}, ` +
    `traffic.flows ${s.traffic.flows}, traffic.shortFlowMeanMs ${s.traffic.shortFlowMeanMs}`;
  if (w.memoryBytes > MEMORY_LIMIT_BYTES) {
    const gb = (x: number) => (x / 2 ** 30).toFixed(1);
    return (
      `${size} need about ${gb(w.memoryBytes)} GB ` +
      `(limit ${gb(MEMORY_LIMIT_BYTES)} GB); reduce ${SIZE_FIELDS}`
    );
  }
  if (w.work > WORK_LIMIT) {
    const e = (x: number) => x.toExponential(1);
    return (
      `${size} need about ${e(w.work)} units of work ` +
      `(limit ${e(WORK_LIMIT)}, about a minute); reduce ${SIZE_FIELDS}`
    );
  }
  return null;
}
