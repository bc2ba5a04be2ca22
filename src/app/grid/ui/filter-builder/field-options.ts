import { isFilterable } from '../../model/columns';
import type { ColumnDef, ColumnOrigin, ResourceDefinition } from '../../model/definition';

/** The fields a condition can be on, grouped by origin for the field menu. */
export interface FieldGroup {
  readonly origin: ColumnOrigin;
  readonly label: string;
  readonly fields: readonly ColumnDef[];
}

const ORDER: readonly ColumnOrigin[] = ['raw', 'computed', 'options'];

export function fieldGroups(definition: ResourceDefinition): FieldGroup[] {
  return ORDER.map((origin) => ({
    origin,
    label: definition.labels.origins[origin] ?? `grid.origins.${origin}`,
    fields: definition.columns.filter((column) => column.origin === origin && isFilterable(column)),
  })).filter((group) => group.fields.length > 0);
}

/** Keys of the resource's string map seen in the loaded rows and in the user's custom columns. */
export function customKeySuggestions(
  definition: ResourceDefinition,
  rows: readonly unknown[],
  customColumns: readonly string[],
): string[] {
  const keys = new Set(customColumns);
  if (definition.custom)
    for (const row of rows) for (const key of definition.custom.keys(row)) keys.add(key);
  return [...keys].sort((a, b) => a.localeCompare(b));
}
