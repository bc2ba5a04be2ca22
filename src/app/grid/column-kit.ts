import type {
  ColumnDef,
  ColumnOrigin,
  FieldCase,
  LinkTarget,
  ProtoField,
  StatusSet,
  ValueKind,
} from './model/definition';
import { type SecondsNanos, toMillis } from './model/duration';
import type { FilterType } from './model/filter-types';

/** What a kit's builders may add to or override in a column. */
export type ColumnExtra<T> = Partial<Omit<ColumnDef<T>, 'key' | 'value'>>;

/**
 * Builders for the columns of one `<Resource>Field` oneof case, so that a resource definition
 * reads as a table of one-liners: which key, which enum field, which getter. Every builder
 * follows the engine's value conventions (dates and durations in ms, numbers as `number`).
 *
 *   const raw = columnKit<ResultRaw>('resultRawField', 'raw', 'results.columns');
 *   raw.date('createdAt', ResultRawEnumField.CREATED_AT, (r) => r.createdAt)
 */
export function columnKit<T>(fieldCase: FieldCase, origin: ColumnOrigin, labelPrefix: string) {
  const field = (enumValue: number | string): ProtoField => ({
    case: fieldCase,
    value: { field: enumValue },
  });
  const make = (
    key: string,
    kind: ValueKind,
    value: (row: T, now: number) => unknown,
    enumValue: number | undefined,
    filter: FilterType | undefined,
    extra: ColumnExtra<T> = {},
  ): ColumnDef<T> => ({
    key,
    label: `${labelPrefix}.${key}`,
    kind,
    origin,
    value,
    ...(enumValue === undefined ? {} : { field: field(enumValue), sortable: true }),
    ...(enumValue === undefined || filter === undefined ? {} : { filter }),
    ...extra,
  });

  return {
    field,
    /** A string column; filterable and sortable when it has a server field. */
    string: (
      key: string,
      enumValue: number | undefined,
      get: (row: T) => string,
      extra?: ColumnExtra<T>,
    ) => make(key, 'string', get, enumValue, 'string', extra),
    /** An id that leads somewhere (its inspection page); nothing when empty. */
    link: (
      key: string,
      enumValue: number | undefined,
      get: (row: T) => string,
      to: (id: string) => LinkTarget,
      extra?: ColumnExtra<T>,
    ) =>
      make(key, 'link', get, enumValue, 'string', {
        link: (row) => {
          const id = get(row);
          return id === '' ? undefined : to(id);
        },
        ...extra,
      }),
    status: (
      key: string,
      enumValue: number,
      get: (row: T) => number,
      statuses: StatusSet,
      extra?: ColumnExtra<T>,
    ) => make(key, 'status', get, enumValue, 'status', { statuses, ...extra }),
    date: (
      key: string,
      enumValue: number | undefined,
      get: (row: T) => SecondsNanos | undefined,
      extra?: ColumnExtra<T>,
    ) => make(key, 'date', (row) => toMillis(get(row)), enumValue, 'date', extra),
    duration: (
      key: string,
      enumValue: number | undefined,
      get: (row: T) => SecondsNanos | undefined,
      extra?: ColumnExtra<T>,
    ) => make(key, 'duration', (row) => toMillis(get(row)), enumValue, 'duration', extra),
    /** An integer (int32 or int64); the API filters these with `FilterNumber`. */
    number: (
      key: string,
      enumValue: number | undefined,
      get: (row: T) => number | bigint,
      extra?: ColumnExtra<T>,
    ) => make(key, 'number', (row) => Number(get(row)), enumValue, 'number', extra),
    /** A size in bytes, shown in human units; filtered as a number of bytes. */
    bytes: (
      key: string,
      enumValue: number | undefined,
      get: (row: T) => number | bigint,
      extra?: ColumnExtra<T>,
    ) => make(key, 'bytes', (row) => Number(get(row)), enumValue, 'number', extra),
    boolean: (
      key: string,
      enumValue: number | undefined,
      get: (row: T) => boolean,
      extra?: ColumnExtra<T>,
    ) => make(key, 'boolean', get, enumValue, 'boolean', extra),
    /** A list of ids; `to` makes each item a link. Filterable with contains / not contains. */
    array: (
      key: string,
      enumValue: number | undefined,
      get: (row: T) => readonly string[],
      to?: (item: string) => LinkTarget,
      extra?: ColumnExtra<T>,
    ) =>
      make(key, 'array', get, enumValue, 'array', {
        ...(to ? { link: (_row: T, item?: string) => (item ? to(item) : undefined) } : {}),
        ...extra,
      }),
    /** Key/value pairs shown as a small table; values are text in the given locale. */
    object: (
      key: string,
      entries: (row: T, locale: string) => readonly (readonly [string, string])[],
      extra?: ColumnExtra<T>,
    ) =>
      // The value is only a fallback (cells and record views read `entries` in the console's language).
      make(key, 'object', (row) => Object.fromEntries(entries(row, 'en')), undefined, undefined, {
        entries,
        ...extra,
      }),
    /** The per-row counts of the definition's `counts` (e.g. tasks by status). */
    counts: (key: string, extra?: ColumnExtra<T>) =>
      make(key, 'counts', () => undefined, undefined, undefined, { origin: 'computed', ...extra }),
  };
}

export type ColumnKit<T> = ReturnType<typeof columnKit<T>>;

/** Router target of an inspection page: `/tasks/<id>`. */
export function pageOf(path: string): (id: string) => LinkTarget {
  return (id) => ({ commands: [path, id] });
}

/** A string map as sorted key/value entries (stable order for display). */
export function mapEntries(map: Readonly<Record<string, string>> | undefined): [string, string][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
}
