/**
 * The event log, packed: a run of 256 nodes and 10,000 faults logs ten million
 * events, most of them carrying a node list of 255 numbers. Stored as objects
 * that is gigabytes; here each event is a shape number and its values in one
 * Float64Array, node lists are interned (each distinct list stored once), and
 * event objects are made again only when read, cached in case they are read
 * again. Any event shape packs: new event types need nothing here.
 */
import type { Log } from './log';

type Plain = Record<string, unknown>;

/** How one kind of event packs: its type, its keys (after tMs) and each value's kind. */
interface Shape {
  type: string;
  keys: string[];
  /** Per key: 0 number, 1 null, 2 number list, 3 string, 4 boolean, 5 undefined. */
  kinds: number[];
}

const NUMBER = 0;
const NULL = 1;
const LIST = 2;
const STRING = 3;
const BOOLEAN = 4;
const UNDEFINED = 5;

function kindOf(value: unknown): number {
  if (typeof value === 'number') return NUMBER;
  if (value === null) return NULL;
  if (Array.isArray(value)) return LIST;
  if (typeof value === 'string') return STRING;
  if (typeof value === 'boolean') return BOOLEAN;
  return UNDEFINED;
}

/** A growable Float64Array. */
class Floats {
  data = new Float64Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = x;
  }
  grow(need: number): void {
    let size = this.data.length * 2;
    while (size < need) size *= 2;
    const next = new Float64Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

const RECENT = 8;

/** Number lists stored once each: equal contents share one id. */
class ListPool {
  private values = new Floats();
  private starts: number[] = [];
  private lengths: number[] = [];
  private byHash = new Map<number, number[]>();
  private decoded: (readonly number[] | undefined)[] = [];
  // The lists interned last, by identity: events in a burst share lists (see
  // `nodeSets.ts`), interleaved with others.
  private recentLists: (readonly number[] | null)[] = new Array(RECENT).fill(null);
  private recentIds = new Int32Array(RECENT);
  private nextRecent = 0;

  intern(list: readonly number[]): number {
    for (let i = 0; i < RECENT; i++) if (this.recentLists[i] === list) return this.recentIds[i]!;
    let h = 0x811c9dc5 ^ list.length;
    for (let i = 0; i < list.length; i++) h = Math.imul(h ^ (list[i]! | 0), 0x01000193);
    const candidates = this.byHash.get(h);
    let id = -1;
    if (candidates) for (const c of candidates) if (this.equals(c, list)) id = c;
    if (id < 0) {
      id = this.starts.length;
      this.starts.push(this.values.length);
      this.lengths.push(list.length);
      if (this.values.length + list.length > this.values.data.length) {
        this.values.grow(this.values.length + list.length);
      }
      this.values.data.set(list, this.values.length);
      this.values.length += list.length;
      if (candidates) candidates.push(id);
      else this.byHash.set(h, [id]);
    }
    this.recentLists[this.nextRecent] = list;
    this.recentIds[this.nextRecent] = id;
    this.nextRecent = (this.nextRecent + 1) % RECENT;
    return id;
  }

  get(id: number): readonly number[] {
    let list = this.decoded[id];
    if (!list) {
      const start = this.starts[id]!;
      list = Array.from(this.values.data.subarray(start, start + this.lengths[id]!));
      this.decoded[id] = list;
    }
    return list;
  }

  private equals(id: number, list: readonly number[]): boolean {
    if (this.lengths[id] !== list.length) return false;
    const start = this.starts[id]!;
    const data = this.values.data;
    for (let i = 0; i < list.length; i++) if (data[start + i] !== list[i]) return false;
    return true;
  }
}

/**
 * A `Log` of plain event objects (`{ tMs, type, …fields }`) whose fields are
 * numbers, null, booleans, short strings or lists of numbers.
 */
export function createEventLog<T extends { tMs: number; type: string }>(): Log<T> {
  const shapes: Shape[] = [];
  const shapeBySignature = new Map<string, number>();
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const lists = new ListPool();
  const values = new Floats();
  // Per entry: where its values start, and its shape.
  let starts = new Uint32Array(1024);
  let shapeOf = new Uint16Array(1024);
  let kept = 0;
  let length = 0;
  // Events made from the packed form, in order: a prefix of the kept entries.
  const made: T[] = [];
  let view: readonly T[] | null = null;

  // Shapes by event type: an event almost always has the shape of the last
  // event of its type, checked without building a signature.
  const lastShapeOfType = new Map<string, number>();
  function fits(shape: Shape, entry: Plain): boolean {
    let k = 0;
    for (const key in entry) {
      if (key === 'tMs' || key === 'type') continue;
      if (shape.keys[k] !== key || shape.kinds[k] !== kindOf(entry[key])) return false;
      k++;
    }
    return k === shape.keys.length;
  }

  function shapeFor(entry: Plain): number {
    const type = entry.type as string;
    const last = lastShapeOfType.get(type);
    if (last !== undefined && fits(shapes[last]!, entry)) return last;
    let signature = type;
    for (const key in entry) {
      if (key === 'tMs' || key === 'type') continue;
      signature += `|${key}:${kindOf(entry[key])}`;
    }
    let id = shapeBySignature.get(signature);
    if (id === undefined) {
      const keys = Object.keys(entry).filter((k) => k !== 'tMs' && k !== 'type');
      id = shapes.length;
      shapes.push({ type, keys, kinds: keys.map((k) => kindOf(entry[k])) });
      shapeBySignature.set(signature, id);
    }
    lastShapeOfType.set(type, id);
    return id;
  }

  function stringId(s: string): number {
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  }

  function decode(index: number): T {
    const shape = shapes[shapeOf[index]!]!;
    let at = starts[index]!;
    const data = values.data;
    const out: Plain = { tMs: data[at++], type: shape.type };
    for (let k = 0; k < shape.keys.length; k++) {
      const kind = shape.kinds[k]!;
      const key = shape.keys[k]!;
      if (kind === NUMBER) out[key] = data[at++];
      else if (kind === NULL) out[key] = null;
      else if (kind === LIST) out[key] = lists.get(data[at++]!);
      else if (kind === STRING) out[key] = strings[data[at++]!];
      else if (kind === BOOLEAN) out[key] = data[at++] === 1;
      else out[key] = undefined;
    }
    return out as T;
  }

  function makeUpTo(n: number): void {
    for (let i = made.length; i < n; i++) made.push(decode(i));
  }

  return {
    view() {
      makeUpTo(length);
      if (length === made.length) return made;
      view ??= made.slice(0, length);
      return view;
    },
    known() {
      makeUpTo(kept);
      return made;
    },
    get length() {
      return length;
    },
    get kept() {
      return kept;
    },
    push(event) {
      // Replaying after a rewind writes the same entries again (the run is
      // deterministic): only the count moves.
      if (length < kept) {
        length++;
        view = null;
        return;
      }
      const entry = event as unknown as Plain;
      const shape = shapeFor(entry);
      if (kept === starts.length) {
        const s = new Uint32Array(kept * 2);
        s.set(starts);
        starts = s;
        const t = new Uint16Array(kept * 2);
        t.set(shapeOf);
        shapeOf = t;
      }
      starts[kept] = values.length;
      shapeOf[kept] = shape;
      values.push(event.tMs);
      const { keys, kinds } = shapes[shape]!;
      for (let k = 0; k < keys.length; k++) {
        const value = entry[keys[k]!];
        const kind = kinds[k]!;
        if (kind === NUMBER) values.push(value as number);
        else if (kind === LIST) values.push(lists.intern(value as number[]));
        else if (kind === STRING) values.push(stringId(value as string));
        else if (kind === BOOLEAN) values.push(value ? 1 : 0);
      }
      kept++;
      length++;
      view = null;
    },
    rewind(to) {
      length = to;
      view = null;
    },
    dropHidden() {
      kept = length;
      if (made.length > length) made.length = length;
      values.length = length === 0 ? 0 : lastValueEnd(length);
      view = null;
    },
  };

  // Where the values of the entry after `n − 1` would start.
  function lastValueEnd(n: number): number {
    const shape = shapes[shapeOf[n - 1]!]!;
    let count = 1;
    for (const kind of shape.kinds) if (kind !== NULL && kind !== UNDEFINED) count++;
    return starts[n - 1]! + count;
  }
}
