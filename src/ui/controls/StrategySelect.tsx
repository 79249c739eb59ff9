import type { Strategy } from '../../sim';
import { setStrategy, showError, useAppStore } from '../../store';

export const STRATEGIES: { value: Strategy; label: string }[] = [
  { value: 'none', label: 'None (router expiry only)' },
  { value: 'metric-lowering', label: 'Metric lowering (patent)' },
  { value: 'bfd', label: 'BFD on the router' },
];

/** A strategy's name as the strategy control shows it. */
export const strategyLabel = (strategy: Strategy): string =>
  STRATEGIES.find((s) => s.value === strategy)?.label ?? strategy;

/** Failure-detection strategy; changing it reloads the scenario from the start. */
export function StrategySelect() {
  const strategy = useAppStore((s) => s.scenario?.strategy ?? 'metric-lowering');
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-muted max-[1499px]:sr-only present:sr-only">Strategy</span>
      <select
        value={strategy}
        onChange={(event) => {
          try {
            setStrategy(event.currentTarget.value as Strategy);
          } catch (error) {
            showError((error as Error).message);
          }
        }}
        className="field rounded-md px-2 py-1.5"
      >
        {STRATEGIES.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
