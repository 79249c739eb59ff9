/**
 * What the accounting remembers of each flow, flat (typed arrays, cheap to
 * checkpoint).
 *
 * Per slot, two numbers: the generation they are about, and for that
 * generation the node holding its state with two flags, broken and reset. A
 * slot's later generation reads as clear (no state, neither flag) until one is
 * written for it.
 *
 * Long-lived flows (one generation for the whole run) are kept apart, numbered
 * in router-hash order (see `longFlows.ts`): the node holding each one's state
 * and its broken and reset flags, so that an epoch reads a hash region's flows
 * in memory order. Their slots' fields above are unused.
 */
export interface FlowMarks {
  slots: Int32Array;
  longOwner: Int32Array;
  longFlags: Uint8Array;
}
export const MARKS = 2;
const GEN = 0;
const STATE = 1;
const NODE = 0xffff;
const BROKEN_BIT = 1 << 16;
const RESET_BIT = 1 << 17;

function stateOf(s: Int32Array, at: number, g: number): number {
  return s[at + GEN] === g ? s[at + STATE]! : 0;
}
function write(s: Int32Array, at: number, g: number, state: number): void {
  s[at + GEN] = g;
  s[at + STATE] = state;
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
  const slots = new Int32Array(count * MARKS);
  for (let i = 0; i < count; i++) slots[i * MARKS + GEN] = -1;
  return {
    slots,
    longOwner: new Int32Array(longCount),
    longFlags: new Uint8Array(longCount),
  };
}

export function copyFlowMarks(m: FlowMarks): FlowMarks {
  return { slots: m.slots.slice(), longOwner: m.longOwner.slice(), longFlags: m.longFlags.slice() };
}
