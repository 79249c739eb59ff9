/**
 * The sentence above the stage that says what is happening now and why, read
 * from the simulation's own state (snapshot, event log, timers) rather than
 * from the scenario's description, which a strategy change, a click or a fork
 * makes wrong. Pure: the same moment gives the same sentence, and every number
 * in it (seconds ago, seconds left, share of flows, metrics) is the sim's.
 *
 * @example
 * stageCaption({ scenario, snapshot: sim.snapshot(), events: sim.events(), nowMs: sim.now(), shares })
 * // "Node 4 crashed 0.3 s ago; the router cannot tell and still sends it 25% of flows, which are lost, …"
 */
import type { NodeView, RouteView, Scenario, SimEvent, Snapshot } from '../../sim';
import { nodeList } from '../eventlog/describe';

export interface CaptionInput {
  scenario: Scenario;
  snapshot: Snapshot;
  /** The event log up to now. */
  events: readonly SimEvent[];
  nowMs: number;
  /** Share of the live flows the router hashes to each node now (as the stage's paths show it). */
  shares: ReadonlyMap<number, number>;
}

/** Seconds, to a tenth (to a hundredth under a tenth, so a moment away never reads "0.0 s"). */
const sec = (ms: number) => {
  const t = Math.max(0, ms) / 1000;
  return `${t > 0 && t < 0.095 ? t.toFixed(2) : t.toFixed(1)} s`;
};
const pct = (share: number) => {
  const p = share * 100;
  return p > 0 && p < 1 ? '<1%' : `${Math.round(p)}%`;
};
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "Node 4" / "Nodes 1–3", with the verb agreeing. */
const subject = (nodes: readonly number[], one: string, many: string) =>
  `${cap(nodeList(nodes))} ${nodes.length === 1 ? one : many}`;

type EventOf<T extends SimEvent['type']> = Extract<SimEvent, { type: T }>;

function lastOf<T extends SimEvent['type']>(
  events: readonly SimEvent[],
  type: T,
  where: (e: EventOf<T>) => boolean = () => true,
): EventOf<T> | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === type && where(e as EventOf<T>)) return e as EventOf<T>;
  }
  return undefined;
}

function firstAfter<T extends SimEvent['type']>(
  events: readonly SimEvent[],
  type: T,
  afterMs: number,
  where: (e: EventOf<T>) => boolean = () => true,
): EventOf<T> | undefined {
  for (const e of events) {
    if (e.tMs >= afterMs && e.type === type && where(e as EventOf<T>)) return e as EventOf<T>;
  }
  return undefined;
}

const FAILED_VERB = {
  crash: 'crashed',
  link: 'lost its link to the router',
  carrier: 'lost carrier on its link',
  unhealthy: 'became unhealthy',
} as const;

/** Everything the clauses below look up, computed once. */
function facts(input: CaptionInput) {
  const { snapshot, events, nowMs, scenario } = input;
  const routes = new Map<number, RouteView>(snapshot.routes.map((r) => [r.node, r]));
  const fib = new Set(snapshot.fib);
  const fibNodes = [...snapshot.fib].sort((a, b) => a - b);
  // What the preferred nodes advertise (the RIB may lag it by a propagation delay).
  const first = snapshot.nodes.find((n) => n.node === fibNodes[0]);
  const fibMetric = fibNodes.length
    ? (first?.metric ?? routes.get(fibNodes[0]!)?.metric ?? null)
    : null;
  const failEvent = (node: number) => lastOf(events, 'node-fail', (e) => e.node === node);
  const ago = (tMs: number) => sec(nowMs - tMs);
  const restoreIn = (nodes: readonly NodeView[]) => {
    const at = nodes.map((n) => n.restoreAtMs).filter((t): t is number => t !== null);
    return at.length ? sec(Math.min(...at) - nowMs) : null;
  };
  return { ...input, routes, fib, fibNodes, fibMetric, failEvent, ago, restoreIn, scenario };
}
type Facts = ReturnType<typeof facts>;

