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

/**
 * Room rendered beyond each side of the view: the next column is already drawn when an arrow
 * key or a short scroll brings it in, and a sideways scroll re-renders the rows only every few
 * columns.
 */
export const COLUMN_OVERSCAN = 320;

/**
 * The scrolling columns a row renders: `first` to `end` (exclusive) of them, the rest stood for
 * by a leading and a trailing spacer `lead` and `trail` px wide, so the table keeps its width
 * and the scrollbar its place. A 23-column page renders the ten or so in view, which is most of
 * the cost of a row scrolling in (bench section 7) and of the first view (section 2).
 */
export interface ColumnWindow {
  readonly first: number;
  readonly end: number;
  readonly lead: number;
  readonly trail: number;
}

/**
 * The window of `widths` (the scrolling columns, in order) seen through a viewport `view` px
 * wide scrolled `x` px sideways, the pinned columns taking `start` px at its left. A view of 0
 * (not measured yet, or no layout at all) renders every column.
 */
export function columnWindow(
  widths: readonly number[],
  x: number,
  view: number,
  start: number,
  overscan = COLUMN_OVERSCAN,
): ColumnWindow {
  const total = widths.reduce((sum, width) => sum + width, 0);
  if (view <= 0) return { first: 0, end: widths.length, lead: 0, trail: 0 };
  // In the table's coordinates: what the viewport shows right of the pinned columns, widened.
  const from = x + start - overscan;
  const to = x + view + overscan;
  let first = widths.length;
  let end = widths.length;
  let lead = total;
  let left = start;
  for (let i = 0; i < widths.length; i++) {
    const right = left + widths[i]!;
    if (first === widths.length && right > from) {
      first = i;
      lead = left - start;
    }
    if (left >= to) {
      end = i;
      break;
    }
    left = right;
  }
  end = Math.max(first, end);
  const shown = widths.slice(first, end).reduce((sum, width) => sum + width, 0);
  return { first, end, lead, trail: total - lead - shown };
}
