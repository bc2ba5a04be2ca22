import type { ColumnDef, ResourceDefinition } from './definition';

/** Custom columns and filter fields are keyed `custom.<options key>` in URLs and preferences. */
export const CUSTOM_PREFIX = 'custom.';

export function customKeyOf(columnKey: string): string | undefined {
  return columnKey.startsWith(CUSTOM_PREFIX) ? columnKey.slice(CUSTOM_PREFIX.length) : undefined;
}

export function customColumnKey(key: string): string {
  return CUSTOM_PREFIX + key;
}

/** A user-defined column on a key of the resource's string map: a string column that sorts and filters. */
export function customColumn<T>(
  definition: ResourceDefinition<T>,
  key: string,
): ColumnDef<T> | undefined {
  const custom = definition.custom;
  if (!custom || key === '') return undefined;
  return {
    key: customColumnKey(key),
    label: 'grid.columns.custom',
    title: key,
    kind: 'string',
    origin: 'custom',
    value: (row) => custom.value(row, key) ?? '',
    field: custom.field(key),
    sortable: true,
    filter: 'string',
  };
}

/** A column of the definition, or a custom column for `custom.<key>` when the resource has them. */
export function resolveColumn<T>(
  definition: ResourceDefinition<T>,
  columnKey: string,
): ColumnDef<T> | undefined {
  const custom = customKeyOf(columnKey);
  if (custom !== undefined) return customColumn(definition, custom);
  return definition.columns.find((column) => column.key === columnKey);
}

/** Known columns in the given order; unknown keys are dropped. */
export function resolveColumns<T>(
  definition: ResourceDefinition<T>,
  keys: readonly string[],
): ColumnDef<T>[] {
  return keys
    .map((key) => resolveColumn(definition, key))
    .filter((column): column is ColumnDef<T> => column !== undefined);
}

export function isSortable<T>(column: ColumnDef<T> | undefined): boolean {
  return !!column?.sortable && !!column.field;
}

export function isFilterable<T>(column: ColumnDef<T> | undefined): boolean {
  return !!column?.filter && !!column.field;
}

/** Moves one item of a list (column keys, count groups) to another position (drag-and-drop, keyboard reorder). */
export function moveKey<K>(keys: readonly K[], from: number, to: number): K[] {
  const next = [...keys];
  const moved = next[from]; // undefined outside the list, negative indexes included
  if (moved === undefined) return next;
  next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}
