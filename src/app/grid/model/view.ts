import type { SortSpec } from './definition';
import { type GridFilters, NO_FILTERS } from './filter-types';

/** Everything the URL holds: the view a copied link reproduces. */
export interface GridView {
  readonly filters: GridFilters;
  readonly sort: SortSpec;
  /** 0-based (the URL shows it 1-based). */
  readonly page: number;
  readonly pageSize: number;
  /** Visible column keys, in order (custom ones as `custom.<key>`). */
  readonly columns: readonly string[];
}

// 500 and 1,000 stay light: the table renders only the rows in view (virtual scroll).
export const PAGE_SIZES = [10, 25, 50, 100, 500, 1000] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** The view a bare URL opens: the user's preferences over the definition's defaults. */
export function defaultView(defaults: {
  sort: SortSpec;
  columns: readonly string[];
  pageSize: number;
}): GridView {
  return {
    filters: NO_FILTERS,
    sort: defaults.sort,
    page: 0,
    pageSize: defaults.pageSize,
    columns: defaults.columns,
  };
}

export function hasFilters(filters: GridFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.statuses.length > 0 ||
    filters.groups.some((group) => group.length > 0)
  );
}
