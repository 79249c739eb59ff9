import { useEffect, useRef } from 'react';
import { type AppState, appStore, getSim, useAppStore } from '../../store';
import { KINDS } from '../controls/FailureKindPicker';

type Announce = typeof import('./announce');

/**
 * The one polite live region for control-plane moments. It subscribes to the
 * store outside React (events change on discrete moments only) and writes its
 * text straight into the DOM, so announcing never re-renders anything. The
 * latest announcement also shows on screen, for the back of the room. The
 * region is there from the first paint; the wording (`./announce.ts` and the
 * event descriptions) loads just after it, and what was logged meanwhile is
 * told once it is in.
 */
export function Announcer() {
  const region = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    let seen = getSim()?.events().length ?? 0;
    let owner = getSim();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let words: {
      momentsIn: Announce['momentsIn'];
      coalescer: ReturnType<Announce['createCoalescer']>;
    } | null = null;
    const tell = (s: AppState) => {
      const sim = getSim();
      if (!sim || !words) return;
      const events = sim.events();
      const preset = s.scenario?.protocol.preset ?? 'lab';
      const moments = words.momentsIn(events, seen, preset);
      seen = events.length;
      const { coalescer } = words;
      const due = coalescer.add(moments, performance.now());
      if (due !== null && timer === null) {
        timer = setTimeout(
          () => {
            timer = null;
            coalescer.flush(performance.now());
          },
          Math.max(0, due - performance.now()),
        );
      }
    };
    const unsubscribe = appStore.subscribe((s, p) => {
      if (s.revision === p.revision && s.loadCount === p.loadCount) return;
      const sim = getSim();
      if (!sim) return;
      // A new run or a seek back: start counting from here, announcing nothing old,
      // and take down what was said of a moment that has not happened yet.
      if (sim !== owner || sim.events().length < seen || s.loadCount !== p.loadCount) {
        owner = sim;
        seen = sim.events().length;
        words?.coalescer.clear();
        if (timer !== null) {
          clearTimeout(timer);
          timer = null;
        }
        if (region.current) region.current.textContent = '';
        return;
      }
      tell(s);
    });
    let cancelled = false;
    import('./announce').then(({ createCoalescer, momentsIn }) => {
      if (cancelled) return;
      const coalescer = createCoalescer((text) => {
        if (region.current) region.current.textContent = text;
      });
      words = { momentsIn, coalescer };
      tell(appStore.getState());
    });
    return () => {
      cancelled = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
  return (
    <div className="announcer-line">
      <p
        ref={region}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-label="Control-plane announcements"
        className="announcer"
      />
      <Hint />
    </div>
  );
}

/** Shown until the first moment is announced: what a click does. */
function Hint() {
  const kind = useAppStore((s) => s.failureKind);
  const explain = KINDS.find((k) => k.value === kind)?.explain ?? '';
  return (
    <p className="announcer-hint" aria-hidden="true">
      <strong>Click a node to fail it</strong>, click again to recover it. {explain}
    </p>
  );
}
