/**
 * Settings that are valid but almost certainly not what was meant. They are
 * shown (the app beside the scenario, the CLI on stderr) and the scenario
 * still runs: reproducing a misconfiguration is part of what it teaches.
 */
import type { Scenario } from './scenario';

/** One line per misconfiguration, naming the fields and what happens. */
export function scenarioWarnings(scenario: Scenario): string[] {
  const warnings: string[] = [];
  const { updateMs, expiryMs } = scenario.protocol;
  if (updateMs >= expiryMs) {
    warnings.push(
      `protocol.updateMs ${updateMs} is not below protocol.expiryMs ${expiryMs}: the router expires the routes of live nodes between their updates (usually expiry is 3 or more updates)`,
    );
  }
  return warnings;
}
