import { showError } from '../../store';
import { shownPacketsSvg } from '../topology/packets';

interface Props {
  tableView: boolean;
  onTableView: (on: boolean) => void;
}

/** Beside the stage's caption: the table view toggle and the picture exports. */
export function StageTools({ tableView, onTableView }: Props) {
  return (
    <div className="stage-tools absolute top-2 left-2 flex items-center gap-1">
      <button
        type="button"
        aria-pressed={tableView}
        onClick={() => onTableView(!tableView)}
        className={`btn rounded-md px-2 py-1 text-xs ${tableView ? 'btn-primary' : 'btn-secondary'}`}
        style={tableView ? { minWidth: 0 } : undefined}
        title="Show the stage as a table: each node's state, metric, share and route"
      >
        Table view
      </button>
      <button
        type="button"
        onClick={() => void exportStage('png')}
        aria-label="Export stage as PNG"
        className="btn btn-secondary rounded-md px-2 py-1 text-xs"
        title="Download the stage as a PNG picture at twice its size, with caption and time"
      >
        PNG
      </button>
      <button
        type="button"
        onClick={() => void exportStage('svg')}
        aria-label="Export stage as SVG"
        className="btn btn-secondary rounded-md px-2 py-1 text-xs"
        title="Download the stage as an SVG drawing, with caption and time"
      >
        SVG
      </button>
    </div>
  );
}

/** The picture code (its words and embedded fonts) loads with the first export, not with the page. */
async function exportStage(format: 'png' | 'svg'): Promise<void> {
  const svg = document.querySelector<SVGSVGElement>('svg.topology');
  const box = svg?.viewBox.baseVal;
  if (!svg || !box) return;
  const canvas = svg.parentElement?.querySelector<HTMLCanvasElement>('canvas.packet-canvas');
  let code: [typeof import('./pictureText'), typeof import('../charts/export')];
  try {
    code = await Promise.all([import('./pictureText'), import('../charts/export')]);
  } catch (error) {
    showError(`Export failed: ${(error as Error).message}`);
    return;
  }
  const [{ pictureText }, { composePicture, savePicture }] = code;
  const text = pictureText();
  const packets = canvas ? shownPacketsSvg(canvas) : '';
  const picture = composePicture({
    source: svg,
    viewBox: { width: box.width, height: box.height },
    width: Math.max(960, Math.round(box.width)),
    title: `ECMP failover · ${text.scenario}`,
    caption: text.moment,
    time: text.time,
    // The whole stage, whatever the current pan and zoom.
    prepare: (clone) => clone.querySelector('[data-zoom]')?.removeAttribute('transform'),
    // The packets in flight, drawn on a canvas over the stage, are part of the picture.
    overlay: { markup: packets, into: '[data-zoom]' },
  });
  savePicture(picture, format, `ecmp-stage-${text.stamp}`).catch((error: Error) =>
    showError(`Export failed: ${error.message}`),
  );
}
