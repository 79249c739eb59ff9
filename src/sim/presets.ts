/**
 * The scenario presets: data files in `scenarios/`, shared by the tests, the
 * command line, the benchmarks and the UI.
 */
import allFail from '../../scenarios/all-fail.json';
import basic from '../../scenarios/basic.json';
import bgpLab from '../../scenarios/bgp-lab.json';
import carrierLoss from '../../scenarios/carrier-loss.json';
import cascade from '../../scenarios/cascade.json';
import connectionConsistent from '../../scenarios/connection-consistent.json';
import connectionLocal from '../../scenarios/connection-local.json';
import connectionSteering from '../../scenarios/connection-steering.json';
import large from '../../scenarios/large.json';
import linkCut from '../../scenarios/link-cut.json';
import ospfPacing from '../../scenarios/ospf-pacing.json';
import plannedDrain from '../../scenarios/planned-drain.json';
import recoveryDuringWait from '../../scenarios/recovery-during-wait.json';
import resilientUnderLoad from '../../scenarios/resilient-under-load.json';
import shortWait from '../../scenarios/short-wait.json';
import simultaneousAgreed from '../../scenarios/simultaneous-agreed.json';
import simultaneousLiteral from '../../scenarios/simultaneous-literal.json';
import staggered from '../../scenarios/staggered-detection.json';
import unhealthy from '../../scenarios/unhealthy.json';
import type { ScenarioInput } from './scenario';

export interface Preset {
  name: string;
  title: string;
  description: string;
  scenario: ScenarioInput;
}

const files = [
  basic,
  staggered,
  cascade,
  recoveryDuringWait,
  shortWait,
  allFail,
  linkCut,
  carrierLoss,
  unhealthy,
  simultaneousLiteral,
  simultaneousAgreed,
  connectionLocal,
  connectionSteering,
  connectionConsistent,
  resilientUnderLoad,
  ospfPacing,
  plannedDrain,
  bgpLab,
  large,
] as ScenarioInput[];

export const PRESETS: readonly Preset[] = files.map((scenario) => ({
  name: scenario.name ?? '',
  title: scenario.title ?? scenario.name ?? '',
  description: scenario.description ?? '',
  scenario,
}));

export const DEFAULT_PRESET = 'basic';

export function presetByName(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
