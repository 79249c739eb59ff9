/**
 * The moving-packet layer, painted imperatively from the clock's frame context
 * (never by React) on a canvas laid over the stage. Moving packets inside the
 * SVG made the browser repaint the whole stage every frame; the canvas is a
 * layer of its own, and the SVG beneath repaints only when something in it
 * changes. Packets are a visual sample, not the core's exact accounting: a
 * fixed number per wall second, each with a departure and an arrival time, so
 * its position is a pure function of (departure, arrival, now, path geometry).
 *
 * Honest packets: a packet's next hop is chosen when it leaves the router, from
 * the forwarding table in force at that simulated moment (`viz/fate.ts`), so no
 * packet runs on a path the FIB no longer held. One sent to a node that cannot
 * deliver is doomed from then on: drawn as a vermillion diamond rather than a
 * blue dot, it turns into a ✕ at the dead node. With no route, the ✕ is at the
 * router. Each frame clears only the box the last frame drew in.
 */
import type { Simulation } from '../../sim';
import type { FrameContext } from '../../store';
import { createFates, type Fates } from '../../viz/fate';
import { lerp } from '../../viz/geometry';
import { sharesFor } from '../../viz/shares';
import { pointOnPath, type StageGeometry } from './stage';
import { type Box, drawPackets, EMPTY_BOX, type Marks, packetsSvg } from './packetDraw';

const MAX_PACKETS = 600;
const TRAVEL_WALL_MS = 1600;
/** Fraction of the trip spent between the client and the router. */
const FIRST_LEG = 0.3;
/** A dropped packet's ✕ lingers for this fraction of a trip. */
const DROP_LINGER = 0.45;

interface Packet {
  departMs: number;
  arriveMs: number;
  client: number;
  /** Uniform draw that picks the next hop when the packet leaves the router. */
  u: number;
  /** undefined until it leaves the router; null when there was no route. */
  node?: number | null;
  doomed: boolean;
}

/** What each packet canvas last drew, for a picture of the stage. */
const shown = new WeakMap<
  HTMLCanvasElement,
  { marks: Marks; colors: { packet: string; drop: string } }
>();

/** The packets `canvas` shows now, as SVG in stage coordinates ('' when none). */
export function shownPacketsSvg(canvas: HTMLCanvasElement): string {
  const last = shown.get(canvas);
  return last ? packetsSvg(last.marks, last.colors) : '';
}

export interface PacketLayer {
  setGeometry(geometry: StageGeometry): void;
  /** The stage moved or resized: read its matrix again on the next paint. */
  invalidate(): void;
  paint(frame: FrameContext): void;
  destroy(): void;
}

