import { describe, expect, it } from 'vitest';
import {
  copyFlowMarks,
  createFlowMarks,
  MARKS,
  markBroken,
  markReset,
  setSlotOwner,
  slotBroken,
  slotOwner,
  slotReset,
} from './marks';
import { parseScenario } from './scenario';

// The most generations a slot can have: the shortest life (half the smallest
// mean) over the longest run, plus the generation already begun at time 0.
const limits = parseScenario({ version: 1, nodes: 256, durationMs: 86_400_000 });
const shortestLifeMs = 100 / 2;
const lastGeneration = Math.ceil(limits.durationMs / shortestLifeMs) + 1;

describe('flow marks', () => {
  it('hold the node, both flags and the generation at the limits of a valid scenario', () => {
    expect(() => parseScenario({ version: 1, nodes: 4, traffic: { shortFlowMeanMs: 99 } })).toThrow(
      /shortFlowMeanMs/,
    );
    expect(() => parseScenario({ version: 1, nodes: 257 })).toThrow(/nodes/);
    expect(() => parseScenario({ version: 1, nodes: 4, durationMs: 86_400_001 })).toThrow(
      /durationMs/,
    );
    parseScenario({ version: 1, nodes: 4, traffic: { shortFlowMeanMs: 100 } });
    const m = createFlowMarks(3, 0);
    const at = 2 * MARKS;
    for (const g of [0, 1, 4095, lastGeneration]) {
      setSlotOwner(m.slots, at, g, limits.nodes);
      markBroken(m.slots, at, g);
      markReset(m.slots, at, g);
      expect(slotOwner(m.slots, at, g)).toBe(256);
      expect(slotBroken(m.slots, at, g) && slotReset(m.slots, at, g)).toBe(true);
      // Any other generation of the slot reads as clear.
      for (const other of [g + 1, g - 1]) {
        expect(slotOwner(m.slots, at, other)).toBe(0);
        expect(slotBroken(m.slots, at, other) || slotReset(m.slots, at, other)).toBe(false);
      }
      // Its neighbours are untouched.
      expect(slotOwner(m.slots, 0, g) + slotOwner(m.slots, MARKS, g)).toBe(0);
    }
  });

  it('keep each flag apart from the owner, and a copy apart from the original', () => {
    const m = createFlowMarks(1, 0);
    markBroken(m.slots, 0, 7);
    expect([slotOwner(m.slots, 0, 7), slotBroken(m.slots, 0, 7), slotReset(m.slots, 0, 7)]).toEqual(
      [0, true, false],
    );
    setSlotOwner(m.slots, 0, 7, 3);
    setSlotOwner(m.slots, 0, 7, 5);
    expect([slotOwner(m.slots, 0, 7), slotBroken(m.slots, 0, 7)]).toEqual([5, true]);
    const copy = copyFlowMarks(m);
    setSlotOwner(m.slots, 0, 8, 1);
    expect(slotOwner(copy.slots, 0, 7)).toBe(5);
    expect(slotOwner(m.slots, 0, 7)).toBe(0);
  });
});
