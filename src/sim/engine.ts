/**
 * The discrete-event engine: one clock, one queue, the scenario's faults
 * merged in, an event log, data-plane epochs, and checkpoints for seeking.
 * Time control over it (seek, step, forks, the horizon) is `timecontrol.ts`;
 * the views are `queries.ts`.
 */
import {
  failNode,
  learnView,
  membership,
  recoverNode,
  restoreMetric,
  sendHeld,
  sessionUp,
} from './cluster';
import { drainCheck, drainNode } from './drain';
import { healthVerdict, loseHealth, regainHealth } from './health';
import { type Ctx, delivering, nodeOf, processing } from './context';
import { fillBuckets, updateBuckets } from './hashing';
import { heapPeek, heapPop, heapPush } from './queue';
import {
  bestPaths,
  decide,
  flushRoute,
  neighborSilent,
  receiveUpdate,
  removeRoute,
} from './router';
import type { Fault, Scenario } from './scenario';
import { type Checkpoints, createCheckpoints } from './checkpoints';
import { initialState } from './initial';
import type { Item } from './state';
import { bucketsInstalled, checkBuckets } from './resilient';
import {
  addSweepResult,
  createFlows,
  emptySweepResult,
  type FlowMarks,
  type Flows,
  type Mapping,
  type SweepEpoch,
  type SweepResult,
  sweepEpochs,
} from './traffic';
import { clonePlain } from './clone';
import { createEventLog } from './eventlog';
import { copyFlowMarks, createFlowMarks } from './marks';
import { createLog, type Logs } from './log';
import type { Command, Epoch, SimEvent } from './types';

/** The running model, as time control and the views use it. */
export interface Engine {
  ctx: Ctx;
  logs: Logs;
  flows: Flows;
  checkpoints: Checkpoints;
  /** Account the data-plane epochs closed since the last call. */
  settle(): void;
  /** The open data-plane epoch, cut at now (cached until time or the logs move). */
  openEpoch(): Epoch;
  /** What the accounting knows of each flow at now (after `openEpoch`). */
  openMarks(): FlowMarks;
  mapping(): Mapping;
  deliverable(): boolean[];
  /** Per node: can process a flow it holds (alive and healthy). */
  serving(): boolean[];
  /** Time of the next queued item or scenario fault (infinite when none). */
  nextDueMs(): number;
  /** Run every item due up to `tMs` (clamped to now and the duration). */
  advanceTo(tMs: number): void;
  /**
   * Drop the user's own actions after `tMs` (history forks there); the scenario's
   * scripted faults stay. Returns how many were dropped.
   */
  dropUserFaultsAfter(tMs: number): number;
  /** Add `command` as a fault at now (one of the user's own actions) and apply it. */
  insertFault(command: Command): void;
  /** The faults `insertFault` added and still in force, in time order. */
  userFaults(): Fault[];
}

/** Checkpoints that account the traffic up to their moment: one in this many. */
const SETTLE_EVERY = 4;
/** Steps at one moment after which a run is taken to be stuck (see `noteProgress`). */
const STUCK_AFTER = 100_000;
/** Stands in for the marks while the rest of the state is copied. */
const SHARED_MARKS = createFlowMarks(0, 0);

