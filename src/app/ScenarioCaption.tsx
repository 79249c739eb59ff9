import { useMemo } from 'react';
import { scenarioWarnings } from '../sim';
import { useAppStore } from '../store';

/** What the loaded scenario shows, in one or two lines above the stage, and what looks misconfigured. */
export function ScenarioCaption() {
  const scenario = useAppStore((s) => s.scenario);
  const warnings = useMemo(() => (scenario ? scenarioWarnings(scenario) : []), [scenario]);
  if (!scenario) return null;
  const { description, nodes, protocol } = scenario;
  const timers = `update ${protocol.updateMs / 1000} s, expiry ${protocol.expiryMs / 1000} s`;
  return (
    <>
      <p className="text-sm text-muted max-sm:line-clamp-3">
        {description ?? `${nodes} nodes.`}{' '}
        <span className="whitespace-nowrap">
          ({protocol.preset.toUpperCase()} timers: {timers})
        </span>
      </p>
      {warnings.map((warning) => (
        <p
          key={warning}
          role="note"
          aria-label="Scenario warning"
          className="mt-1 border-l-4 border-[color:var(--warn)] pl-2 text-sm"
        >
          <strong>Warning:</strong> {warning}
        </p>
      ))}
    </>
  );
}
