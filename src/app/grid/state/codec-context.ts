import { fieldResolver } from '../field-resolver';
import { isSortable, resolveColumn } from '../model/columns';
import type { ResourceDefinition } from '../model/definition';
import type { PreferencesContext } from '../model/preferences';
import { type CodecContext, decodeView } from '../model/url-codec';
import { type GridView, defaultView } from '../model/view';

/** What the URL codec accepts for this resource, and what a bare URL shows. */
export function codecContextOf<T>(
  definition: ResourceDefinition<T>,
  defaults: GridView,
): CodecContext {
  return {
    resolveField: fieldResolver(definition),
    isColumn: (key) => resolveColumn(definition, key) !== undefined,
    isSortable: (key) => isSortable(resolveColumn(definition, key)),
    quickStatuses: definition.quick?.status?.keys,
    defaults,
  };
}

/** What preferences and saved views of this resource are checked against. */
export function preferencesContextOf<T>(definition: ResourceDefinition<T>): PreferencesContext {
  const codec = codecContextOf(
    definition,
    defaultView({ sort: definition.defaultSort, columns: definition.defaultColumns, pageSize: 25 }),
  );
  return {
    isColumn: codec.isColumn,
    countStatuses: definition.counts?.statuses.looks.map((look) => look.key),
    viewProblems: (params) => decodeView(params, codec).problems,
  };
}
