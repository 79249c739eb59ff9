import { useRef } from 'react';
import { appStore, usePainter, writeText } from '../store';
import { sharesFor } from '../viz/shares';
import { stageCaption } from '../ui/stage/stageCaption';

/** How often the caption's moving numbers (seconds ago, seconds left) are rewritten while playing. */
const CAPTION_MS = 500;

/**
 * The live sentence above the stage (`stageCaption.ts`). A painter rewrites
 * its text in place, so React does not re-render with time; it is not a live
 * region (the Announcer tells the moments once), so a screen reader does not
 * hear it again every half second.
 */
export function StageCaption() {
  const ref = useRef<HTMLParagraphElement>(null);
  usePainter((frame) => {
    const scenario = appStore.getState().scenario;
    if (!scenario || !frame.snapshot) return;
    const text = stageCaption({
      scenario,
      snapshot: frame.snapshot,
      events: frame.sim.events(),
      nowMs: frame.nowMs,
      shares: sharesFor(frame.sim, frame.revision).byNode,
    });
    writeText(ref.current, text);
  }, CAPTION_MS);
  return (
    <p ref={ref} role="note" aria-label="Stage caption" className="stage-now">
      {' '}
    </p>
  );
}
