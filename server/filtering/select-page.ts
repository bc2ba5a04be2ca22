import { grown } from '../store/columns';
import type { CompiledFilter } from './compile-filter';
import type { SortPlan } from './compile-sort';
import { compareKeys } from './compile-sort';
import { type Candidates, forEachMatch } from './plan';

export interface PageResult {
  readonly rows: readonly number[];
  /** Rows matching the filter, over all pages. */
  readonly total: number;
}

/** Up to this many rows (page × size + size) are kept in a bounded heap instead of sorting everything. */
const HEAP_LIMIT = 50_000;

/**
 * Filters, counts, sorts and pages. A first page over millions of rows needs only the best k
 * rows, so a bounded max-heap selects them in one pass (O(n log k)); deep pages fall back to a
 * full sort with precomputed keys.
 */
export function selectPage(
  candidates: Candidates,
  isLive: (row: number) => boolean,
  filter: CompiledFilter,
  sort: SortPlan,
  page: number,
  pageSize: number,
): PageResult {
  let matched = new Int32Array(candidates.kind === 'all' ? 1024 : candidates.rows.length);
  let total = 0;
  forEachMatch(candidates, isLive, filter, (row) => {
    if (total === matched.length) matched = grown(matched, matched.length * 2, 0);
    matched[total++] = row;
  });
  const offset = page * pageSize;
  if (pageSize === 0 || offset >= total) return { rows: [], total };
  const end = Math.min(offset + pageSize, total);
  const hits = matched.subarray(0, total);
  const ordered = end <= HEAP_LIMIT && end < total / 2 ? smallest(hits, end, sort.compare) : sortAll(hits, sort);
  return { rows: ordered.slice(offset, end), total };
}

/** The k first rows in comparator order, via a max-heap of size k. */
export function smallest(rows: ArrayLike<number>, k: number, compare: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  const siftUp = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i]!, heap[parent]!) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < heap.length && compare(heap[l]!, heap[largest]!) > 0) largest = l;
      if (r < heap.length && compare(heap[r]!, heap[largest]!) > 0) largest = r;
      if (largest === i) return;
      [heap[i], heap[largest]] = [heap[largest]!, heap[i]!];
      i = largest;
    }
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (heap.length < k) {
      heap.push(row);
      siftUp(heap.length - 1);
    } else if (compare(row, heap[0]!) < 0) {
      heap[0] = row;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}

/** Full sort; keys are computed once per row rather than once per comparison. */
function sortAll(rows: Int32Array, sort: SortPlan): number[] {
  const n = rows.length;
  const keyColumns = [...sort.keys, sort.idKey].map((key) => {
    const column: (number | string)[] = new Array(n);
    for (let i = 0; i < n; i++) column[i] = key(rows[i]!);
    return column;
  });
  const positions = new Uint32Array(n);
  for (let i = 0; i < n; i++) positions[i] = i;
  const dir = sort.direction;
  positions.sort((a, b) => {
    for (const column of keyColumns) {
      const c = compareKeys(column[a]!, column[b]!);
      if (c !== 0) return dir * c;
    }
    return 0;
  });
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = rows[positions[i]!]!;
  return out;
}
