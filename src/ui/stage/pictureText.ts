/** The words written on an exported picture: what run it is and at what simulated time. */
import { presetByName } from '../../sim';
import { appStore, getSim } from '../../store';
import { sharesFor } from '../../viz/shares';
import { strategyLabel } from '../controls/StrategySelect';
import { formatClock } from '../controls/format';
import { stageCaption } from './stageCaption';

export interface PictureText {
  scenario: string;
  caption: string;
  /** What is happening at this moment (the stage's own caption), with the strategy. */
  moment: string;
  time: string;
  /** For file names: "12.3s". */
  stamp: string;
}

export function pictureText(): PictureText {
  const { scenario, presetName, revision } = appStore.getState();
  const sim = getSim();
  const nowMs = sim?.now() ?? 0;
  const preset = presetName ? presetByName(presetName) : undefined;
  const strategy = scenario ? strategyLabel(scenario.strategy) : '';
  const description = scenario?.description ?? `${scenario?.nodes ?? 0} nodes.`;
  return {
    scenario: preset?.title ?? 'Custom scenario',
    caption: `${description} Strategy: ${strategy}.`,
    moment:
      sim && scenario
        ? `${stageCaption({
            scenario,
            snapshot: sim.snapshot(),
            events: sim.events(),
            nowMs,
            shares: sharesFor(sim, revision).byNode,
          })} Strategy: ${strategy}.`
        : `${description} Strategy: ${strategy}.`,
    time: `Simulated time ${formatClock(nowMs)}`,
    stamp: `${(nowMs / 1000).toFixed(1)}s`,
  };
}
