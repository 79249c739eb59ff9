/**
 * The list of strategies the side-by-side view runs (`&compare=` in the
 * address, `openCompare`): two or three, each a strategy id of the scenario
 * file, none twice. Pure, so the URL reader and the store share one check.
 */
import { STRATEGY_IDS, type Strategy } from '../sim';

/** Every strategy, in the order the view offers them (the baseline first). */
export const COMPARE_STRATEGIES: readonly Strategy[] = STRATEGY_IDS;
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 3;

/** What is wrong with `ids` as a list to compare, or null when it is fine. */
export function compareProblem(ids: readonly string[]): string | null {
  const known = COMPARE_STRATEGIES as readonly string[];
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    const names = unknown.map((id) => JSON.stringify(id)).join(', ');
    return `${names} ${unknown.length === 1 ? 'is not a strategy' : 'are not strategies'} (allowed: ${known.join(', ')})`;
  }
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) return `"${twice[0]}" is listed twice; name each strategy once`;
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
    return `${ids.length} ${ids.length === 1 ? 'strategy' : 'strategies'} given; name ${COMPARE_MIN} or ${COMPARE_MAX}, separated by commas (e.g. none,metric-lowering)`;
  }
  return null;
}

/** Read `none,metric-lowering[,bfd]`. */
export function readCompareList(
  raw: string,
): { ok: true; value: Strategy[] } | { ok: false; why: string } {
  const ids = raw.split(',').map((id) => id.trim());
  if (raw.trim() === '')
    return {
      ok: false,
      why: `empty; name ${COMPARE_MIN} or ${COMPARE_MAX} strategies, separated by commas (e.g. none,metric-lowering)`,
    };
  const problem = compareProblem(ids);
  return problem ? { ok: false, why: problem } : { ok: true, value: ids as Strategy[] };
}
