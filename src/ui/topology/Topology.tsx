import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import {
  getSim,
  registerPainter,
  requestRepaint,
  useNodeIds,
  useRun,
  useRunStore,
} from '../../store';
import type { ZoomHandle } from '../../viz/zoom';
import { computeLayout } from '../../viz/layout';
import { sharesFor } from '../../viz/shares';
import { Clients } from './Clients';
import { NodeView } from './NodeView';
import { createPacketLayer, type PacketLayer } from './packets';
import { PathView } from './PathView';
import { RouterView } from './RouterView';
import { Trunk } from './Trunk';
import { ZoomButtons } from './ZoomButtons';
import { routerExit, stageGeometry } from './stage';

export const VIP = '10.0.0.100';

/** The stage is phone-sized (under 600 px wide): a layout drawn for it. */
function useNarrow(ref: RefObject<HTMLElement | null>): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = (width: number) => setNarrow(width > 0 && width < 600);
    const observer = new ResizeObserver(([entry]) => entry && check(entry.contentRect.width));
    observer.observe(el);
    check(el.getBoundingClientRect().width);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}

/** The stage: clients → router → one path per node → the cluster. */
export function Topology() {
  const nodeIds = useNodeIds();
  const revision = useRunStore((s) => s.revision);
  // The run drawn (the main one, or one of the side-by-side view's).
  const run = useRun();
  const box = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(box);
  const layout = useMemo(() => computeLayout(nodeIds.length, narrow), [nodeIds.length, narrow]);
  const geometry = useMemo(() => stageGeometry(layout), [layout]);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<SVGGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const zoom = useRef<ZoomHandle | null>(null);
  const layer = useRef<PacketLayer | null>(null);

  // Pan/zoom (d3-zoom and its transitions) loads after the first paint: the stage
  // does not need it to show, and it keeps the initial bundle smaller.
  useEffect(() => {
    let cancelled = false;
    import('../../viz/zoom').then(({ attachZoom }) => {
      if (cancelled || !svgRef.current || !zoomRef.current) return;
      zoom.current = attachZoom(svgRef.current, zoomRef.current, () => {
        layer.current?.invalidate();
        requestRepaint();
      });
    });
    return () => {
      cancelled = true;
      zoom.current?.destroy();
      zoom.current = null;
    };
  }, []);

  // Created once; later geometry changes go through setGeometry below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Stage coordinates → the canvas's CSS pixels: the SVG's viewBox fit and the zoom.
    const stageMatrix = () => {
      const group = zoomRef.current?.getScreenCTM();
      if (!group) return null;
      const box = canvas.getBoundingClientRect();
      return new DOMMatrix([
        group.a,
        group.b,
        group.c,
        group.d,
        group.e - box.left,
        group.f - box.top,
      ]);
    };
    const created = createPacketLayer(canvas, stageMatrix, geometry);
    layer.current = created;
    const unregister = (run?.registerPainter ?? registerPainter)(created.paint);
    // The stage matrix is read again only after a resize or a zoom (not every
    // frame: it forces a layout); while paused nothing else would repaint.
    const resized = new ResizeObserver(() => {
      created.invalidate();
      requestRepaint();
    });
    resized.observe(canvas);
    return () => {
      resized.disconnect();
      unregister();
      created.destroy();
    };
  }, []);

  useEffect(() => {
    layer.current?.setGeometry(geometry);
    zoom.current?.update();
  }, [geometry]);

  const shares = useMemo(() => {
    const sim = run ? run.sim() : getSim();
    return sim ? sharesFor(sim, revision).byNode : new Map<number, number>();
  }, [revision, run]);

  const exit = routerExit(layout);
  const { cluster } = layout;
  return (
    <div
      ref={box}
      className="topology-box relative h-full w-full"
      style={{ '--stage-aspect': `${layout.width} / ${layout.height}` } as React.CSSProperties}
    >
      <svg
        ref={svgRef}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="topology h-full w-full select-none"
        data-narrow={layout.narrow ? '' : undefined}
      >
        <title>Clients, router and cluster nodes (drag to pan, wheel to zoom)</title>
        <g ref={zoomRef} data-zoom="">
          <Clients layout={layout} />
          <g>
            <rect
              x={cluster.x}
              y={cluster.y}
              width={cluster.width}
              height={cluster.height}
              rx={16}
              className="cluster-box"
            />
            <text x={cluster.x + 18} y={cluster.y + 26} className="cluster-title">
              Cluster
              <tspan dx={10} className="cluster-vip">
                VIP {VIP}/32
              </tspan>
            </text>
          </g>
          {layout.trunk && <Trunk trunk={layout.trunk} from={exit} />}
          <g className="paths">
            {layout.nodes.map((box) => (
              <PathView
                key={box.node}
                box={box}
                from={exit}
                share={shares.get(box.node)}
                compact={layout.compact}
                narrow={layout.narrow}
              />
            ))}
          </g>
          <RouterView layout={layout} />
          <g className="nodes">
            {layout.nodes.map((box) => (
              <NodeView key={box.node} box={box} narrow={layout.narrow} />
            ))}
          </g>
        </g>
      </svg>
      <canvas ref={canvasRef} className="packet-canvas" />
      <ZoomButtons zoom={zoom} />
    </div>
  );
}
