/**
 * The one sentence under the scoreboard that says why the runs' figures
 * differ. Derived from the figures shown and the scenario, never canned: each
 * claim is made only when the numbers bear it out (which run black-holed
 * longest, which broke more flows, how often its forwarding table changed).
 */
import type { Scenario, Strategy } from '../../sim';
import type { RunFacts } from './facts';

/** Short names for a sentence (the table shows the full labels). */
export const SHORT: Record<Strategy, string> = {
  none: 'None',
  'metric-lowering': 'Metric lowering',
  bfd: 'BFD',
};

/** Differences smaller than this are "about the same" black hole. */
const SAME_BLACKHOLE_MS = 50;

/** Seconds to the millisecond, as the clock shows time (so a figure reads back exactly). */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const count = (n: number) => n.toLocaleString('en-US');
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

type Context = Pick<Scenario, 'hashing'> & {
  connectionState: Scenario['cluster']['connectionState'];
  /** The restore wait and the router's expiry, when known (for a wait shorter than the expiry). */
  restoreWaitMs?: number;
  expiryMs?: number;
};

/** A run whose dead node came back into the forwarding table before it recovered: the stale route returned. */
function reentryClause(runs: readonly RunFacts[], context: Context): string {
  const run = runs.find((r) => r.strategy === 'metric-lowering' && r.reenteredAfterMs !== null);
  if (!run) return '';
  const n = run.failure!.node;
  const short =
    context.restoreWaitMs !== undefined &&
    context.expiryMs !== undefined &&
    context.restoreWaitMs < context.expiryMs
      ? ` (the restore wait, ${seconds(context.restoreWaitMs)}, is shorter than the route expiry, ${seconds(context.expiryMs)})`
      : '';
  return `; under Metric lowering node ${n}'s stale route came back into the forwarding table ${seconds(run.reenteredAfterMs!)} after the failure, the node still down${short}`;
}

/** Why this run's black hole lasted as long as it did (the run with the longest). */
function whyLong(run: RunFacts): string {
  const n = run.failure!.node;
  const left = run.leftAfterMs;
  if (run.failure!.kind === 'unhealthy' && run.strategy !== 'metric-lowering') {
    return left === null
      ? `an unhealthy node still talks routing${run.strategy === 'bfd' ? ' and answers BFD' : ''}, so the router keeps hashing flows to node ${n}`
      : `node ${n} left the forwarding table only ${seconds(left)} after it became unhealthy`;
  }
  switch (run.strategy) {
    case 'none':
      return left === null
        ? `the router keeps hashing flows to node ${n} until its route expires`
        : `the router kept hashing flows to node ${n} until its route expired, ${seconds(left)} after the failure`;
    case 'bfd':
      return left === null
        ? `BFD has not yet declared node ${n} down`
        : `BFD declared node ${n} down only after ${seconds(left)}`;
    case 'metric-lowering':
      return left === null
        ? `node ${n} stays in the forwarding table until the survivors' lowered metric reaches the router`
        : `node ${n} left the forwarding table only when the survivors' lowered metric reached the router, ${seconds(left)} after the failure`;
  }
}

/** Why this run's black hole was short (the run with the shortest). */
function whyShort(run: RunFacts): string {
  const n = run.failure!.node;
  const after = run.leftAfterMs === null ? '' : ` after ${seconds(run.leftAfterMs)}`;
  switch (run.strategy) {
    case 'metric-lowering':
      return `the survivors detected the loss and re-advertised a lower metric, so node ${n}'s ${run.failure!.kind === 'unhealthy' ? '' : 'stale '}route stopped being best${after}`;
    case 'bfd':
      return `the router's BFD session noticed node ${n} go silent${after}`;
    case 'none':
      return `the router dropped node ${n}'s route${after}`;
  }
}

function hashingWhy(context: Context): string {
  switch (context.hashing) {
    case 'modulo':
      return 'modulo-N hashing remaps most flows at every change';
    case 'hash-threshold':
      return 'hash-threshold hashing moves flows between the surviving nodes at every change';
    case 'resilient':
      return 'even resilient buckets move some flows at every change';
  }
}

function flowsClause(runs: readonly RunFacts[], longest: RunFacts, context: Context): string {
  const most = runs.reduce((a, b) => (b.flowsBroken > a.flowsBroken ? b : a));
  const least = runs.reduce((a, b) => (b.flowsBroken < a.flowsBroken ? b : a));
  if (most.flowsBroken === least.flowsBroken) return '';
  const versus = `${count(most.flowsBroken)} against ${count(least.flowsBroken)} under ${SHORT[least.strategy]}`;
  if (most === longest) return `, and it broke the most flows (${versus})`;
  if (most.blackholeMs <= least.blackholeMs && most.fibChanges > least.fibChanges) {
    const other = least.fibChanges === 0 ? 'not at all' : `only ${times(least.fibChanges)}`;
    const churn = `its forwarding table changed ${times(most.fibChanges)} since the failure and ${SHORT[least.strategy]}'s ${other}`;
    const state =
      context.connectionState === 'local'
        ? `, and ${hashingWhy(context)}, sending flows to nodes that hold no state for them`
        : '';
    return `; yet ${SHORT[most.strategy]} broke the most flows (${versus}): ${churn}${state}`;
  }
  return `; ${SHORT[most.strategy]} broke the most flows (${versus})`;
}

/** One sentence: why the runs' figures differ (or that they do not yet). */
export function explainDifference(runs: readonly RunFacts[], context: Context): string {
  const failure = runs[0]?.failure ?? null;
  if (runs.length < 2 || !failure) {
    const same = runs.every(
      (r) =>
        r.packetsLost === runs[0]!.packetsLost &&
        r.flowsBroken === runs[0]!.flowsBroken &&
        r.blackholeMs === runs[0]!.blackholeMs,
    );
    return same
      ? 'No node has failed yet, so every run is the same so far: fail a node in any run to see the strategies differ.'
      : 'No node has failed yet; fail a node in any run to see how the strategies answer a failure.';
  }
  const longest = runs.reduce((a, b) => (b.blackholeMs > a.blackholeMs ? b : a));
  const shortest = runs.reduce((a, b) => (b.blackholeMs < a.blackholeMs ? b : a));
  let sentence: string;
  if (longest.blackholeMs - shortest.blackholeMs < SAME_BLACKHOLE_MS) {
    sentence =
      failure.kind === 'carrier'
        ? `Every run black-holed traffic for about the same time (${seconds(longest.blackholeMs)}): node ${failure.node} lost carrier, which the router sees at once whatever the strategy`
        : `Every run black-holed traffic for about the same time (${seconds(longest.blackholeMs)}) so far`;
  } else {
    sentence = `${SHORT[longest.strategy]} black-holed traffic longest (${seconds(longest.blackholeMs)}) because ${whyLong(longest)}, ${SHORT[shortest.strategy]} shortest (${seconds(shortest.blackholeMs)}) because ${whyShort(shortest)}`;
  }
  return `${sentence}${reentryClause(runs, context)}${flowsClause(runs, longest, context)}.`;
}
