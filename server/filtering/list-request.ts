import { SortDirection } from '../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import type { FieldRefMessage } from './field-spec';
import { invalid } from './field-spec';
import { DEFAULT_LIMITS, LIMIT_FLAGS } from '../limits';

/** What every List* request has in common. */
export interface ListRequestShape {
  readonly page: number;
  readonly pageSize: number;
  readonly filters?: unknown;
  readonly sort?: { readonly direction: SortDirection } | undefined;
}

/**
 * ArmoniK.Core's List* validators: page ≥ 0, page_size ≥ 0, filters present, sort present with
 * a direction and a field. Failures are INVALID_ARGUMENT with one line per property,
 * `Property <X> failed validation.` (FluentValidation's wording, which the console shows).
 * `sortFields` are the sort's column references (one, or several for applications).
 */
export function validateListRequest(
  request: ListRequestShape,
  sortFields: readonly (FieldRefMessage | undefined)[],
  sortFieldProperty = 'Sort.Field',
  maxPageSize = DEFAULT_LIMITS.maxPageSize,
): void {
  const failed: string[] = [];
  if (!(request.page >= 0)) failed.push('Page');
  if (!(request.pageSize >= 0)) failed.push('PageSize');
  else if (request.pageSize > maxPageSize) {
    // Core has no maximum; ours keeps one call's work and reply bounded.
    failed.push(
      `PageSize failed validation: page_size ${request.pageSize} is above the maximum of ` +
        `${maxPageSize} (--${LIMIT_FLAGS.maxPageSize}); page through the rows instead.`,
    );
  }
  if (request.filters === undefined) failed.push('Filters');
  if (request.sort === undefined) {
    failed.push('Sort');
  } else {
    if (
      request.sort.direction !== SortDirection.ASC &&
      request.sort.direction !== SortDirection.DESC
    )
      failed.push('Sort.Direction');
    if (sortFields.length === 0 || sortFields.some((f) => f?.field.case === undefined))
      failed.push(sortFieldProperty);
  }
  if (failed.length > 0)
    throw invalid(
      failed
        .map((p) => (p.includes(' ') ? `Property ${p}` : `Property ${p} failed validation.`))
        .join('\n'),
    );
}
