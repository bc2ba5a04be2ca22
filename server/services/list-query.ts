import type { CompiledFilter } from '../filtering/compile-filter';
import { type FiltersMessage, compileFilter } from '../filtering/compile-filter';
import { compileSort } from '../filtering/compile-sort';
import type { FieldRefMessage, FieldTable } from '../filtering/field-spec';
import { type ListRequestShape, validateListRequest } from '../filtering/list-request';
import { type Pacer, UNPACED, pacedMap } from '../filtering/pacer';
import { type IndexResolver, planCandidates } from '../filtering/plan';
import { type PageResult, selectPage } from '../filtering/select-page';
import { DEFAULT_LIMITS, type Limits } from '../limits';

export interface ListQuery {
  readonly request: ListRequestShape & { readonly filters?: FiltersMessage | undefined };
  readonly table: FieldTable;
  /** The sort's column(s): `[sort.field]`, or applications' `sort.fields`. */
  readonly sortFields: readonly (FieldRefMessage | undefined)[];
  readonly sortFieldProperty?: string;
  /** Rows are 0 … rowCount-1; `isLive` skips removed ones. */
  readonly rowCount: number;
  readonly isLive: (row: number) => boolean;
  readonly resolveIndex?: IndexResolver;
  readonly limits?: Limits;
}

/**
 * Every List* RPC: validate as ArmoniK.Core does (plus our page-size and filter bounds), then
 * filter, count, sort and page, pausing as the pacer says. Rows removed while the query was
 * paused are dropped from the page.
 */
export async function runListQuery(query: ListQuery, pacer: Pacer = UNPACED): Promise<PageResult> {
  const { request } = query;
  const limits = query.limits ?? DEFAULT_LIMITS;
  validateListRequest(request, query.sortFields, query.sortFieldProperty, limits.maxPageSize);
  const filter = compileFilter(query.table, request.filters, 'filters', limits.maxFilterConditions);
  const sort = compileSort(
    query.table,
    query.sortFields as FieldRefMessage[],
    request.sort!.direction,
  );
  const candidates = planCandidates(
    filter,
    query.rowCount,
    query.resolveIndex ?? (() => undefined),
  );
  const page = await selectPage(
    candidates,
    query.isLive,
    filter,
    sort,
    request.page,
    request.pageSize,
    pacer,
  );
  return { rows: page.rows.filter(query.isLive), total: page.total };
}

/**
 * The page's rows as messages, converted in paced blocks (a 10,000-row page is not free);
 * `convert` returns undefined for a row removed meanwhile, which is left out.
 */
export async function toMessages<T>(
  rows: readonly number[],
  pacer: Pacer,
  convert: (row: number) => T | undefined,
): Promise<T[]> {
  const out = await pacedMap(rows, pacer, convert);
  return out.filter((m): m is T => m !== undefined);
}

export type { CompiledFilter };
