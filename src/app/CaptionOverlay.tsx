import { useSyncExternalStore } from 'react';
import { getCaption, subscribeCaption } from './caption';

/** A walkthrough's caption, laid over the bottom of the page; clicks pass through it. */
export function CaptionOverlay() {
  const caption = useSyncExternalStore(subscribeCaption, getCaption);
  if (caption === null) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-[4vh] z-50 flex justify-center px-[4vw]">
      <p
        aria-live="polite"
        className="caption-overlay max-w-[56rem] rounded-xl bg-slate-900/90 px-[1.4em] py-[0.7em] text-center text-[clamp(1rem,1.6vw,2.2rem)] leading-snug font-medium text-white shadow-lg ring-1 ring-white/15"
      >
        {caption}
      </p>
    </div>
  );
}
