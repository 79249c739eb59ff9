/**
 * The lab preset's timers, named, and helpers that derive the expected moments
 * of the patent's story from them (shared by the story tests).
 */
import { expect } from 'vitest';
import { parseScenario } from '../scenario';
import type { Run } from './harness';

export const FAIL_MS = 20_000;
export const lab = parseScenario({ version: 1, nodes: 4 });
export const { propagationMs: PROP, expiryMs: EXPIRY, sessionSetupMs: SETUP } = lab.protocol;
export const { coalesceMs: COALESCE, fibInstallMs: FIB } = lab.router;
export const { heartbeatMs: H, deadAfter: DEAD_AFTER, backplaneMs: BACKPLANE } = lab.cluster;
export const BASE = lab.metric.base;
export const ROUTER_MS = PROP + COALESCE + FIB;

/** A crash is found after deadAfter missed heartbeats, at the observer's next check tick. */
export function expectCrashDetectionWindow(tMs: number, failMs: number): void {
  expect(tMs).toBeGreaterThan(failMs + (DEAD_AFTER - 1) * H + BACKPLANE);
  expect(tMs).toBeLessThan(failMs + (DEAD_AFTER + 1) * H + BACKPLANE);
}

/** Time of the first FIB change at or after `fromMs` whose set leaves `node` out. */
export function fibDropOf(r: Run, node: number, fromMs: number): number {
  const change = r.fibBetween(fromMs - 1).find((c) => !c.ecmp.includes(node));
  if (!change) throw new Error(`node ${node} never left the FIB after ${fromMs} ms`);
  return change.tMs;
}
