/**
 * The moving-packet layer, painted imperatively by the clock every frame (never
 * by React) on a canvas laid over the stage. Moving packets inside the SVG made
 * the browser repaint the whole stage every frame; the canvas is a layer of its
 * own, and the SVG beneath repaints only when something in it changes. Packets are a visual sample, not the core's exact accounting: a
 * fixed number per wall second, each with a departure and an arrival time, so
 * its position is a pure function of (departure, arrival, now, path geometry).
 * Each goes to a node drawn from the live traffic shares; one that reaches a
 * node that cannot deliver turns into a red ✕ that fades out.
 */
import type { Simulation } from '../../sim';
import { appStore } from '../../store';
import { isDelivering } from '../../viz/pathState';
import { lerp } from '../../viz/geometry';
import { pickNode, sharesFor } from '../../viz/shares';
import { pointOnPath, type StageGeometry } from './stage';

const MAX_PACKETS = 600;
const MAX_DROPS = 120;
const TRAVEL_WALL_MS = 1600;
/** Fraction of the trip spent between the client and the router. */
const FIRST_LEG = 0.3;
/** A dropped packet's ✕ lingers for this fraction of a trip. */
const DROP_LINGER = 0.45;

interface Packet {
  departMs: number;
  arriveMs: number;
  client: number;
  node: number | null;
}

export interface PacketLayer {
  setGeometry(geometry: StageGeometry): void;
  paint(sim: Simulation, nowMs: number): void;
  destroy(): void;
}

/** Deterministic uniform [0, 1) from an integer (so the same run paints the same packets). */
function hash01(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

const DROP_LEVELS = 4;

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

  function emit(sim: Simulation, nowMs: number): void {
    const { speed, revision } = appStore.getState();
    const perSecond = Math.min(320, 24 + geometry.nodes.size * 9);
    const travelMs = TRAVEL_WALL_MS * speed;
    const intervalMs = (1000 * speed) / perSecond;
    // After a jump (advance, seek, fast speed) start with a trip's worth in flight.
    if (nowMs - nextEmitMs > travelMs) nextEmitMs = nowMs - travelMs;
    const shares = sharesFor(sim, revision);
    while (nextEmitMs <= nowMs) {
      counter++;
      // Jittered departures and trip times, so the stream does not look like a bead chain.
      const departMs = nextEmitMs + (hash01(counter * 7 + 1) - 0.5) * intervalMs;
      packets.push({
        departMs,
        arriveMs: departMs + travelMs * (0.85 + 0.3 * hash01(counter * 13 + 5)),
        client: counter % geometry.clients.length,
        node: pickNode(shares, hash01(counter)),
      });
      nextEmitMs += intervalMs;
    }
  }

  /** Size the backing store to the canvas's CSS box, clear it, map stage coordinates. */
  function prepare(context: CanvasRenderingContext2D): boolean {
    const dpr = window.devicePixelRatio || 1;
    const width = Math.round(canvas.clientWidth * dpr);
    const height = Math.round(canvas.clientHeight * dpr);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    const m = stageMatrix();
    if (!m) return false;
    context.setTransform(m.a * dpr, m.b * dpr, m.c * dpr, m.d * dpr, m.e * dpr, m.f * dpr);
    // Theme colours live in CSS; re-read them now and then rather than every frame.
    if (frame - colors.readAtFrame > 30) {
      const style = getComputedStyle(canvas);
      colors.packet = style.getPropertyValue('--packet').trim() || colors.packet;
      colors.drop = style.getPropertyValue('--bad').trim() || colors.drop;
      colors.readAtFrame = frame;
    }
    return true;
  }

  function paint(sim: Simulation, nowMs: number): void {
    frame++;
    if (!ctx) return;
    if (reducedMotion.matches) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    if (sim !== lastSim || nowMs < lastNowMs) {
      packets = [];
      nextEmitMs = nowMs;
      lastSim = sim;
    }
    lastNowMs = nowMs;
    emit(sim, nowMs);
    if (!prepare(ctx)) return;
    const nodes = appStore.getState().snapshot?.nodes ?? [];
    const drops: { x: number; y: number }[][] = Array.from({ length: DROP_LEVELS }, () => []);
    let dotCount = 0;
    let dropCount = 0;
    const alive: Packet[] = [];
    ctx.beginPath();
    for (const p of packets) {
      const t = (nowMs - p.departMs) / (p.arriveMs - p.departMs);
      if (t < 0) {
        alive.push(p);
        continue;
      }
      const path = p.node === null ? undefined : geometry.nodes.get(p.node);
      const client = geometry.clients[p.client] ?? geometry.router;
      const dropT = path ? 1 : FIRST_LEG;
      if (t >= dropT) {
        const delivered = path !== undefined && isDelivering(nodes[(p.node ?? 0) - 1]);
        if (delivered || t >= dropT + DROP_LINGER) continue;
        alive.push(p);
        if (dropCount++ >= MAX_DROPS) continue;
        // Left of the port (the node box would hide it), rising as it fades.
        const fade = (t - dropT) / DROP_LINGER;
        const at = path ? path.port : geometry.router;
        const level = Math.min(DROP_LEVELS - 1, Math.floor(fade * DROP_LEVELS));
        drops[level]!.push({ x: at.x - 14 - 10 * hash01(p.departMs), y: at.y - 4 - 18 * fade });
        continue;
      }
      alive.push(p);
      if (dotCount++ >= MAX_PACKETS) continue;
      const at =
        t < FIRST_LEG
          ? lerp(client, geometry.router, t / FIRST_LEG)
          : pointOnPath(path!, (t - FIRST_LEG) / (1 - FIRST_LEG));
      ctx.moveTo(at.x + 3.2, at.y);
      ctx.arc(at.x, at.y, 3.2, 0, 2 * Math.PI);
    }
    ctx.fillStyle = colors.packet;
    ctx.fill();
    ctx.strokeStyle = colors.drop;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    drops.forEach((marks, level) => {
      if (!marks.length) return;
      ctx.globalAlpha = 1 - level / DROP_LEVELS;
      ctx.beginPath();
      for (const { x, y } of marks) {
        ctx.moveTo(x - 4.5, y - 4.5);
        ctx.lineTo(x + 4.5, y + 4.5);
        ctx.moveTo(x + 4.5, y - 4.5);
        ctx.lineTo(x - 4.5, y + 4.5);
      }
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    // For benchmarks and tests: how many packets are drawn (not every frame: no style churn).
    if (frame % 15 === 0) canvas.dataset.inFlight = String(Math.min(dotCount, MAX_PACKETS));
    packets = alive.length > MAX_PACKETS * 2 ? alive.slice(-MAX_PACKETS * 2) : alive;
  }

  return {
    setGeometry(next) {
      geometry = next;
      packets = [];
    },
    paint,
    destroy() {
      ctx?.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}
