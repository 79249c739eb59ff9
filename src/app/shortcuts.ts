/**
 * Keyboard shortcuts for a lecturer at a laptop: K (or Space on the page itself)
 * plays or pauses, the full stop steps to the next event. They never fire while
 * typing in a field or when a focused control handles the key itself.
 */
import { stepToNextEvent, togglePlay } from '../store';

function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest('input, select, textarea, button, [role="button"], [contenteditable="true"]') !==
    null
  );
}

export function installShortcuts(): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const key = event.key.toLowerCase();
    if (
      key === 'k' &&
      !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)
    ) {
      event.preventDefault();
      togglePlay();
    } else if (key === ' ' && !ownsKeys(event.target)) {
      event.preventDefault();
      togglePlay();
    } else if (key === '.' && !ownsKeys(event.target)) {
      event.preventDefault();
      stepToNextEvent();
    }
  };
  document.addEventListener('keydown', onKeyDown);
  return () => document.removeEventListener('keydown', onKeyDown);
}
