import { useEffect, useState } from 'react';
import { Icon } from '../ui/controls/icons';
import { togglePresent, usePresent } from './presenter';

const fullscreenSupported = () =>
  typeof document !== 'undefined' &&
  document.fullscreenEnabled === true &&
  typeof document.documentElement.requestFullscreen === 'function';

/** The header's presenter-mode toggle and, while presenting, a fullscreen toggle where the browser has one. */
export function PresenterControls() {
  const present = usePresent();
  return (
    <>
      <button
        type="button"
        aria-pressed={present}
        onClick={togglePresent}
        className={`btn inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm ${present ? 'btn-primary' : 'btn-secondary'}`}
        style={present ? { minWidth: 0 } : undefined}
        title="Projector-sized type, the stage fills the screen, side panels folded away (Page Down / Page Up step)"
      >
        <Icon name="present" />
        Presenter<span className="max-[1499px]:sr-only"> mode</span>
      </button>
      {present && fullscreenSupported() && <FullscreenButton />}
    </>
  );
}

function FullscreenButton() {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const update = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  const toggle = () => {
    const done = on ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    // Refused (no user gesture, a policy): the page stays as it is.
    done.catch(() => setOn(document.fullscreenElement !== null));
  };
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={toggle}
      className="btn btn-secondary inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm"
      title="Fill the whole screen (Esc leaves)"
    >
      <Icon name="fullscreen" />
      <span className="max-[1499px]:sr-only">Fullscreen</span>
    </button>
  );
}
