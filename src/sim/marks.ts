/**
 * What the accounting remembers of each flow, flat (typed arrays, cheap to
 * checkpoint).
 *
 * Per slot, one number: the generation it is about, and for that generation
 * the node holding its state with two flags, broken and reset. A slot's later
 * generation reads as clear (no state, neither flag) until one is written for
 * it. Packed in 32 bits, since checkpoints copy them: the node in 9 bits (at
 * most 256 nodes), the flags in 2 and the generation plus one in 21 (0: none
 * yet). A generation lives at least 50 ms and a run at most a day, so a slot
 * has at most 1,728,002 generations, under 2²¹.
 *
 * Long-lived flows (one generation for the whole run) are kept apart, numbered
 * in router-hash order (see `longFlows.ts`): the node holding each one's state
 * and its broken and reset flags, so that an epoch reads a hash region's flows
 * in memory order. Their slots' fields above are unused.
 */
export interface FlowMarks {
  slots: Int32Array;
  longOwner: Uint16Array;
  longFlags: Uint8Array;
}
export const MARKS = 1;
const NODE = 0x1ff;
const BROKEN_BIT = 1 << 9;
const RESET_BIT = 1 << 10;
const STATE = 0x7ff;
const GEN_SHIFT = 11;

function stateOf(s: Int32Array, at: number, g: number): number {
  const x = s[at]!;
  return x >>> GEN_SHIFT === g + 1 ? x & STATE : 0;
}
function write(s: Int32Array, at: number, g: number, state: number): void {
  s[at] = ((g + 1) << GEN_SHIFT) | state;
}

/** The node holding generation g's state, for the slot whose marks start at `at` (0: none). */
export function slotOwner(s: Int32Array, at: number, g: number): number {
  return stateOf(s, at, g) & NODE;
}
export function setSlotOwner(s: Int32Array, at: number, g: number, node: number): void {
  write(s, at, g, (stateOf(s, at, g) & ~NODE) | node);
}
export function slotBroken(s: Int32Array, at: number, g: number): boolean {
  return (stateOf(s, at, g) & BROKEN_BIT) !== 0;
}
export function markBroken(s: Int32Array, at: number, g: number): void {
  write(s, at, g, stateOf(s, at, g) | BROKEN_BIT);
}
export function slotReset(s: Int32Array, at: number, g: number): boolean {
  return (stateOf(s, at, g) & RESET_BIT) !== 0;
}
export function markReset(s: Int32Array, at: number, g: number): void {
  write(s, at, g, stateOf(s, at, g) | RESET_BIT);
}

/** `longFlags` bits. */
export const LONG_BROKEN = 1;
export const LONG_RESET = 2;

export function createFlowMarks(count: number, longCount: number): FlowMarks {
  return {
    slots: new Int32Array(count * MARKS),
    longOwner: new Uint16Array(longCount),
    longFlags: new Uint8Array(longCount),
  };
}

export function copyFlowMarks(m: FlowMarks): FlowMarks {
  return { slots: m.slots.slice(), longOwner: m.longOwner.slice(), longFlags: m.longFlags.slice() };
}