/** Deterministic uniform [0, 1) from an integer (so the same run paints the same packets). */
function hash01(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

/** The fates for this simulation's current log (rebuilt only when the log grows). */
function fatesCache() {
  let sim: Simulation | null = null;
  let events = -1;
  let fib = -1;
  let fates: Fates | null = null;
  return (s: Simulation): Fates => {
    const log = s.events();
    const changes = s.fibChanges();
    if (!fates || s !== sim || log.length !== events || changes.length !== fib) {
      fates = createFates(changes, log);
      sim = s;
      events = log.length;
      fib = changes.length;
    }
    return fates;
  };
}

/**
 * @param canvas the overlay to paint on (CSS-sized to cover the stage)
 * @param stageMatrix maps stage coordinates to the canvas's CSS pixels (viewBox and zoom)
 */
export function createPacketLayer(
  canvas: HTMLCanvasElement,
  stageMatrix: () => DOMMatrix | null,
  initial: StageGeometry,
): PacketLayer {
  let geometry = initial;
  const ctx = canvas.getContext('2d');
  const colors = { packet: '#0072b2', drop: '#d55e00', readAtFrame: -Infinity };
  let frame = 0;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  let packets: Packet[] = [];
  let nextEmitMs = 0;
  let counter = 0;
  let lastNowMs = -1;
  let lastSim: Simulation | null = null;
  let matrix: DOMMatrix | null = null;
  let dirty: Box = EMPTY_BOX;
  const fatesOf = fatesCache();

  function emit(nowMs: number, speed: number): void {
    const perSecond = Math.min(320, 24 + geometry.nodes.size * 9);
    const travelMs = TRAVEL_WALL_MS * speed;
    const intervalMs = (1000 * speed) / perSecond;
    // After a jump (advance, seek, fast speed) start with a trip's worth in flight.
    if (nowMs - nextEmitMs > travelMs) nextEmitMs = nowMs - travelMs;
    while (nextEmitMs <= nowMs) {
      counter++;
      // Jittered departures and trip times, so the stream does not look like a bead chain.
      const departMs = nextEmitMs + (hash01(counter * 7 + 1) - 0.5) * intervalMs;
      packets.push({
        departMs,
        arriveMs: departMs + travelMs * (0.85 + 0.3 * hash01(counter * 13 + 5)),
        client: counter % geometry.clients.length,
        u: hash01(counter),
        doomed: false,
      });
      nextEmitMs += intervalMs;
    }
  }

  /** Choose the next hop from the FIB at the moment the packet leaves the router. */
  function route(p: Packet, sim: Simulation, fates: Fates, revision: number): void {
    const leftMs = p.departMs + FIRST_LEG * (p.arriveMs - p.departMs);
    const ecmp = fates.fibAt(leftMs);
    if (ecmp.length === 0) {
      p.node = null;
      p.doomed = true;
      return;
    }
    // Live shares when they describe that FIB, an even split otherwise.
    const shares = sharesFor(sim, revision);
    let node: number | undefined;
    if (
      shares.cumulative.length === ecmp.length &&
      shares.cumulative.every(([n]) => ecmp.includes(n))
    ) {
      node = shares.cumulative.find(([, upTo]) => p.u < upTo)?.[0];
    }
    node ??= ecmp[Math.min(ecmp.length - 1, Math.floor(p.u * ecmp.length))]!;
    p.node = node;
    p.doomed = !fates.deliversAt(node, leftMs);
  }

  /**
   * Size the backing store to the canvas's CSS box and map stage coordinates.
   * Both read layout, so only after `invalidate()` (a resize or a zoom), never
   * per frame: a read after the frame's text writes would force a layout.
   */
  function prepare(): boolean {
    if (!matrix) {
      const dpr = window.devicePixelRatio || 1;
      const width = Math.round(canvas.clientWidth * dpr);
      const height = Math.round(canvas.clientHeight * dpr);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      const m = stageMatrix();
      if (!m) return false;
      matrix = new DOMMatrix([m.a * dpr, m.b * dpr, m.c * dpr, m.d * dpr, m.e * dpr, m.f * dpr]);
      dirty = { x0: 0, y0: 0, x1: width, y1: height };
    }
    // Theme colours live in CSS; re-read them now and then rather than every frame.
    if (frame - colors.readAtFrame > 30) {
      const style = getComputedStyle(canvas);
      colors.packet = style.getPropertyValue('--packet').trim() || colors.packet;
      colors.drop = style.getPropertyValue('--bad').trim() || colors.drop;
      colors.readAtFrame = frame;
    }
    return true;
  }

  function clear(context: CanvasRenderingContext2D): void {
    context.setTransform(1, 0, 0, 1, 0, 0);
    if (dirty.x1 > dirty.x0)
      context.clearRect(dirty.x0, dirty.y0, dirty.x1 - dirty.x0, dirty.y1 - dirty.y0);
    dirty = EMPTY_BOX;
  }

  function paint({ sim, nowMs, speed, revision, playing, domOnly }: FrameContext): void {
    if (domOnly) return;
    frame++;
    if (!ctx) return;
    if (reducedMotion.matches) {
      clear(ctx);
      shown.delete(canvas);
      return;
    }
    if (sim !== lastSim || nowMs < lastNowMs) {
      packets = [];
      nextEmitMs = nowMs;
      lastSim = sim;
    }
    lastNowMs = nowMs;
    emit(nowMs, speed);
    if (!prepare()) return;
    clear(ctx);
    const fates = fatesOf(sim);
    const dots: { x: number; y: number }[] = [];
    const doomed: { x: number; y: number }[] = [];
    const drops: { x: number; y: number; fade: number }[] = [];
    const alive: Packet[] = [];
    for (const p of packets) {
      const t = (nowMs - p.departMs) / (p.arriveMs - p.departMs);
      if (t < 0) {
        alive.push(p);
        continue;
      }
      if (t >= FIRST_LEG && p.node === undefined) route(p, sim, fates, revision);
      const path = p.node == null ? undefined : geometry.nodes.get(p.node);
      const client = geometry.clients[p.client] ?? geometry.router;
      const dropT = path ? 1 : FIRST_LEG;
      if (t >= dropT) {
        // Lost if it was doomed, or its node died while it was on the way.
        const lost = p.doomed || (p.node != null && !fates.deliversAt(p.node, p.arriveMs));
        if (!lost || t >= dropT + DROP_LINGER) continue;
        alive.push(p);
        // Left of the port (the node box would hide it), rising as it fades.
        const fade = (t - dropT) / DROP_LINGER;
        const at = path ? path.port : geometry.router;
        drops.push({ x: at.x - 14 - 10 * hash01(p.departMs), y: at.y - 4 - 18 * fade, fade });
        continue;
      }
      alive.push(p);
      const at =
        t < FIRST_LEG || !path
          ? lerp(client, geometry.router, Math.min(1, t / FIRST_LEG))
          : pointOnPath(path, (t - FIRST_LEG) / (1 - FIRST_LEG));
      (p.doomed ? doomed : dots).push(at);
    }
    const marks = { dots, doomed, drops, max: MAX_PACKETS };
    dirty = drawPackets(ctx, matrix!, marks, colors);
    shown.set(canvas, { marks, colors: { packet: colors.packet, drop: colors.drop } });
    // For benchmarks and tests: how many packets are drawn, doomed and dropped
    // (while playing not every frame: no attribute churn).
    if (!playing || frame % 15 === 0) {
      canvas.dataset.inFlight = String(Math.min(dots.length + doomed.length, MAX_PACKETS));
      canvas.dataset.doomed = String(doomed.length);
      canvas.dataset.drops = String(drops.length);
    }
    packets = alive.length > MAX_PACKETS * 2 ? alive.slice(-MAX_PACKETS * 2) : alive;
  }

  return {
    setGeometry(next) {
      geometry = next;
      packets = [];
      matrix = null;
    },
    invalidate() {
      matrix = null;
    },
    paint,
    destroy() {
      shown.delete(canvas);
      ctx?.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}