/** What the router does with a node's traffic while it cannot serve it (a black hole). */
function blackHole(f: Facts, holes: readonly NodeView[]): string {
  const { scenario, nowMs, events, shares } = f;
  const share = pct(holes.reduce((sum, n) => sum + (shares.get(n.node) ?? 0), 0));
  const first = holes[0]!;
  const route = f.routes.get(first.node);
  const them = holes.length === 1 ? 'it' : 'them';
  const still = `still sends ${them} ${share} of flows, which are lost`;
  const sends = `the router ${still}`;
  const expiresIn = route?.expiresAtMs != null ? sec(route.expiresAtMs - nowMs) : null;

  if (first.state === 'unhealthy') {
    const fail = f.failEvent(first.node);
    const since = fail ? ` for ${f.ago(fail.tMs)}` : '';
    const lead = `Node ${first.node} has been unhealthy${since} but still advertises ${first.metric}, so the router sends it ${share} of flows, which are lost`;
    if (scenario.strategy === 'bfd') {
      return `${lead}. BFD stays up, because the node still answers: the router cannot see the problem.`;
    }
    if (scenario.strategy === 'none') {
      return `${lead}. Its route never expires, because it still talks routing: only the cluster can tell.`;
    }
    if (!first.markedUnhealthy) {
      const verdict =
        first.healthVerdictAtMs !== null ? ` in ${sec(first.healthVerdictAtMs - nowMs)}` : '';
      const then =
        scenario.cluster.unhealthyAction === 'withdraw'
          ? 'and it withdraws its route'
          : 'and its peers lower their metric';
      return `${lead}, until its health checks mark it unhealthy${verdict} ${then}.`;
    }
    const restored =
      fail && firstAfter(events, 'advertise', fail.tMs, (e) => e.reason === 'restore');
    if (restored) {
      return `${lead}: its peers are back at ${first.metric}, so its route is equal-best again.`;
    }
    return `${lead}; the cluster has marked it unhealthy, and its peers lower their metric to take its traffic away.`;
  }

  const fail = f.failEvent(first.node);
  const kind = fail?.kind ?? first.failure ?? 'crash';
  const verb = kind === 'unhealthy' || kind === 'drain' ? 'is down' : FAILED_VERB[kind];
  const lead =
    holes.length === 1
      ? `Node ${first.node} ${verb}${fail ? ` ${f.ago(fail.tMs)} ago` : ''}`
      : `${subject(
          holes.map((n) => n.node),
          'is',
          'are',
        )} down`;
  if (!route) {
    return `${lead}; its route is gone, and the router is about to take ${them} out of its forwarding table.`;
  }
  if (kind === 'carrier')
    return `${lead}; the router sees the lost carrier and is removing its route.`;
  if (scenario.strategy === 'bfd') {
    const boundMs =
      scenario.bfd.intervalMs * scenario.bfd.multiplier + scenario.protocol.propagationMs;
    const within = fail ? ` within ${sec(fail.tMs + boundMs - nowMs)}` : '';
    return `${lead}; ${sends}, until BFD misses ${scenario.bfd.multiplier} packets in a row and declares ${them} down${within}.`;
  }
  if (scenario.strategy === 'none') {
    const until = expiresIn
      ? `, until ${holes.length === 1 ? 'its' : 'the first'} route expires in ${expiresIn}`
      : '';
    return `${lead}; the router cannot tell and ${still}${until}.`;
  }
  // Metric lowering: did the node leave the forwarding table and come back (the wait was too short)?
  const left =
    fail && firstAfter(events, 'fib-install', fail.tMs, (e) => !e.ecmp.includes(first.node));
  if (left) {
    const until = expiresIn ? ` until its stale route expires in ${expiresIn}` : '';
    return `${lead}. Its peers restored ${f.fibMetric} before its stale route expired, so it is back in the ECMP set: ${sends}${until ? `,${until}` : ''} (the restore wait is shorter than the expiry).`;
  }
  const stale = route?.metric ?? scenario.metric.base;
  const lowered = f.snapshot.nodes.filter(
    (n) => n.state !== 'failed' && n.metric !== null && n.metric < stale,
  );
  if (!f.snapshot.nodes.some((n) => n.state !== 'failed')) {
    const until = expiresIn
      ? `, until ${holes.length === 1 ? 'its' : 'the first'} route expires in ${expiresIn}`
      : '';
    return `${lead}; no node is left to notice, and the router ${still}${until}.`;
  }
  if (lowered.length === 0) {
    const would = expiresIn
      ? ` (${holes.length === 1 ? 'its' : 'the first'} route would expire only in ${expiresIn})`
      : '';
    return `${lead}; the router cannot tell and ${still}, until ${holes.length === 1 ? 'its' : 'their'} peers miss ${holes.length === 1 ? 'its' : 'their'} heartbeats and lower their metric${would}.`;
  }
  const who = lowered.map((n) => n.node);
  return `${lead}; ${sends}, but ${nodeList(who)} already ${who.length === 1 ? 'advertises' : 'advertise'} ${lowered[0]!.metric}: the router is about to drop ${them}.`;
}

