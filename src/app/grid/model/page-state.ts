import type { ApiError } from '../../api/api-error';
import { sameValue } from './same-value';

/**
 * A request the console refused to send: a problem found here, which never reached the server.
 * It reads like the server's own refusal of such a request (same code, the reason as given), so
 * the page says the same thing either way; `local` tells them apart.
 */
export class LocalProblem {
  readonly local = true;
  readonly codeName = 'INVALID_ARGUMENT';
  constructor(readonly reason: string) {}
}

/** Why a load failed: the server's refusal, or a local problem that was never sent. */
export type PageError = ApiError | LocalProblem;

/** What one list load reports to the page. */
export type LoadEvent<T> =
  | { readonly type: 'loading'; readonly key: string }
  | {
      readonly type: 'loaded';
      readonly key: string;
      readonly rows: readonly T[];
      readonly total: number;
      readonly at: number;
    }
  | { readonly type: 'failed'; readonly key: string; readonly error: PageError };

export interface PageState<T> {
  readonly rows: readonly T[];
  readonly total: number;
  /** The request the rows answer; rows stay on screen while the next one loads. */
  readonly rowsKey?: string;
  readonly loading: boolean;
  /** The last load failed; rows (if any) are those of the same request, now stale. */
  readonly error?: PageError;
  readonly updatedAt?: number;
  /** Increments with each successful load: one refresh = one generation. */
  readonly generation: number;
  /** Rows whose change key differs from the previous load of the same request. */
  readonly changed: ReadonlySet<string>;
}

export const INITIAL_PAGE: PageState<never> = {
  rows: [],
  total: 0,
  loading: false,
  generation: 0,
  changed: new Set(),
};

export interface RowIdentity<T> {
  readonly rowId: (row: T) => string;
  readonly changeKey: (row: T) => string;
}

export function reducePage<T>(
  state: PageState<T>,
  event: LoadEvent<T>,
  identity: RowIdentity<T>,
): PageState<T> {
  switch (event.type) {
    case 'loading':
      return { ...state, loading: true };
    case 'loaded':
      return {
        // Only a refresh of the same view keeps rows and highlights: another page or filter
        // brings its own rows, and is not a "change".
        ...(state.rowsKey === event.key
          ? refreshed(state.rows, event.rows, identity)
          : { rows: event.rows, changed: new Set<string>() }),
        total: event.total,
        rowsKey: event.key,
        loading: false,
        updatedAt: event.at,
        generation: state.generation + 1,
      };
    case 'failed':
      // Rows of another request would look like answers to this one: drop them.
      return state.rowsKey === event.key
        ? { ...state, loading: false, error: event.error, changed: new Set() }
        : {
            ...state,
            rows: [],
            total: 0,
            rowsKey: undefined,
            loading: false,
            error: event.error,
            changed: new Set(),
          };
  }
}

/**
 * A refresh of the same view, in one pass over the previous rows:
 * - `rows`: the new rows, each one that did not change replaced by its previous object (`after`
 *   itself when none is kept). A table tracks rows by id but re-renders a row whose object is
 *   new, and a refresh decodes every row anew: without this, each refresh re-rendered every row
 *   in view, changed or not (and the CDK table, virtually scrolled, re-creates a recycled row on
 *   such a change: 150-220 ms of one task for a refresh of a 1,000-row page scrolled down).
 * - `changed`: the rows still on the page whose change key moved.
 */
export function refreshed<T>(
  before: readonly T[],
  after: readonly T[],
  { rowId, changeKey }: RowIdentity<T>,
): { readonly rows: readonly T[]; readonly changed: ReadonlySet<string> } {
  const previous = new Map(before.map((row) => [rowId(row), row]));
  const changed = new Set<string>();
  let kept = 0;
  const rows = after.map((row) => {
    const id = rowId(row);
    const old = previous.get(id);
    if (old === undefined) return row;
    if (sameValue(old, row)) {
      kept++;
      return old;
    }
    if (changeKey(old) !== changeKey(row)) changed.add(id);
    return row;
  });
  return { rows: kept === 0 ? after : rows, changed };
}
