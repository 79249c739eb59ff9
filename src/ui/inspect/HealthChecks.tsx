import type { NodeView } from '../../sim';
import { useAppStore } from '../../store';
import { formatSeconds } from './format';
import { useNowMs } from './useSimTick';

/**
 * What the cluster's health checks say of a node, which lags its health: the
 * checks run on an interval and need `fall` failures (or `rise` passes) in a row.
 */
export function HealthChecks({ view }: { view: NodeView }) {
  const cluster = useAppStore((s) => s.scenario?.cluster);
  const nowMs = useNowMs();
  if (!cluster) return null;
  const { healthCheckMs, healthFall, healthRise, unhealthyAction } = cluster;
  const every = `every ${formatSeconds(healthCheckMs)}, fall ${healthFall}, rise ${healthRise}`;
  const failing = view.failure === 'unhealthy';
  const due = view.healthVerdictAtMs;
  const text =
    due !== null && failing
      ? `Failing; the cluster marks it unhealthy after ${healthFall} failed checks in a row, in ${formatSeconds(Math.max(0, due - nowMs))}. Until then the router still sends it traffic, and it is lost.`
      : due !== null
        ? `Passing again; healthy after ${healthRise} passes in a row, in ${formatSeconds(Math.max(0, due - nowMs))}.`
        : view.markedUnhealthy
          ? unhealthyAction === 'withdraw'
            ? 'Marked unhealthy: out of the active set, and it withdrew its route.'
            : 'Marked unhealthy: out of the active set, but it still advertises, so neither expiry nor BFD removes its route: only its peers lowering their metric take traffic away.'
          : 'Passing.';
  return (
    <p className="text-sm" data-testid="health-checks">
      <span className="font-medium">Health checks</span>{' '}
      <span className="text-muted">({every}):</span> {text}
    </p>
  );
}
