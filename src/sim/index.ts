/** The simulation core's public surface. Pure, deterministic, DOM-free. */
export * from './types';
export * from './simulation';
export { PROTOCOLS, RIP_UNREACHABLE, type ProtocolProfile } from './protocols';
export {
  parseScenario,
  parseScenarioText,
  ScenarioError,
  scenarioSchema,
  type Fault,
  type Scenario,
  type ScenarioInput,
} from './scenario';
export { createSimulation } from './simulation';
export { DEFAULT_PRESET, PRESETS, type Preset, presetByName } from './presets';
