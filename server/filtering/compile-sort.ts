import { SortDirection } from '../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import type { FieldRefMessage, FieldSpec, FieldTable } from './field-spec';

export type SortKey = (row: number) => number | string;

export interface SortPlan {
  /** Sort keys, most significant first; the row's id is the implicit last key. */
  readonly keys: readonly SortKey[];
  readonly idKey: SortKey;
  /** +1 ascending, -1 descending (applies to the id tie-break too, so DESC is ASC reversed). */
  readonly direction: 1 | -1;
  readonly compare: (a: number, b: number) => number;
  /** Whether the first key currently follows row order (FieldSpec.inRowOrder). */
  readonly inRowOrder: () => boolean;
}

/** Unset dates/durations (NaN) sort before every value, like nulls in ArmoniK's databases. */
export function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return 0;
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
    if (Number.isNaN(b)) return 1;
    return a < b ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortKeyOf(spec: FieldSpec): SortKey {
  if (spec.sortKey) return spec.sortKey;
  switch (spec.kind) {
    case 'boolean': {
      const get = spec.get;
      return (row) => (get(row) ? 1 : 0);
    }
    case 'array': {
      const get = spec.get;
      return (row) => get(row).join('\u0000');
    }
    default:
      return spec.get;
  }
}

/** Compiles a sort on one or more columns (applications sort on several); validity of the request is checked before. */
export function compileSort(
  table: FieldTable,
  fields: readonly FieldRefMessage[],
  direction: SortDirection,
): SortPlan {
  const specs = fields.map((field, i) =>
    table.resolve(field, fields.length > 1 ? `sort.fields[${i}]` : 'sort.field'),
  );
  const keys = specs.map(sortKeyOf);
  const inRowOrder = specs[0]?.inRowOrder ?? (() => false);
  const idKey = table.idKey;
  const dir = direction === SortDirection.DESC ? -1 : 1;
  const compare = (a: number, b: number): number => {
    for (const key of keys) {
      const c = compareKeys(key(a), key(b));
      if (c !== 0) return dir * c;
    }
    return dir * compareKeys(idKey(a), idKey(b));
  };
  return { keys, idKey, direction: dir, compare, inRowOrder };
}
