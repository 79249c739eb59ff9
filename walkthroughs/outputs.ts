/**
 * What a walkthrough writes besides its PNGs and video: the file names of its
 * shots, its captions as WebVTT timed to the video, and the figures at each shot.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A caption as it appears in the video: shown from `startMs` until `endMs` (wall ms from the video's start). */
export interface Cue {
  startMs: number;
  endMs: number;
  text: string;
}

export interface ShotRecord {
  /** The shot's position, from 1. */
  index: number;
  name: string;
  file: string;
  /** Simulated time of the shot, in ms. */
  tMs: number;
  /** `window.ecmp.figures()` at the shot (an array, one per run, in the side-by-side view). */
  figures: unknown;
}

/** `01-name.png`, … (three digits once a script has 100 shots or more, so names sort). */
export function shotFile(index: number, name: string, total: number): string {
  const width = Math.max(2, String(total).length);
  return `${String(index).padStart(width, '0')}-${name}.png`;
}

function timestamp(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(total % 1000, 3)}`;
}

/** WebVTT text for `cues` (cue text escaped; a cue always lasts at least 1 ms). */
export function toWebVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue, i) => {
    const text = cue.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const endMs = Math.max(cue.endMs, cue.startMs + 1);
    return `${i + 1}\n${timestamp(cue.startMs)} --> ${timestamp(endMs)}\n${text}`;
  });
  return `WEBVTT\n\n${blocks.map((b) => `${b}\n`).join('\n')}`;
}

const OUTPUT = /^(\d{2,}-[A-Za-z0-9_-]+\.png|video\.webm|captions\.vtt|figures\.json)$/;

/** Remove what an earlier run of a walkthrough wrote in `dir` (only files it writes). */
export function clearOutputs(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (OUTPUT.test(name)) rmSync(join(dir, name), { force: true });
  }
}
