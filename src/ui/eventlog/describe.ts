/** Human sentences for the event log ("Router installs ECMP set {1, 2, 3}"). */
import type {
  AdvertiseReason,
  FailureKind,
  ProtocolPreset,
  RouteRemoval,
  SimEvent,
} from '../../sim';

const EXPIRY_TIMER: Record<ProtocolPreset, string> = {
  bgp: 'hold timer',
  lab: 'hold timer',
  ospf: 'dead interval',
  rip: 'timeout',
};

const FAILURE: Record<FailureKind, (n: number) => string> = {
  crash: (n) => `Node ${n} crashes (silent: the router is not told)`,
  link: (n) => `Node ${n}'s link to the router is cut behind a switch (silent to the router)`,
  carrier: (n) => `Node ${n}'s direct link loses carrier (the router sees it at once)`,
  unhealthy: (n) => `Node ${n} becomes unhealthy (health below the threshold)`,
};

const ADVERTISE: Record<AdvertiseReason, (n: number, metric: number) => string> = {
  session: (n, m) => `Node ${n} advertises the VIP at metric ${m}`,
  lower: (n, m) => `Node ${n} advertises the VIP at the lowered metric ${m}`,
  restore: (n, m) => `Node ${n} restores its metric to ${m}`,
  rejoin: (n, m) => `Node ${n} rejoins and advertises the VIP at metric ${m}`,
  drain: (n, m) =>
    `Node ${n} advertises its worst metric ${m} so the router moves its traffic away`,
};

const REMOVED: Record<Exclude<RouteRemoval, 'expiry'>, (n: number) => string> = {
  carrier: (n) => `Router sees node ${n}'s link lose carrier and removes its route`,
  bfd: (n) => `BFD declares node ${n} down; the router removes its route`,
  withdraw: (n) => `Router removes node ${n}'s withdrawn route`,
  poison: (n) =>
    `Router marks node ${n}'s route unreachable (metric 16) and starts garbage collection`,
};

/** Runs of consecutive node numbers: [1, 2, 3, 5] → ["1–3", "5"] (so 64 nodes stay readable). */
function runs(nodes: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < nodes.length; ) {
    let j = i;
    while (j + 1 < nodes.length && nodes[j + 1] === nodes[j]! + 1) j++;
    if (j - i >= 2) out.push(`${nodes[i]}–${nodes[j]}`);
    else for (let k = i; k <= j; k++) out.push(String(nodes[k]));
    i = j + 1;
  }
  return out;
}

/** "{1, 2, 3}", "{1–46, 48–64}" */
export function formatSet(nodes: readonly number[]): string {
  return nodes.length <= 4 ? `{${nodes.join(', ')}}` : `{${runs(nodes).join(', ')}}`;
}

/** "node 4", "nodes 2 and 4", "nodes 1, 2 and 4", "nodes 1–46 and 48–64" */
export function nodeList(nodes: readonly number[]): string {
  const parts = nodes.length <= 4 ? nodes.map(String) : runs(nodes);
  if (nodes.length === 1) return `node ${nodes[0]}`;
  if (parts.length === 1) return `nodes ${parts[0]}`;
  return `nodes ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The sentence for `events[index]`. A detection is told together with the
 * metric change it causes (the next event, at the same moment, by the same node).
 */
export function describeEvent(
  events: readonly SimEvent[],
  index: number,
  preset: ProtocolPreset,
): string {
  const e = events[index]!;
  switch (e.type) {
    case 'node-fail':
      return FAILURE[e.kind](e.node);
    case 'node-recover':
      return `Node ${e.node} comes back up`;
    case 'drain-start':
      return e.metric === null
        ? `Node ${e.node} starts draining for maintenance: it withdraws its route and waits until it carries no traffic`
        : `Node ${e.node} starts draining for maintenance: it advertises its worst metric ${e.metric} and waits until it carries no traffic`;
    case 'drain-done':
      return `Node ${e.node} carries no traffic any more and stops for maintenance`;
    case 'session-up':
      return `Node ${e.node}'s routing session with the router is up`;
    case 'detect': {
      const next = events[index + 1];
      const lowers =
        next?.type === 'advertise' &&
        next.node === e.node &&
        next.tMs === e.tMs &&
        next.reason === 'lower';
      const base = `Node ${e.node} detects the loss of ${nodeList(e.lost)}`;
      return lowers ? `${base} and lowers its metric to ${next.metric}` : base;
    }
    case 'member-join':
      return `Node ${e.node} sees ${nodeList(e.joined)} join the cluster (active set ${formatSet(e.activeSet)})`;
    case 'member-leave':
      return `Node ${e.node} sees ${nodeList(e.left)} leave the cluster as planned, and keeps its metric (active set ${formatSet(e.activeSet)})`;
    case 'update-held':
      return `Node ${e.node} holds its update until ${(e.untilMs / 1000).toFixed(3)} s (minimum interval between updates)`;
    case 'health-down':
      return e.withdraws
        ? `Node ${e.node} fails ${e.checks} health checks in a row: the cluster marks it unhealthy and it withdraws its route`
        : `Node ${e.node} fails ${e.checks} health checks in a row: the cluster marks it unhealthy, but it keeps advertising, so the router still sends it traffic`;
    case 'health-up':
      return `Node ${e.node} passes ${e.checks} health checks in a row: healthy again`;
    case 'advertise':
      return ADVERTISE[e.reason](e.node, e.metric);
    case 'withdraw-sent':
      return `Node ${e.node} withdraws its route to the VIP`;
    case 'update-received':
      return `Router hears node ${e.node}'s update: metric ${e.metric}`;
    case 'withdraw-received':
      return `Router receives node ${e.node}'s withdrawal`;
    case 'timer-start':
      return `Node ${e.node} starts its restore wait (fires at ${(e.firesAtMs / 1000).toFixed(3)} s)`;
    case 'timer-fire':
      return `Node ${e.node}'s restore wait is over`;
    case 'route-removed':
      return e.reason === 'expiry'
        ? `Node ${e.node}'s route expires (${EXPIRY_TIMER[preset]}) and is removed`
        : REMOVED[e.reason](e.node);
    case 'route-flushed':
      return `Node ${e.node}'s timed-out route is flushed (garbage collection)`;
    case 'best-path':
      return e.ecmp.length === 0
        ? 'Router has no usable route to the VIP'
        : `Router selects best paths ${formatSet(e.ecmp)} at metric ${e.metric}`;
    case 'fib-install':
      return e.ecmp.length === 0
        ? 'Router removes the VIP from its forwarding table: no next hop left'
        : `Router installs ECMP set ${formatSet(e.ecmp)}`;
    case 'buckets-rebalanced':
      return e.forced
        ? `Router's unbalanced timer runs out: it moves ${e.moved} hash buckets, busy ones too`
        : `Router moves ${e.moved} idle hash buckets to rebalance its next hops`;
  }
}
