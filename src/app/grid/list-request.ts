import { type ProviderToken, inject } from '@angular/core';

import type { ListPage, ListRequest } from './model/definition';

/** What the engine sends: its request's four fields (the schema checks them, see below). */
type ListInit = ReturnType<typeof listRequestInit>;

/** A client's List method, as the engine calls it. */
type ListCall = (
  init: ListInit,
  options: { signal: AbortSignal },
) => Promise<{ readonly total: number }>;

/** The row type of a client's List method: the items of `rowsKey` in its response. */
export type RowsOf<C, M extends keyof C, K extends string> = C[M] extends (
  ...args: never[]
) => Promise<infer R>
  ? R extends { readonly [key in K]: readonly (infer T)[] }
    ? T
    : never
  : never;

/** The four fields every `List<Resource>Request` shares. */
interface ListRequestFields {
  page?: unknown;
  pageSize?: unknown;
  filters?: unknown;
  sort?: unknown;
}

/**
 * The engine's request as the init of a resource's `List…Request`. The engine builds filters and
 * sort as plain Protobuf-ES inits whose oneof cases it cannot type (it never names a resource);
 * the schema checks them when the message is made. A definition may name the request type, e.g.
 * `listRequestInit<MessageInitShape<typeof ListTasksRequestSchema>>(request)`.
 */
export function listRequestInit<Init extends ListRequestFields = ListRequestFields>(
  request: ListRequest,
): Pick<Init, 'page' | 'pageSize' | 'filters' | 'sort'> {
  return {
    page: request.page,
    pageSize: request.pageSize,
    filters: request.filters,
    sort: request.sort,
  };
}

/**
 * A definition's `list`: a List method of an injected client (`'listTasks'`), where its rows are
 * in the response (`'tasks'`), and fields to add to or replace in every request
 * (`{ withErrors: true }`, or a function of the request).
 */
export function listVia<
  C extends Readonly<Record<M, ListCall>>,
  M extends string,
  K extends string,
>(
  token: ProviderToken<C>,
  method: M,
  rowsKey: K,
  extra: Readonly<Record<string, unknown>> | ((request: ListRequest) => object) = {},
): () => ListPage<RowsOf<C, M, K>> {
  return () => {
    const client = inject(token);
    return async (request, signal) => {
      const call: ListCall = client[method].bind(client);
      const more = typeof extra === 'function' ? extra(request) : extra;
      const response = (await call({ ...listRequestInit(request), ...more }, { signal })) as {
        readonly total: number;
      } & Readonly<Record<K, readonly RowsOf<C, M, K>[]>>;
      return { rows: response[rowsKey], total: response.total };
    };
  };
}
