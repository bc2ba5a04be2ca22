import { type CompiledFilter, stringEquality } from './compile-filter';
import type { IndexName } from './field-spec';
import { type Pacer, UNPACED, pacedLoop } from './pacer';

/** Which rows a query must look at: every row, or the union of a few index lists. */
export type Candidates =
  | { readonly kind: 'all'; readonly count: number }
  | { readonly kind: 'rows'; readonly rows: ArrayLike<number> };

/** Rows an index holds for a value; undefined when the resource has no such index. */
export type IndexResolver = (index: IndexName, value: string) => ArrayLike<number> | undefined;

const PREFERENCE: readonly IndexName[] = ['self', 'session'];

/**
 * Narrows the scan using indexes: if every AND-group pins an indexed column with EQUAL (e.g.
 * task SESSION_ID = x, or TASK_ID = y), only those rows are candidates; the full predicate is
 * still applied to each. One group without such a condition means a full scan.
 */
export function planCandidates(
  filter: CompiledFilter,
  count: number,
  resolve: IndexResolver,
): Candidates {
  if (filter.groups.length === 0) return { kind: 'all', count };
  const sources = new Map<string, ArrayLike<number>>();
  for (const group of filter.groups) {
    let found = false;
    for (const index of PREFERENCE) {
      const value = group
        .filter((c) => c.spec.index === index)
        .map(stringEquality)
        .find((v) => v !== undefined);
      if (value === undefined) continue;
      const key = `${index}\u0000${value}`;
      const rows = sources.get(key) ?? resolve(index, value);
      if (rows === undefined) continue;
      sources.set(key, rows);
      found = true;
      break;
    }
    if (!found) return { kind: 'all', count };
  }
  const lists = [...sources.values()];
  if (lists.length === 1) return { kind: 'rows', rows: lists[0]! };
  // Several sources may overlap (a task id inside a pinned session): merge without duplicates.
  let total = 0;
  for (const list of lists) total += list.length;
  const merged = new Int32Array(total);
  let offset = 0;
  for (const list of lists) {
    merged.set(list, offset);
    offset += list.length;
  }
  merged.sort();
  let unique = 0;
  for (let i = 0; i < merged.length; i++)
    if (i === 0 || merged[i] !== merged[i - 1]) merged[unique++] = merged[i]!;
  return { kind: 'rows', rows: merged.subarray(0, unique) };
}

/** Visits candidate rows that are live and match the filter, pausing between blocks of rows. */
export async function forEachMatch(
  candidates: Candidates,
  isLive: (row: number) => boolean,
  filter: CompiledFilter,
  visit: (row: number) => void,
  pacer: Pacer = UNPACED,
): Promise<void> {
  const test = filter.test;
  if (candidates.kind === 'all') {
    await pacedLoop(0, candidates.count, pacer, (row) => {
      if (isLive(row) && test(row)) visit(row);
    });
  } else {
    const rows = candidates.rows;
    await pacedLoop(0, rows.length, pacer, (i) => {
      const row = rows[i]!;
      if (isLive(row) && test(row)) visit(row);
    });
  }
}
