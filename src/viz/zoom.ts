/** Pan and zoom: a d3-zoom behaviour on the SVG writing one transform on one group. */
import { select } from 'd3-selection';
import { type ZoomBehavior, zoom, zoomIdentity } from 'd3-zoom';

export interface ZoomHandle {
  /** Back to the whole stage (after a layout change, or the Fit button). */
  update(): void;
  /** Zoom by factor `k` about the stage's centre (buttons for keyboard users). */
  zoomBy(k: number): void;
  destroy(): void;
}

export function attachZoom(
  svg: SVGSVGElement,
  group: SVGGElement,
  onZoom: () => void = () => {},
): ZoomHandle {
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.5, 8])
    // Only wheel and drag: double-click zoom would fight clicks on nodes.
    .filter((event: Event) => event.type !== 'dblclick' && !(event as MouseEvent).button)
    .on('zoom', (event: { transform: { toString(): string } }) => {
      group.setAttribute('transform', event.transform.toString());
      onZoom();
    });
  const selection = select(svg);
  selection.call(behavior);
  return {
    update() {
      selection.call(behavior.transform, zoomIdentity);
    },
    zoomBy(k) {
      selection.call(behavior.scaleBy, k);
    },
    destroy() {
      selection.on('.zoom', null);
    },
  };
}
