/**
 * The moving-packet layer, painted imperatively by the clock every frame (never
 * by React). Packets are a visual sample, not the core's exact accounting: a
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

const SVG_NS = 'http://www.w3.org/2000/svg';
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

export function createPacketLayer(root: SVGGElement, initial: StageGeometry): PacketLayer {
  let geometry = initial;
  // One <path> for every dot and one per fade level for the ✕ marks: setting one
  // attribute per frame costs far less style work than moving 600 elements.
  const dotsPath = document.createElementNS(SVG_NS, 'path');
  dotsPath.setAttribute('class', 'packet');
  root.appendChild(dotsPath);
  const dropPaths: SVGPathElement[] = [];
  for (let level = 0; level < DROP_LEVELS; level++) {
    const drop = document.createElementNS(SVG_NS, 'path');
    drop.setAttribute('class', 'packet-drop');
    drop.setAttribute('opacity', String(1 - level / DROP_LEVELS));
    root.appendChild(drop);
    dropPaths.push(drop);
  }
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

  function paint(sim: Simulation, nowMs: number): void {
    if (reducedMotion.matches) {
      root.style.display = 'none';
      return;
    }
    if (root.style.display) root.style.display = '';
    if (sim !== lastSim || nowMs < lastNowMs) {
      packets = [];
      nextEmitMs = nowMs;
      lastSim = sim;
    }
    lastNowMs = nowMs;
    emit(sim, nowMs);
    const nodes = appStore.getState().snapshot?.nodes ?? [];
    let dots = '';
    let dotCount = 0;
    const drops: string[] = new Array(DROP_LEVELS).fill('');
    let dropCount = 0;
    const alive: Packet[] = [];
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
        // Left of the port (the node box is drawn above this layer), rising as it fades.
        const fade = (t - dropT) / DROP_LINGER;
        const at = path ? path.port : geometry.router;
        const x = at.x - 14 - 10 * hash01(p.departMs);
        const y = at.y - 4 - 18 * fade;
        const level = Math.min(DROP_LEVELS - 1, Math.floor(fade * DROP_LEVELS));
        drops[level] += `M${(x - 4.5).toFixed(1)} ${(y - 4.5).toFixed(1)}l9 9m0-9l-9 9`;
        continue;
      }
      alive.push(p);
      if (dotCount++ >= MAX_PACKETS) continue;
      const at =
        t < FIRST_LEG
          ? lerp(client, geometry.router, t / FIRST_LEG)
          : pointOnPath(path!, (t - FIRST_LEG) / (1 - FIRST_LEG));
      // A dot as two half-circle arcs.
      dots += `M${(at.x - 3.2).toFixed(1)} ${at.y.toFixed(1)}a3.2 3.2 0 1 0 6.4 0a3.2 3.2 0 1 0-6.4 0`;
    }
    packets = alive.length > MAX_PACKETS * 2 ? alive.slice(-MAX_PACKETS * 2) : alive;
    dotsPath.setAttribute('d', dots);
    for (let level = 0; level < DROP_LEVELS; level++)
      dropPaths[level]!.setAttribute('d', drops[level]!);
  }

  return {
    setGeometry(next) {
      geometry = next;
      packets = [];
    },
    paint,
    destroy() {
      root.replaceChildren();
    },
  };
}
