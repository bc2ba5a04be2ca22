import type { CompiledFilter } from '../filtering/compile-filter';
import { type FiltersMessage, compileFilter } from '../filtering/compile-filter';
import { compileSort } from '../filtering/compile-sort';
import type { FieldRefMessage, FieldTable } from '../filtering/field-spec';
import { type ListRequestShape, validateListRequest } from '../filtering/list-request';
import { type IndexResolver, planCandidates } from '../filtering/plan';
import { type PageResult, selectPage } from '../filtering/select-page';

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
}

/** Every List* RPC: validate as ArmoniK.Core does, then filter, count, sort and page. */
export function runListQuery(query: ListQuery): PageResult {
  const { request } = query;
  validateListRequest(request, query.sortFields, query.sortFieldProperty);
  const filter = compileFilter(query.table, request.filters);
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
  return selectPage(candidates, query.isLive, filter, sort, request.page, request.pageSize);
}

export type { CompiledFilter };
