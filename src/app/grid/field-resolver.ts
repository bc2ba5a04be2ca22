import { resolveColumn } from './model/columns';
import type { ResourceDefinition } from './model/definition';
import type { FieldResolver } from './model/filter-proto';

/**
 * The filter fields of a definition: its filterable columns and, when it has them, custom keys
 * (`custom.<key>`). What the URL codec, the filter builder and `toProtoFilters` resolve against.
 */
export function fieldResolver<T>(definition: ResourceDefinition<T>): FieldResolver {
  return (key) => {
    const column = resolveColumn(definition, key);
    return column?.field && column.filter
      ? { field: column.field, type: column.filter, statuses: column.statuses }
      : undefined;
  };
}
