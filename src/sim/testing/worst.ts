/**
 * Scenarios at the size limits, as the benchmark's "worst valid" section and
 * the limit tests run them: faults spread evenly over the run, each node in
 * turn crashing and recovering half a fault interval later.
 */
import type { ScenarioInput } from '../scenario';

export interface Size {
  nodes: number;
  flows: number;
  faults: number;
  durationMs: number;
}

export function sizedScenario(size: Size, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  const { nodes, flows, faults, durationMs } = size;
  const gap = durationMs / Math.max(1, faults);
  const list: NonNullable<ScenarioInput['faults']> = [];
  for (let i = 0; i < faults; i++) {
    const node = 1 + ((Math.floor(i / 2) * 7) % nodes);
    const atMs = Math.floor(i * gap);
    list.push(
      i % 2 === 0
        ? { atMs, node, action: 'fail', kind: 'crash' }
        : { atMs, node, action: 'recover' },
    );
  }
  return {
    version: 1,
    name: `${nodes}-nodes-${faults}-faults`,
    nodes,
    durationMs,
    protocol: { preset: 'bgp' },
    traffic: { flows, packetsPerSecond: 10, longLivedShare: 0.5, shortFlowMeanMs: 60_000 },
    faults: list,
    ...extra,
  };
}
