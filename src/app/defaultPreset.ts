/**
 * The scenario shown when the address names none (or a bad one). Used until the
 * core's preset list is available, and as its fallback.
 */
import type { PresetEntry } from './boot';

export const FALLBACK_PRESET: PresetEntry = {
  name: 'basic',
  title: 'Basic: one node crashes',
  description: 'Four nodes, lab timers; node 4 crashes at 10 s and comes back at 40 s.',
  scenario: {
    version: 1,
    nodes: 4,
    durationMs: 60_000,
    faults: [
      { atMs: 10_000, node: 4, action: 'fail', kind: 'crash' },
      { atMs: 40_000, node: 4, action: 'recover' },
    ],
  },
};
