/** The words written on an exported picture: what run it is and at what simulated time. */
import { presetByName } from '../../sim';
import { appStore, getSim } from '../../store';
import { STRATEGIES } from '../controls/StrategySelect';
import { formatClock } from '../controls/format';

export interface PictureText {
  scenario: string;
  caption: string;
  time: string;
  /** For file names: "12.3s". */
  stamp: string;
}

export function pictureText(): PictureText {
  const { scenario, presetName } = appStore.getState();
  const nowMs = getSim()?.now() ?? 0;
  const preset = presetName ? presetByName(presetName) : undefined;
  const strategy = STRATEGIES.find((s) => s.value === scenario?.strategy)?.label ?? '';
  const description = scenario?.description ?? `${scenario?.nodes ?? 0} nodes.`;
  return {
    scenario: preset?.title ?? 'Custom scenario',
    caption: `${description} Strategy: ${strategy}.`,
    time: `Simulated time ${formatClock(nowMs)}`,
    stamp: `${(nowMs / 1000).toFixed(1)}s`,
  };
}