/** Active nodes the router leaves out while others are preferred (the transients). */
function transient(f: Facts, left: readonly NodeView[]): string | null {
  let out = left;
  const { events, fibNodes, fibMetric, snapshot } = f;
  if (fibMetric === null) return null;
  const inFib = snapshot.nodes.filter((n) => f.fib.has(n.node));
  const fibAdvertises = inFib[0]?.metric ?? fibMetric;
  const restoreIn = f.restoreIn(inFib);
  const lastAd = (node: number) => lastOf(events, 'advertise', (e) => e.node === node);
  const reasonOf = (n: NodeView) => {
    const ad = lastAd(n.node);
    const back = lastOf(events, 'node-recover', (e) => e.node === n.node);
    // Back from a failure (or healthy again) and advertising its own metric.
    if (back && (!ad || ad.tMs <= back.tMs)) return 'rejoin';
    return ad?.reason ?? 'session';
  };
  const reasons = new Set(out.map(reasonOf));
  // Told one group at a time: those that restored first, else those back from a failure, else the rest.
  const group = reasons.has('restore') ? 'restore' : reasons.has('rejoin') ? 'rejoin' : null;
  if (group) out = out.filter((n) => reasonOf(n) === group);
  const outMetric = out[0]!.metric;
  const outNodes = out.map((n) => n.node);
  const one = outNodes.length === 1;
  const fibOne = fibNodes.length === 1;
  // The left-out nodes already advertise what the preferred ones do: the router has not caught up yet.
  const caughtUp = out.every((n) => n.metric === fibAdvertises);
  const spread = 'and the router is about to spread the traffic again';
  if (group === 'rejoin') {
    const back = lastOf(events, 'node-recover', (e) => outNodes.includes(e.node));
    const since = back ? ` ${f.ago(back.tMs)} ago` : '';
    const lead = `${subject(outNodes, 'came', 'came')} back${since} and ${one ? 'advertises' : 'advertise'} ${outMetric}`;
    if (caughtUp) {
      return `${lead}, as ${fibOne ? 'its peer does' : 'its peers do'}; the router is about to add ${one ? 'it' : 'them'} to the ECMP set.`;
    }
    const until = restoreIn ? ` until they restore in ${restoreIn}` : '';
    return `${lead}, but ${nodeList(fibNodes)} ${fibOne ? 'advertises' : 'advertise'} ${fibAdvertises}, so ${one ? 'it gets' : 'they get'} no traffic${until}.`;
  }
  if (group === 'restore') {
    if (caughtUp) {
      return `${subject(outNodes, 'restored', 'restored')} ${outMetric} first, so the router moved the traffic to ${nodeList(fibNodes)}; ${fibOne ? 'it has' : 'they have'} restored too, ${spread}.`;
    }
    const until = restoreIn
      ? ` until ${fibOne ? 'it restores' : 'they restore'} in ${restoreIn}`
      : '';
    return `${subject(outNodes, 'restored', 'restored')} ${outMetric} first, so ${nodeList(fibNodes)}, still at ${fibAdvertises}, ${fibOne ? 'takes' : 'take'} all the traffic${until}.`;
  }
  if (reasons.has('drain')) return null;
  if (caughtUp) {
    return `${subject(fibNodes, 'lowered', 'lowered')} to ${fibMetric} first and took all the traffic; ${nodeList(outNodes)} ${one ? 'has' : 'have'} lowered too, ${spread}.`;
  }
  // Those still above the preferred metric (others may have lowered already, not yet installed).
  const higher = out.filter((n) => n.metric !== fibAdvertises);
  const higherNodes = higher.map((n) => n.node);
  const higherOne = higher.length === 1;
  const higherRib = f.routes.get(higherNodes[0]!)?.metric ?? Number.POSITIVE_INFINITY;
  if (!(fibMetric < higherRib)) return null;
  const only = fibOne
    ? 'it is the only best path and takes'
    : 'they are the only best paths and take';
  // The left-out nodes saw every loss already: they will not lower further (per-detection lowering).
  const failed = snapshot.nodes.filter((n) => n.state === 'failed').map((n) => n.node);
  const detected = higher.every((n) => !n.activeSet.some((m) => failed.includes(m)));
  if (detected && higher.every((n) => reasonOf(n) === 'lower')) {
    const wait = restoreIn
      ? ` until ${fibOne ? 'its' : 'their'} restore wait ends in ${restoreIn}`
      : '';
    return `${subject(fibNodes, 'advertises', 'advertise')} ${fibAdvertises}, below ${nodeList(higherNodes)} at ${higher[0]!.metric} (${fibOne ? 'it' : 'they'} counted more losses), so ${only} all the traffic${wait}.`;
  }
  return `${subject(fibNodes, 'lowered', 'lowered')} to ${fibMetric} first: for now ${only} all the traffic, until ${nodeList(higherNodes)} ${higherOne ? 'lowers' : 'lower'} too.`;
}

