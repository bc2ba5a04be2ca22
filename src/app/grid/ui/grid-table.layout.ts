import type { Density } from '../model/preferences';
import type { ColumnDef, ValueKind } from '../model/definition';

/**
 * Fixed geometry of the table. Rows have one height per density, so the virtual scroll can place
 * any row without measuring it; columns have one width per kind (or per header, if longer), so
 * nothing shifts when counts arrive or other rows scroll into view.
 */
export const ROW_HEIGHT: Readonly<Record<Density, number>> = { comfortable: 48, compact: 32 };
export const HEADER_HEIGHT: Readonly<Record<Density, number>> = { comfortable: 60, compact: 48 };

const KIND_WIDTH: Readonly<Record<ValueKind, number>> = {
  link: 350,
  array: 330,
  status: 150,
  date: 200,
  duration: 120,
  boolean: 100,
  number: 120,
  bytes: 110,
  string: 200,
  object: 140,
  counts: 0,
};
/** One chip of the counts cell (and its legend entry above it). */
export const COUNT_SLOT = 76;
export const SELECT_WIDTH = 48;
export const ACTIONS_WIDTH = 56;
/** Header text in title-small: about 8 px a character, plus padding and the sort arrow. */
const HEADER_CHAR = 8;
const HEADER_EXTRA = 44;

export function columnWidth(
  column: Pick<ColumnDef, 'kind'>,
  header: string,
  countGroups: number,
): number {
  const byKind =
    column.kind === 'counts' ? Math.max(1, countGroups) * COUNT_SLOT + 24 : KIND_WIDTH[column.kind];
  return Math.max(byKind, Math.min(320, header.length * HEADER_CHAR + HEADER_EXTRA));
}

/**
 * The columns kept in view while the rest scrolls sideways: the leading run of the definition's
 * pinned columns, in the user's order. A pinned column moved after an unpinned one scrolls, so a
 * pinned column never hides the columns before it.
 */
export function pinnedRun(shown: readonly string[], pinned: readonly string[] = []): Set<string> {
  const run = new Set<string>();
  for (const key of shown) {
    if (!pinned.includes(key)) break;
    run.add(key);
  }
  return run;
}
