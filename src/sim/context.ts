/** What the model's rule functions share: the scenario, the state and the ways to act on time. */
import type { Scenario } from './scenario';
import type { Item, NodeRt, State } from './state';
import type { Flows } from './traffic';
import type { SimEvent } from './types';

type Untimed<T> = T extends unknown ? Omit<T, 'tMs'> : never;
export type LogEntry = Untimed<SimEvent>;
type ItemInput = Item extends infer I ? (I extends unknown ? Omit<I, 'seq'> : never) : never;

export interface Ctx {
  sc: Scenario;
  st: State;
  flows: Flows;
  log(entry: LogEntry): void;
  schedule(item: ItemInput): void;
  /** Close the open data-plane epoch: call before anything that changes where packets go. */
  dataPlaneChanging(): void;
}

export const nodeOf = (ctx: Ctx, node: number): NodeRt => ctx.st.nodes[node - 1]!;

/** The node reaches the router and can speak routing. */
export const transmitting = (n: NodeRt): boolean => n.alive && n.linkUp;

/** The node can take traffic: packets sent to it are delivered. */
export const delivering = (n: NodeRt): boolean => n.alive && n.linkUp && n.healthy;

/** The node can process a flow whose state it holds (steered to it over the backplane). */
export const processing = (n: NodeRt): boolean => n.alive && n.healthy;

/** The cluster counts the node as an active member (its health checks pass, as far as it knows). */
export const member = (n: NodeRt): boolean => n.alive && n.linkUp && n.healthUp;

/** The node advertises the VIP and takes part in the cluster's metric logic. */
export const participating = (n: NodeRt): boolean =>
  member(n) && n.sessionUp && n.advertised !== null;

/** First tick of a periodic timer (phase, period) at or after x. */
export function tickAtOrAfter(phaseMs: number, periodMs: number, x: number): number {
  return phaseMs + Math.ceil((x - phaseMs) / periodMs) * periodMs;
}

/** Last tick of a periodic timer strictly before x. */
export function tickBefore(phaseMs: number, periodMs: number, x: number): number {
  return phaseMs + (Math.ceil((x - phaseMs) / periodMs) - 1) * periodMs;
}