/**
 * The preferred nodes no longer advertise one metric (one restored or lowered
 * before the others): the router has heard it, or is about to, and will move
 * the traffic.
 */
function pending(f: Facts): string | null {
  const inFib = f.snapshot.nodes.filter(
    (n) => f.fib.has(n.node) && n.metric !== null && !n.draining,
  );
  const metrics = [...new Set(inFib.map((n) => n.metric!))].sort((a, b) => a - b);
  if (metrics.length < 2) return null;
  const low = metrics[0]!;
  const best = inFib.filter((n) => n.metric === low).map((n) => n.node);
  const others = inFib.filter((n) => n.metric !== low);
  const othersNodes = others.map((n) => n.node);
  const restored = others.every(
    (n) => lastOf(f.events, 'advertise', (e) => e.node === n.node)?.reason === 'restore',
  );
  const bestOne = best.length === 1;
  if (restored) {
    const restoreIn = f.restoreIn(f.snapshot.nodes.filter((n) => best.includes(n.node)));
    const until = restoreIn
      ? `, until ${bestOne ? 'it restores' : 'they restore'} in ${restoreIn}`
      : '';
    return `${subject(othersNodes, 'restored', 'restored')} ${others[0]!.metric} first; the router is about to send all the traffic to ${nodeList(best)}, still at ${low}${until}.`;
  }
  return `${subject(best, 'lowered', 'lowered')} to ${low} first; the router is about to send ${bestOne ? 'it' : 'them'} all the traffic, until ${nodeList(othersNodes)} ${othersNodes.length === 1 ? 'lowers' : 'lower'} too.`;
}

