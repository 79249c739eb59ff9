import type { RefObject } from 'react';
import type { ZoomHandle } from '../../viz/zoom';

/** Zoom in, out and back to the whole stage, for keyboards and large clusters. */
export function ZoomButtons({ zoom }: { zoom: RefObject<ZoomHandle | null> }) {
  const buttons: [string, string, () => void][] = [
    ['Zoom in', '+', () => zoom.current?.zoomBy(1.5)],
    ['Zoom out', '−', () => zoom.current?.zoomBy(1 / 1.5)],
    ['Fit to stage', '⤢', () => zoom.current?.update()],
  ];
  return (
    <div className="stage-buttons absolute top-2 right-2 flex flex-col gap-1">
      {buttons.map(([label, glyph, onClick]) => (
        <button
          key={label}
          type="button"
          aria-label={label}
          title={label}
          onClick={onClick}
          className="btn btn-secondary h-8 w-8 rounded-md text-base leading-none"
        >
          <span aria-hidden="true">{glyph}</span>
        </button>
      ))}
    </div>
  );
}
