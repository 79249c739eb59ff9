import { useEffect, useRef, useState } from 'react';
import { appStore, COARSE_MS, requestRepaint, usePainter, writeText } from '../store';
import { sharesFor } from '../viz/shares';

/** How often the caption's moving numbers (seconds ago, seconds left) are rewritten while playing. */
const CAPTION_MS = 500;

type Caption = typeof import('../ui/stage/stageCaption').stageCaption;

/**
 * The live sentence above the stage (`ui/stage/stageCaption.ts`). A painter
 * rewrites its text in place, so React does not re-render with time: at once
 * when something is logged (a new moment), otherwise every half second while
 * playing. It is not a live region (the Announcer tells the moments once), so
 * a screen reader does not hear it again with every tick. The sentence
 * builder loads just after the first paint, as the panels do (it is a large
 * part of the first page's code); the caption is written as soon as it is in.
 */
export function StageCaption() {
  const ref = useRef<HTMLParagraphElement>(null);
  const [caption, setCaption] = useState<Caption | null>(null);
  const last = useRef({
    wallMs: Number.NEGATIVE_INFINITY,
    revision: -1,
    snapshot: null as unknown,
  });
  useEffect(() => {
    let cancelled = false;
    import('../ui/stage/stageCaption').then((m) => {
      if (cancelled) return;
      setCaption(() => m.stageCaption);
      requestRepaint();
    });
    return () => {
      cancelled = true;
    };
  }, []);
  usePainter(
    (frame) => {
      const scenario = appStore.getState().scenario;
      if (!scenario || !frame.snapshot || !caption) return;
      const seen = last.current;
      const moved = frame.revision !== seen.revision || frame.snapshot !== seen.snapshot;
      if (frame.playing && !moved && frame.wallMs - seen.wallMs < CAPTION_MS - 20) return;
      last.current = { wallMs: frame.wallMs, revision: frame.revision, snapshot: frame.snapshot };
      const text = caption({
        scenario,
        snapshot: frame.snapshot,
        events: frame.sim.events(),
        nowMs: frame.nowMs,
        shares: sharesFor(frame.sim, frame.revision).byNode,
      });
      writeText(ref.current, text);
    },
    COARSE_MS,
    caption !== null,
  );
  return (
    <p ref={ref} role="note" aria-label="Stage caption" className="stage-now">
      {' '}
    </p>
  );
}