/** A down node whose route is no longer in the forwarding table: how that went. */
function gone(f: Facts, node: NodeView): string {
  const { events, routes } = f;
  if (node.failure === 'drain') {
    const done = lastOf(events, 'drain-done', (e) => e.node === node.node);
    return `node ${node.node} stopped for maintenance${done ? ` ${f.ago(done.tMs)} ago` : ''} after it was drained`;
  }
  const fail = f.failEvent(node.node);
  const verb = fail ? FAILED_VERB[fail.kind] : 'went down';
  if (!fail) return `node ${node.node} is down`;
  const left = firstAfter(events, 'fib-install', fail.tMs, (e) => !e.ecmp.includes(node.node));
  const route = routes.get(node.node);
  const removed = firstAfter(events, 'route-removed', fail.tMs, (e) => e.node === node.node);
  const after = (tMs: number) => sec(tMs - fail.tMs);
  if (fail.kind === 'carrier' && removed?.reason === 'carrier') {
    const lost = left ? ` (flows lost for ${after(left.tMs)})` : '';
    return `node ${node.node} is down: its link lost carrier and the router removed its route ${after(removed.tMs)} later${lost}`;
  }
  if (route?.stale) {
    const expires =
      route.expiresAtMs != null ? ` (it expires in ${sec(route.expiresAtMs - f.nowMs)})` : '';
    const out = left
      ? ` left the forwarding table ${after(left.tMs)} after it ${verb}`
      : ' is not in the forwarding table';
    return `node ${node.node}${out}; its stale route at ${route.metric} is no longer best${expires}`;
  }
  const how =
    removed?.reason === 'bfd'
      ? 'BFD removed its route'
      : removed?.reason === 'carrier'
        ? 'the router removed its route on the lost carrier'
        : removed?.reason === 'expiry'
          ? 'its route expired'
          : 'its route is gone';
  const when = removed ? ` ${after(removed.tMs)} after it ${verb}` : '';
  if (left && removed && left.tMs < removed.tMs) {
    return `node ${node.node} left the forwarding table ${after(left.tMs)} after it ${verb}, and ${how}${removed ? ` after ${after(removed.tMs)}` : ''}`;
  }
  const hole = left ? ` (its flows were lost for ${after(left.tMs)})` : '';
  return `node ${node.node} is down: ${how}${when}${hole}`;
}