/** Build the engine for a validated scenario (see `parseScenario`), converged at time 0. */
export function createEngine(input: Scenario, sweep: typeof sweepEpochs = sweepEpochs): Engine {
  const sc: Scenario = structuredClone(input);
  const flows = createFlows(sc);
  const logs: Logs = { events: createEventLog(), fibChanges: createLog(), epochs: createLog() };
  // The faults added by `insertFault` (the user's own actions), apart from the scenario's scripted ones.
  const userFaults = new Set<Fault>();
  const ctx: Ctx = {
    sc,
    st: initialState(sc, flows),
    flows,
    // Every caller passes a fresh literal: stamping it costs less than a copy,
    // and runs of many nodes log millions of events.
    log: (entry) => {
      (entry as SimEvent).tMs = ctx.st.nowMs;
      logs.events.push(entry as SimEvent);
    },
    schedule: (item) => heapPush(ctx.st.queue, item),
    dataPlaneChanging: () => closeEpoch(),
  };
  const mapping = (): Mapping => ({
    hashing: sc.hashing,
    ecmp: ctx.st.fib,
    buckets: ctx.st.buckets,
  });
  const deliverable = () => ctx.st.nodes.map(delivering);
  const serving = () => ctx.st.nodes.map(processing);

  // Closed epochs wait here until something reads the figures or a checkpoint
  // is taken; then one pass over the flows accounts all of them. Each carries
  // the part of it already accounted while it was open.
  const pending: SweepEpoch[] = [];
  const pendingParts: { startMs: number; part: SweepResult }[] = [];

  function closeEpoch(): void {
    const traffic = ctx.st.traffic;
    pending.push({
      fromMs: traffic.accountedMs,
      toMs: ctx.st.nowMs,
      current: mapping(),
      deliverable: deliverable(),
      serving: serving(),
      stateLost: traffic.stateLost,
    });
    pendingParts.push({ startMs: traffic.epochStartMs, part: traffic.open });
    traffic.epochStartMs = ctx.st.nowMs;
    traffic.accountedMs = ctx.st.nowMs;
    traffic.open = emptySweepResult(sc.nodes);
    traffic.stateLost = [];
  }

  // Epochs without loss share one list of zeros, and an epoch shares its
  // next-hop list with the forwarding table (never changed in place): a long
  // run keeps tens of thousands of epochs.
  const zeros: number[] = new Array(sc.nodes).fill(0);
  const lostList = (lost: Float64Array) => (lost.some((x) => x !== 0) ? Array.from(lost) : zeros);
  const toEpoch = (
    r: SweepResult,
    startMs: number,
    endMs: number,
    ecmp: readonly number[],
  ): Epoch => ({
    startMs,
    endMs,
    ecmp: ecmp as number[],
    packetsSent: r.sent,
    packetsByNode: Array.from(r.sentByNode),
    lostByNode: lostList(r.lostByNode),
    unrouted: r.unrouted,
    flowsBroken: r.broken,
    flowsReset: r.reset,
    packetsSteered: r.steered,
    blackhole: r.blackhole,
  });

  /**
   * Account the closed epochs, and `open` (the open epoch's new part) with them
   * in the same pass over the flows: a pass costs the same for one epoch as for
   * many, and reads while playing fast find both waiting. Returns `open`'s part.
   */
  function settle(open: SweepEpoch | null = null): SweepResult | null {
    if (pending.length === 0 && open === null) return null;
    const traffic = ctx.st.traffic;
    const results = sweep(flows, traffic.marks, open ? [...pending, open] : pending, true);
    marksSaved = null;
    pending.forEach(({ toMs, current }, k) => {
      const { startMs, part: r } = pendingParts[k]!;
      addSweepResult(r, results[k]!);
      r.sentByNode.forEach((sent, i) => {
        traffic.lost[i]! += r.lostByNode[i]!;
        traffic.delivered[i]! += sent - r.lostByNode[i]!;
      });
      traffic.sent += r.sent;
      traffic.unrouted += r.unrouted;
      traffic.flowsBroken += r.broken;
      traffic.flowsReset += r.reset;
      traffic.packetsSteered += r.steered;
      if (r.blackhole) traffic.blackholeMs += toMs - startMs;
      if (toMs > startMs || r.broken > 0) logs.epochs.push(toEpoch(r, startMs, toMs, current.ecmp));
    });
    const openPart = open ? results[pending.length]! : null;
    pending.length = 0;
    pendingParts.length = 0;
    return openPart;
  }

  /** Account the open epoch up to now, so that no later read sweeps that stretch again. */
  function accountOpen(): void {
    const { st } = ctx;
    const traffic = st.traffic;
    if (st.nowMs <= traffic.accountedMs && traffic.stateLost.length === 0) {
      settle();
      return;
    }
    const r = settle({
      fromMs: traffic.accountedMs,
      toMs: st.nowMs,
      current: mapping(),
      deliverable: deliverable(),
      serving: serving(),
      stateLost: traffic.stateLost,
    });
    addSweepResult(traffic.open, r!);
    traffic.accountedMs = st.nowMs;
    traffic.stateLost = [];
  }

  let openKey = '';
  let open: Epoch | null = null;
  function openEpoch(): Epoch {
    accountOpen();
    const { st } = ctx;
    const key = `${st.nowMs}/${logs.events.length}/${logs.epochs.length}/${st.traffic.epochStartMs}`;
    if (open && key === openKey) return open;
    openKey = key;
    open = toEpoch(st.traffic.open, st.traffic.epochStartMs, st.nowMs, st.fib);
    return open;
  }

  function installFib(ecmp: number[]): void {
    const { st } = ctx;
    if (ecmp.length === st.fib.length && ecmp.every((x, i) => x === st.fib[i])) return;
    const buckets = st.buckets.slice();
    const resilient = sc.hashing === 'resilient';
    if (resilient) updateBuckets(buckets, ecmp);
    closeEpoch();
    st.prevFib = st.fib;
    st.prevBuckets = st.buckets;
    st.fib = ecmp;
    st.buckets = buckets;
    ctx.log(
      resilient
        ? { type: 'fib-install', ecmp, buckets: Array.from(buckets) }
        : { type: 'fib-install', ecmp },
    );
    logs.fibChanges.push({ tMs: st.nowMs, ecmp });
    if (resilient) bucketsInstalled(ctx);
  }

  function rebalance(): void {
    checkBuckets(ctx, (buckets, moved, forced) => {
      const { st } = ctx;
      closeEpoch();
      st.prevFib = st.fib;
      st.prevBuckets = st.buckets;
      st.buckets = buckets;
      ctx.log({ type: 'buckets-rebalanced', moved, buckets: Array.from(buckets), forced });
    });
  }

  function run(item: Item): void {
    switch (item.kind) {
      case 'membership':
        membership(ctx, item.observer, item.key);
        return;
      case 'learn-view':
        learnView(ctx, item.node, item.life);
        return;
      case 'session-up':
        sessionUp(ctx, item.node, item.life);
        return;
      case 'update-recv':
        receiveUpdate(ctx, item.node, item.metric, item.epoch);
        return;
      case 'withdraw-recv':
        removeRoute(ctx, item.node, item.epoch, 'withdraw');
        return;
      case 'route-expire':
        removeRoute(ctx, item.node, item.epoch, 'expiry');
        return;
      case 'bfd-down':
        removeRoute(ctx, item.node, item.epoch, 'bfd');
        return;
      case 'carrier-down':
        removeRoute(ctx, item.node, item.epoch, 'carrier');
        return;
      case 'route-flush':
        flushRoute(ctx, item.node, item.epoch);
        return;
      case 'restore':
        restoreMetric(ctx, item.node, item.timerEpoch);
        return;
      case 'drain-check':
        drainCheck(ctx, item.node, item.life);
        return;
      case 'health-verdict':
        healthVerdict(ctx, item.node, item.healthEpoch, item.up);
        return;
      case 'send-held':
        sendHeld(ctx, item.node, item.epoch);
        return;
      case 'decide':
        decide(ctx);
        return;
      case 'fib-install':
        installFib(item.ecmp);
        return;
      case 'rebalance':
        rebalance();
        return;
    }
  }

  function apply(command: Command): void {
    const n = nodeOf(ctx, command.node);
    if (command.type === 'fail-node') {
      if (command.kind === 'unhealthy') loseHealth(ctx, n);
      else if (failNode(ctx, n, command.kind))
        neighborSilent(ctx, n.id, command.kind === 'carrier');
    } else if (command.type === 'drain-node') {
      drainNode(ctx, n);
    } else if (n.failure === 'unhealthy') {
      regainHealth(ctx, n);
    } else {
      recoverNode(ctx, n);
    }
  }

  function nextDueMs(): number {
    const item = heapPeek(ctx.st.queue);
    const fault = sc.faults[ctx.st.faultCursor];
    return Math.min(item?.tMs ?? Number.POSITIVE_INFINITY, fault?.atMs ?? Number.POSITIVE_INFINITY);
  }

  // A guard, not a rule of the model: no valid run does anywhere near this
  // much at one moment, so a run that does is stuck (a timer rescheduling
  // itself at the same time, say), and says so rather than freeze the page.
  let sameMomentMs = Number.NaN;
  let atSameMoment = 0;
  function noteProgress(tMs: number, what: string): void {
    if (tMs !== sameMomentMs) {
      sameMomentMs = tMs;
      atSameMoment = 0;
    } else if (++atSameMoment > STUCK_AFTER) {
      throw new Error(
        `The simulation is stuck at ${tMs} ms: ${STUCK_AFTER.toLocaleString('en-US')} steps without time moving (the last one: ${what}). This is a bug in the simulator; please report it with the scenario.`,
      );
    }
  }

  function processOne(): void {
    const { st } = ctx;
    const item = heapPeek(st.queue);
    const fault = sc.faults[st.faultCursor];
    // Queued items due at the same moment run before a fault, as they did before
    // a command was given at that moment: replays from a checkpoint match live runs.
    if (fault && (!item || fault.atMs < item.tMs)) {
      st.nowMs = fault.atMs;
      st.faultCursor++;
      apply(
        fault.action === 'fail'
          ? { type: 'fail-node', node: fault.node, kind: fault.kind }
          : { type: `${fault.action}-node`, node: fault.node },
      );
      return;
    }
    heapPop(st.queue);
    st.nowMs = item!.tMs;
    noteProgress(st.nowMs, item!.kind);
    run(item!);
  }

  // A checkpoint holds the state with the epochs still waiting to be accounted,
  // and the flows' marks as last accounted, shared with the checkpoints before
  // it while nothing was accounted in between (copying them is most of a
  // checkpoint's cost). Every SETTLE_EVERY-th checkpoint accounts up to its
  // moment, so figures after a seek sweep at most that many intervals.
  let taken = 0;
  let marksSaved: FlowMarks | null = null;
  const checkpoints = createCheckpoints(ctx, logs, sc.durationMs, {
    save() {
      if (taken++ % SETTLE_EVERY === 0) accountOpen();
      const { st } = ctx;
      const marks = st.traffic.marks;
      marksSaved ??= copyFlowMarks(marks);
      st.traffic.marks = SHARED_MARKS;
      const state = clonePlain(st);
      st.traffic.marks = marks;
      return {
        state,
        marks: marksSaved,
        pending: clonePlain(pending),
        pendingParts: clonePlain(pendingParts),
      };
    },
    load(saved) {
      ctx.st = clonePlain(saved.state);
      ctx.st.traffic.marks = copyFlowMarks(saved.marks);
      marksSaved = saved.marks;
      // The pending epochs of the timeline being left give way to those saved.
      pending.splice(0, pending.length, ...clonePlain(saved.pending));
      pendingParts.splice(0, pendingParts.length, ...clonePlain(saved.pendingParts));
    },
  });

  function advanceTo(targetMs: number): void {
    const target = Math.min(Math.max(targetMs, ctx.st.nowMs), sc.durationMs);
    for (;;) {
      const due = nextDueMs();
      const stop = Math.min(due, target);
      checkpoints.takeUpTo(stop);
      if (due > target) break;
      processOne();
    }
    ctx.st.nowMs = target;
  }

  function start(): void {
    const { st } = ctx;
    // The run starts converged: every node's advertisement is already in the RIB.
    for (const n of st.nodes)
      ctx.log({ type: 'advertise', node: n.id, metric: n.advertised!, reason: 'session' });
    const { ecmp, metric } = bestPaths(ctx);
    st.lastBest = ecmp;
    st.fib = ecmp;
    st.prevFib = ecmp;
    fillBuckets(st.buckets, ecmp);
    st.prevBuckets = st.buckets.slice();
    ctx.log({ type: 'best-path', ecmp, metric });
    ctx.log(
      sc.hashing === 'resilient'
        ? { type: 'fib-install', ecmp, buckets: Array.from(st.buckets) }
        : { type: 'fib-install', ecmp },
    );
    logs.fibChanges.push({ tMs: 0, ecmp });
  }

  start();
  checkpoints.takeUpTo(0);

  return {
    ctx,
    logs,
    flows,
    checkpoints,
    settle: () => {
      settle();
    },
    openEpoch,
    // The open epoch is accounted as time goes, so the committed marks are those of now.
    openMarks: () => ctx.st.traffic.marks,
    mapping,
    deliverable,
    serving,
    nextDueMs,
    advanceTo,
    dropUserFaultsAfter(tMs) {
      const kept = sc.faults.filter((f) => f.atMs <= tMs || !userFaults.has(f));
      const dropped = sc.faults.length - kept.length;
      for (const f of sc.faults) if (f.atMs > tMs) userFaults.delete(f);
      sc.faults = kept;
      return dropped;
    },
    userFaults: () => sc.faults.filter((f) => userFaults.has(f)).map((f) => ({ ...f })),
    insertFault(command) {
      const now = ctx.st.nowMs;
      const at = sc.faults.findIndex((f) => f.atMs > now);
      const fault: Fault =
        command.type === 'fail-node'
          ? { atMs: now, node: command.node, action: 'fail' as const, kind: command.kind }
          : {
              atMs: now,
              node: command.node,
              action: command.type === 'drain-node' ? ('drain' as const) : ('recover' as const),
            };
      userFaults.add(fault);
      sc.faults.splice(at === -1 ? sc.faults.length : at, 0, fault);
      advanceTo(now);
    },
  };
}
