import { grown } from '../store/typed-array-growth';
import type { CompiledFilter } from './compile-filter';
import { type SortPlan, compareKeys } from './compile-sort';
import { type Pacer, UNPACED, pacedLoop } from './pacer';
import { type Candidates, forEachMatch } from './plan';
import { selectRange } from './range-select';

export interface PageResult {
  readonly rows: readonly number[];
  /** Rows matching the filter, over all pages. */
  readonly total: number;
}

/** Up to this many rows (page × size + size) are kept in a bounded heap instead of sorting everything. */
const HEAP_LIMIT = 50_000;

/**
 * Filters, counts, sorts and pages. A first page over millions of rows needs only the best k
 * rows, so a bounded max-heap takes them as the scan finds them (O(n log k), and no list of
 * every match); deep pages use a linear range selection (range-select.ts). Nothing ever sorts
 * all matching rows.
 */
export async function selectPage(
  candidates: Candidates,
  isLive: (row: number) => boolean,
  filter: CompiledFilter,
  sort: SortPlan,
  page: number,
  pageSize: number,
  pacer: Pacer = UNPACED,
): Promise<PageResult> {
  const offset = page * pageSize;
  const end = offset + pageSize;
  if (candidates.kind === 'all' && end <= HEAP_LIMIT && sort.inRowOrder())
    return selectInRowOrder(candidates.count, isLive, filter, sort, offset, end, pacer);
  if (end <= HEAP_LIMIT) {
    const top = topRows(end, sort);
    let total = 0;
    await forEachMatch(
      candidates,
      isLive,
      filter,
      (row) => {
        total++;
        top.offer(row);
      },
      pacer,
    );
    return { rows: top.sorted().slice(offset, end), total };
  }
  let matched = new Int32Array(candidates.kind === 'all' ? 1024 : candidates.rows.length);
  let total = 0;
  await forEachMatch(
    candidates,
    isLive,
    filter,
    (row) => {
      if (total === matched.length) matched = grown(matched, matched.length * 2);
      matched[total++] = row;
    },
    pacer,
  );
  if (pageSize === 0 || offset >= total) return { rows: [], total };
  const last = Math.min(end, total);
  const hits = matched.subarray(0, total);
  return {
    rows: await selectRange(
      hits,
      [...sort.keys, sort.idKey],
      sort.direction,
      offset,
      last - offset,
      pacer,
    ),
    total,
  };
}

/**
 * The plan for a sort key that follows row order (sessions by CREATED_AT): rows are walked from
 * the end the direction starts at; once `end` rows matched, only the rows tying with the last of
 * them can still belong to the page, so selection stops at the first key past it. The rest of
 * the walk only counts matches (the total), without reading a key or keeping a row — or is
 * skipped when the store counts the total (`filter.total`: sessions with status = X, the load
 * mix's ListSessions, which then reads a few hundred rows of 100,000).
 */
async function selectInRowOrder(
  count: number,
  isLive: (row: number) => boolean,
  filter: CompiledFilter,
  sort: SortPlan,
  offset: number,
  end: number,
  pacer: Pacer,
): Promise<PageResult> {
  const key = sort.keys[0] ?? sort.idKey;
  const test = filter.test;
  const fromEnd = sort.direction < 0;
  const picked: number[] = [];
  let boundary: number | string | undefined;
  let selecting = end > 0;
  let total = 0;
  const visit = (i: number): void => {
    const row = fromEnd ? count - 1 - i : i;
    if (!isLive(row) || !test(row)) return;
    total++;
    if (!selecting) return;
    if (boundary === undefined) {
      picked.push(row);
      if (picked.length === end) boundary = key(row);
      return;
    }
    if (compareKeys(key(row), boundary) === 0) picked.push(row);
    else selecting = false;
  };
  // With a total the store counts (filter.total), the walk ends with the page.
  const counted = filter.total !== undefined;
  await pacedLoop(0, count, pacer, (i) => {
    if (counted && !selecting) return false;
    visit(i);
    return true;
  });
  return {
    rows: sortedRows(picked, picked.map(key), sort).slice(offset, end),
    total: filter.total ? filter.total() : total,
  };
}

/**
 * The k first rows in sort order, via a max-heap of size k fed one row at a time (a scan offers
 * its matches as it finds them, so millions of matches are never collected first). The first
 * sort key of each heap entry is cached, so most rows are rejected after computing one key and
 * one comparison.
 */
export function topRows(
  k: number,
  sort: Omit<SortPlan, 'inRowOrder'>,
): { offer(row: number): void; sorted(): number[] } {
  const first = sort.keys[0] ?? sort.idKey;
  const dir = sort.direction;
  const heap: number[] = [];
  const keys: (number | string)[] = [];
  // > 0 when entry i sorts after entry j.
  const after = (i: number, j: number): boolean => {
    const c = dir * compareKeys(keys[i]!, keys[j]!);
    return c !== 0 ? c > 0 : sort.compare(heap[i]!, heap[j]!) > 0;
  };
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  };
  const siftUp = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!after(i, parent)) return;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < heap.length && after(l, largest)) largest = l;
      if (r < heap.length && after(r, largest)) largest = r;
      if (largest === i) return;
      swap(i, largest);
      i = largest;
    }
  };
  return {
    offer(row) {
      if (k <= 0) return;
      const key = first(row);
      if (heap.length < k) {
        heap.push(row);
        keys.push(key);
        siftUp(heap.length - 1);
        return;
      }
      const c = dir * compareKeys(key, keys[0]!);
      if (c < 0 || (c === 0 && sort.compare(row, heap[0]!) < 0)) {
        heap[0] = row;
        keys[0] = key;
        siftDown(0);
      }
    },
    sorted: () => sortedRows(heap, keys, sort),
  };
}

/**
 * `rows` in `sort` order, given each row's first key (`firstKeys[i]` of `rows[i]`): the keys are
 * read once per row, not twice per comparison — a date key is a heap number, so a comparison
 * that read keys allocated two per call (3 % of the load mix's allocation, bench section 5).
 * Ties on the first key fall back to the full comparison.
 */
function sortedRows(
  rows: readonly number[],
  firstKeys: readonly (number | string)[],
  sort: Pick<SortPlan, 'direction' | 'compare'>,
): number[] {
  const dir = sort.direction;
  const order = rows.map((_, i) => i);
  order.sort((i, j) => {
    const c = compareKeys(firstKeys[i]!, firstKeys[j]!);
    return c !== 0 ? dir * c : sort.compare(rows[i]!, rows[j]!);
  });
  return order.map((i) => rows[i]!);
}
