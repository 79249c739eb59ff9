/**
 * Resilient next-hop groups under load, as Linux runs them: after next hops
 * are added the table is unbalanced, and the router migrates a bucket only
 * once no packet has used it for the idle timer. The unbalanced timer (0 =
 * never) forces busy buckets to move once the table has been unbalanced that
 * long. Under steady load a returning next hop may get no buckets at all.
 */
import type { Ctx } from './context';
import { rebalanceBuckets, unbalanced } from './hashing';
import { bucketLastUseMs } from './traffic';

/** After an install: start the unbalanced clock if the table needs buckets moved, and check at once. */
export function bucketsInstalled(ctx: Ctx): void {
  const { st } = ctx;
  if (!unbalanced(st.buckets, st.fib)) {
    st.unbalancedSinceMs = null;
    return;
  }
  st.unbalancedSinceMs ??= st.nowMs;
  scheduleCheck(ctx, st.nowMs);
}

function scheduleCheck(ctx: Ctx, atMs: number): void {
  ctx.st.rebalanceAtMs = atMs;
  ctx.schedule({ kind: 'rebalance', tMs: atMs });
}

/**
 * Migrate what the timers allow, and schedule the next check for the moment
 * the next busy bucket could fall idle (or the unbalanced timer runs out).
 * `install` swaps in the new table (closing the data-plane epoch first).
 */
export function checkBuckets(
  ctx: Ctx,
  install: (buckets: Int32Array, moved: number, forced: boolean) => void,
): void {
  const { st, sc } = ctx;
  if (st.rebalanceAtMs !== st.nowMs) return;
  st.rebalanceAtMs = null;
  if (st.unbalancedSinceMs === null || !unbalanced(st.buckets, st.fib)) {
    st.unbalancedSinceMs = null;
    return;
  }
  const { idleTimerMs, unbalancedTimerMs } = sc.resilient;
  const forceAtMs = unbalancedTimerMs > 0 ? st.unbalancedSinceMs + unbalancedTimerMs : Infinity;
  const forced = st.nowMs >= forceAtMs;
  const lastUse = forced
    ? null
    : bucketLastUseMs(ctx.flows, st.buckets.length, st.nowMs - idleTimerMs, st.nowMs);
  const buckets = st.buckets.slice();
  const moved = rebalanceBuckets(
    buckets,
    st.fib,
    (b) => lastUse === null || lastUse[b] === -Infinity,
  );
  if (moved > 0) install(buckets, moved, forced);
  if (!unbalanced(st.buckets, st.fib)) {
    st.unbalancedSinceMs = null;
    return;
  }
  let next = forceAtMs;
  if (lastUse)
    for (const t of lastUse) if (t !== -Infinity) next = Math.min(next, idleAt(t, idleTimerMs));
  if (Number.isFinite(next)) scheduleCheck(ctx, next);
}

/**
 * The first moment a bucket last used at `lastUseMs` reads as idle to
 * `bucketLastUseMs`, which looks back to now − idleTimerMs. Plain
 * lastUseMs + idleTimerMs can round to a moment that still reads it busy, and a
 * check scheduled there would schedule itself again at the same moment for ever.
 */
function idleAt(lastUseMs: number, idleTimerMs: number): number {
  let t = lastUseMs + idleTimerMs;
  while (t - idleTimerMs < lastUseMs) t += Math.max(Number.MIN_VALUE, Math.abs(t) * Number.EPSILON);
  return t;
}
