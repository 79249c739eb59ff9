import { type RefObject, useLayoutEffect, useState } from 'react';

/** The element's content width in px, kept up to date with a ResizeObserver. */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 800): number {
  const [width, setWidth] = useState(fallback);
  // Measured before the first paint: the fallback width must never reach the screen (on a phone it
  // would scroll the page sideways for a frame).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    setWidth(Math.floor(el.getBoundingClientRect().width));
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
