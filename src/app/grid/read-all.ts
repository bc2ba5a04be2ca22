import { type Observable, EMPTY, expand, map, scan, takeWhile } from 'rxjs';

import { fromCall } from '../api/rx';
import type { ListPage, ListRequest } from './model/definition';

/** Rows read per List call when resolving "all N matching". */
export const READ_ALL_PAGE_SIZE = 1_000;

export interface ReadAllProgress<T> {
  readonly rows: readonly T[];
  /** Rows matching the filters, as the server counted them. */
  readonly total: number;
  readonly done: boolean;
}

/**
 * Turns "every row matching these filters" (a grid selection across pages) into the rows, page
 * by page, with the same filters and sort as the grid, so a bulk action applies to exactly what
 * the user selected. Emits the progress after each page; errors are ApiError, for the caller.
 */
export function readAllMatching<T>(
  list: ListPage<T>,
  request: Pick<ListRequest, 'filters' | 'sort'>,
  pageSize = READ_ALL_PAGE_SIZE,
): Observable<ReadAllProgress<T>> {
  const page = (index: number) =>
    fromCall((signal) => list({ ...request, page: index, pageSize }, signal)).pipe(
      map((result) => ({ index, result })),
    );
  const last = (index: number, rows: number, total: number) =>
    (index + 1) * pageSize >= total || rows === 0;
  return page(0).pipe(
    expand(({ index, result }) =>
      last(index, result.rows.length, result.total) ? EMPTY : page(index + 1),
    ),
    scan(
      (progress: ReadAllProgress<T>, { index, result }): ReadAllProgress<T> => ({
        rows: [...progress.rows, ...result.rows],
        total: result.total,
        done: last(index, result.rows.length, result.total),
      }),
      { rows: [], total: 0, done: false },
    ),
    takeWhile((progress) => !progress.done, true),
  );
}
