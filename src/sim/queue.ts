/**
 * A binary min-heap of timed items, ordered by time and then by insertion, so
 * that items due at the same moment run in the order they were scheduled.
 * Items are plain data: the heap's array can be copied into a checkpoint.
 */
export interface Timed {
  tMs: number;
  seq: number;
}

export interface Heap<T extends Timed> {
  items: T[];
  nextSeq: number;
}

export function createHeap<T extends Timed>(): Heap<T> {
  return { items: [], nextSeq: 0 };
}

function before(a: Timed, b: Timed): boolean {
  return a.tMs < b.tMs || (a.tMs === b.tMs && a.seq < b.seq);
}

export function heapPush<T extends Timed>(heap: Heap<T>, item: Omit<T, 'seq'>): void {
  const node = { ...item, seq: heap.nextSeq++ } as T;
  const items = heap.items;
  let i = items.push(node) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(node, items[parent]!)) break;
    items[i] = items[parent]!;
    i = parent;
  }
  items[i] = node;
}

export function heapPeek<T extends Timed>(heap: Heap<T>): T | undefined {
  return heap.items[0];
}

export function heapPop<T extends Timed>(heap: Heap<T>): T | undefined {
  const items = heap.items;
  const top = items[0];
  const last = items.pop();
  if (top === undefined || last === undefined || items.length === 0) return top;
  let i = 0;
  const n = items.length;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const child = right < n && before(items[right]!, items[left]!) ? right : left;
    if (!before(items[child]!, last)) break;
    items[i] = items[child]!;
    i = child;
  }
  items[i] = last;
  return top;
}
