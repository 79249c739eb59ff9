/** The simulation core's public surface. Pure, deterministic, DOM-free. */
export * from './types';
export * from './simulation';
export { PROTOCOLS, RIP_UNREACHABLE, type ProtocolProfile } from './protocols';
export {
  parseScenario,
  MAX_FAULTS,
  ScenarioError,
  scenarioSchema,
  type Fault,
  type Scenario,
  type ScenarioInput,
} from './scenario';
export { MAX_PROBLEMS } from './scenarioMessages';
export {
  checkScenarioSize,
  decodeScenarioBytes,
  MAX_SCENARIO_BYTES,
  parseJsonText,
  parseScenarioBytes,
  parseScenarioText,
  sizeText,
} from './scenarioText';
export { scenarioWarnings } from './scenarioWarnings';
export { createSimulation } from './simulation';
export { DEFAULT_PRESET, PRESETS, type Preset, presetByName } from './presets';