/** The sentence for the current moment. */
export function stageCaption(input: CaptionInput): string {
  const f = facts(input);
  const { snapshot, scenario, fibNodes, fibMetric, nowMs } = f;
  const nodes = snapshot.nodes;
  const base = scenario.metric.base;
  const holes = nodes.filter(
    (n) => f.fib.has(n.node) && (n.state === 'failed' || n.state === 'unhealthy'),
  );
  const down = nodes.filter((n) => n.state === 'failed' && !f.fib.has(n.node));
  const draining = nodes.filter((n) => n.draining);
  const recovering = nodes.filter((n) => n.state === 'recovering' && !f.fib.has(n.node));
  const unhealthyOut = nodes.filter((n) => n.state === 'unhealthy' && !f.fib.has(n.node));
  const active = nodes.filter((n) => n.state === 'active' && !n.draining);
  const out = active.filter((n) => !f.fib.has(n.node) && n.metric !== null);
  const sentences: string[] = [];
  // Resilient hashing: a next hop back in the set may get no buckets until one has been idle.
  const sharing = [...input.shares.values()].some((v) => v > 0);
  const starved =
    scenario.hashing === 'resilient' && sharing
      ? fibNodes.filter((n) => !((input.shares.get(n) ?? 0) > 0))
      : [];

  if (nodes.every((n) => n.state === 'failed') && fibNodes.length === 0) {
    return 'Every node is down: the router has no route to the VIP, so every packet clients send is dropped.';
  }
  if (holes.length) sentences.push(blackHole(f, holes));

  const moment = holes.length ? null : (pending(f) ?? (out.length ? transient(f, out) : null));
  if (moment) sentences.push(moment);

  for (const n of draining) {
    const stillIn = f.fib.has(n.node);
    const metric =
      n.metric === null ? 'withdraws its route' : `advertises ${n.metric}, its worst metric`;
    sentences.push(
      stillIn
        ? `Node ${n.node} is draining for maintenance: it ${metric}, and the router is moving its flows to the others.`
        : `Node ${n.node} is draining for maintenance: it ${metric}, the router sends it nothing, and it stops once its flows are gone. Nothing is lost.`,
    );
  }
  for (const n of unhealthyOut) {
    const fail = f.failEvent(n.node);
    sentences.push(
      `Node ${n.node} is unhealthy${fail ? ` (for ${f.ago(fail.tMs)})` : ''} and out of the forwarding table: its peers' lower metric keeps traffic away from it.`,
    );
  }

  if (!holes.length && !moment && fibNodes.length && fibMetric !== null) {
    const serving = fibNodes;
    // One down node is told in full; of several, those whose stale route lingers.
    const told = down.length === 1 ? down : down.filter((n) => f.routes.get(n.node)?.stale);
    const rest = down.filter((n) => !told.includes(n)).map((n) => n.node);
    const downText = told.map((n) => gone(f, n));
    if (rest.length) {
      downText.push(
        `${nodeList(rest)} ${rest.length === 1 ? 'is' : 'are'} down and gone from the routing table`,
      );
    }
    if (fibMetric < base) {
      const steps = Math.round((base - fibMetric) / scenario.metric.step);
      const inFib = nodes.filter((n) => f.fib.has(n.node));
      const restoreIn = f.restoreIn(inFib);
      const twice =
        steps >= 2
          ? ` (${steps === 2 ? 'two' : steps} steps down: one per loss detected since the last restore)`
          : '';
      const wait = restoreIn
        ? ` and ${serving.length === 1 ? 'restores' : 'restore'} ${base} in ${restoreIn}`
        : '';
      const head = `${subject(serving, 'advertises', 'advertise')} ${fibMetric}${twice}${wait}`;
      sentences.unshift(downText.length ? `${head}; ${downText.join('; ')}.` : `${head}.`);
    } else if (downText.length) {
      sentences.unshift(
        `${subject(serving, 'advertises', 'advertise')} ${fibMetric} and ${starved.length ? `${serving.length === 1 ? 'is' : 'are'} in the ECMP set` : `${serving.length === 1 ? 'carries' : 'share'} the traffic`}; ${downText.join('; ')}.`,
      );
    } else if (!draining.length && !recovering.length && !unhealthyOut.length) {
      sentences.unshift(
        serving.length === 1
          ? `Node ${serving[0]} advertises ${fibMetric} and carries all the traffic.`
          : `${serving.length === nodes.length ? `All ${serving.length} nodes` : cap(nodeList(serving))} advertise ${fibMetric}, so the router installs ECMP${starved.length ? '' : ` and spreads the flows over ${serving.length === nodes.length ? 'all of them' : 'them'}`}.`,
      );
    }
  }
  if (starved.length && !holes.length) {
    const idleS = scenario.resilient.idleTimerMs / 1000;
    sentences.push(
      `${subject(starved, 'is', 'are')} in the forwarding table but ${starved.length === 1 ? 'gets' : 'get'} no flows yet: resilient hashing moves a bucket only once it has been idle for ${idleS} s.`,
    );
  }
  for (const n of recovering) {
    const back = lastOf(f.events, 'node-recover', (e) => e.node === n.node);
    const since = back ? ` ${f.ago(back.tMs)} ago` : '';
    // Back at the base metric while its peers still advertise a lower one: no traffic
    // until they restore (the router prefers the lower metric).
    const outbid = scenario.metric.rejoin === 'base' && fibMetric !== null && fibMetric < base;
    const restore = outbid ? f.restoreIn(nodes.filter((x) => f.fib.has(x.node))) : null;
    const until = restore ? `until they restore, in ${restore}` : 'until they restore';
    sentences.push(
      outbid
        ? `Node ${n.node} came back${since}; it ${n.metric === null ? 'will advertise' : 'advertises'} ${base}, worse than the others' ${fibMetric}, so it gets no traffic ${until}.`
        : n.metric === null
          ? `Node ${n.node} came back${since}; it gets traffic once its routing session is up and it advertises again.`
          : `Node ${n.node} came back${since} and is rejoining the cluster.`,
    );
  }
  if (!sentences.length) {
    return fibNodes.length === 0
      ? 'The router has no route to the VIP yet.'
      : `The router forwards to ${nodeList(fibNodes)} at ${sec(nowMs)}.`;
  }
  return sentences.join(' ');
}
