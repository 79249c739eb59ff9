/**
 * Keyboard shortcuts for a lecturer at a laptop: K (or Space on the page itself)
 * plays or pauses, the full stop steps to the next event. A presenter remote's
 * Page Down and Page Up step forward and back (`presenterKeys.ts`: a lesson, when
 * open, takes them; in free play they step only in presenter mode, and scroll the
 * page otherwise). They never fire while typing in a field or when a focused
 * control handles the key itself.
 */
import { togglePlay } from '../store';
import { isPresent } from './presenter';
import { hasStepper, stepBack, stepNext } from './presenterKeys';

function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest('input, select, textarea, button, [role="button"], [contenteditable="true"]') !==
    null
  );
}

/**
 * A field or a slider, which use the full stop or the page keys themselves
 * (a radio button or a checkbox does not: a lesson's answers keep the keys).
 */
function typesOrSlides(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest(
      'input:not([type="radio"]):not([type="checkbox"]), select, textarea, [role="slider"], [contenteditable="true"]',
    ) !== null
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
    } else if (key === '.' && !typesOrSlides(event.target)) {
      event.preventDefault();
      stepNext();
    } else if (
      (event.key === 'PageDown' || event.key === 'PageUp') &&
      !event.shiftKey &&
      (isPresent() || hasStepper()) &&
      !typesOrSlides(event.target)
    ) {
      event.preventDefault();
      if (event.key === 'PageDown') stepNext();
      else stepBack();
    }
  };
  document.addEventListener('keydown', onKeyDown);
  return () => document.removeEventListener('keydown', onKeyDown);
}
