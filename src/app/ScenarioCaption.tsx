import { useMemo } from 'react';
import { presetByName, scenarioWarnings } from '../sim';
import { useAppStore } from '../store';
import { StageCaption } from './StageCaption';

/**
 * Above the stage: what is happening now (`StageCaption`), the scenario's own
 * summary folded into one line, and what looks misconfigured.
 */
export function ScenarioCaption() {
  const scenario = useAppStore((s) => s.scenario);
  const presetName = useAppStore((s) => s.presetName);
  const warnings = useMemo(() => (scenario ? scenarioWarnings(scenario) : []), [scenario]);
  if (!scenario) return null;
  const { description, nodes, protocol } = scenario;
  const title =
    scenario.title ?? ((presetName && presetByName(presetName)?.title) || 'Custom scenario');
  const timers = `${protocol.preset.toUpperCase()} timers: update ${protocol.updateMs / 1000} s, expiry ${protocol.expiryMs / 1000} s`;
  return (
    <>
      <StageCaption />
      <details className="scenario-summary text-sm text-muted">
        <summary className="touch-target">
          About this scenario: <span className="text-[color:var(--text)]">{title}</span>{' '}
          <span className="whitespace-nowrap">({timers})</span>
        </summary>
        <p className="mt-1">{description ?? `${nodes} nodes.`}</p>
      </details>
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
