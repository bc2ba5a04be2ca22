import type { Type } from '@angular/core';

import type { CountGroup, StatusCountLike } from './counts';
import type { FilterType } from './filter-types';
import type { FieldCase } from './proto-field';
import type { StatusSet } from './status-set';

export type { FieldCase } from './proto-field';
export type { StatusLook, StatusSet } from './status-set';

/**
 * A resource described as data. One `ResourceDefinition` drives the generic grid page, its
 * filter builder, URL codec, column chooser, preferences and auto-refresh; the engine itself
 * never names a resource. Adding a column is one entry in `columns`.
 */
export interface ResourceDefinition<T = unknown> {
  /** Stable id: localStorage namespace, settings-file section, default route. */
  readonly id: string;
  /** i18n keys of the page's words. */
  readonly labels: ResourceLabels;
  /** The row's identity (selection, tracking, per-row counts). */
  readonly rowId: (row: T) => string;
  /**
   * What makes a row "different" between two refreshes (e.g. its status): a change briefly
   * highlights the row and invalidates its settled per-row counts.
   */
  readonly changeKey: (row: T) => string;
  readonly columns: readonly ColumnDef<T>[];
  /** Column keys shown by default, in order. */
  readonly defaultColumns: readonly string[];
  readonly defaultSort: SortSpec;
  /** How to list one page. Called once in an injection context; the result is called per request. */
  readonly list: () => ListPage<T>;
  /** User-defined columns by a key of a string map (ArmoniK's `options.options`). */
  readonly custom?: CustomColumnsSpec<T>;
  /** Per-row counts (e.g. tasks by status), fetched only for rows on screen. */
  readonly counts?: CountsSpec<T>;
  /** One-click filters above the table. */
  readonly quick?: QuickFiltersSpec;
  /** Cell renderers that replace the engine's default ones, by value kind. */
  readonly renderers?: Partial<Record<ValueKind, Type<unknown>>>;
  /** Row checkboxes and "select all matching" (for bulk actions); default true. */
  readonly selectable?: boolean;
  /**
   * Columns kept in view while the rest scrolls sideways (the row's identity, its status), when
   * they lead the shown columns; the selection and actions columns are always kept.
   */
  readonly pinned?: readonly string[];
}

export interface ResourceLabels {
  /** Page heading and the table's accessible name. */
  readonly title: string;
  /** "Select session {{id}}": the row checkbox. */
  readonly selectRow: string;
  /** "Select all sessions on this page". */
  readonly selectPage: string;
  /** "Actions for session {{id}}": the row menu button (rendered by the page's slot). */
  readonly rowActions: string;
  /** "No sessions match these filters". */
  readonly emptyFiltered: string;
  /** "No sessions yet". */
  readonly empty: string;
  /** "Could not load the sessions". */
  readonly loadError: string;
  /** "{{count}} sessions" (selection summaries). */
  readonly count: string;
  /** Names of the groups of columns in the chooser and filter builder, by origin. */
  readonly origins: Readonly<Partial<Record<ColumnOrigin, string>>>;
}

export type ValueKind =
  | 'link'
  | 'status'
  | 'date'
  | 'object'
  | 'boolean'
  | 'duration'
  | 'array'
  | 'counts'
  | 'string'
  | 'number'
  | 'bytes';

/** raw: a field of the resource; options: of its task options; custom: a user key; computed: derived in the browser. */
export type ColumnOrigin = 'raw' | 'options' | 'custom' | 'computed';

/**
 * The plain init of a resource's `<Resource>Field.field` oneof, exactly as Protobuf-ES takes it,
 * e.g. `{ case: 'sessionRawField', value: { field: SessionRawEnumField.CREATED_AT } }` or
 * `{ case: 'taskOptionGenericField', value: { field: 'team' } }`.
 */
export interface ProtoField {
  readonly case: FieldCase;
  readonly value: { readonly field: number | string };
}

/** Where a link goes: router commands plus query parameters. */
export interface LinkTarget {
  readonly commands: readonly unknown[];
  readonly queryParams?: Readonly<Record<string, string | readonly string[]>>;
}

export interface ColumnDef<T = unknown> {
  /** Stable id used in the URL, preferences and saved views. */
  readonly key: string;
  /** i18n key of the header. */
  readonly label: string;
  /** Literal header text instead of `label` (user-named custom columns). */
  readonly title?: string;
  readonly kind: ValueKind;
  readonly origin: ColumnOrigin;
  /**
   * The cell's value. `now` (ms) is only meaningful for `ticks` columns, whose cells are
   * re-evaluated every second without any call.
   */
  readonly value: (row: T, now: number) => unknown;
  readonly ticks?: boolean;
  /** The server field this column sorts and filters on; without it, neither is possible. */
  readonly field?: ProtoField;
  readonly sortable?: boolean;
  /** The filter editor and operators; absent = not filterable. */
  readonly filter?: FilterType;
  /** For `status` columns and filters. */
  readonly statuses?: StatusSet;
  /** For `link` columns: where the value leads. For `array` columns: where each item leads. */
  readonly link?: (row: T, item?: string) => LinkTarget | undefined;
  /**
   * For `object` columns: the key/value pairs to show, values formatted as text in `locale` (the
   * console's language: a duration among them reads as everywhere else).
   */
  readonly entries?: (row: T, locale: string) => readonly (readonly [string, string])[];
  /** i18n key of a hint shown in the filter builder (e.g. what a computed field filters on). */
  readonly filterHint?: string;
}

export interface SortSpec {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

/** What the engine asks of a List RPC. Filters and sort are plain Protobuf-ES inits. */
export interface ListRequest {
  readonly page: number;
  readonly pageSize: number;
  readonly filters: FiltersInit;
  readonly sort: { readonly field: { readonly field: ProtoField }; readonly direction: number };
}

export interface ListResult<T> {
  readonly rows: readonly T[];
  readonly total: number;
}

export type ListPage<T> = (request: ListRequest, signal: AbortSignal) => Promise<ListResult<T>>;

/** `Filters { repeated FiltersAnd or }`, `FiltersAnd { repeated FilterField and }`. */
export interface FiltersInit {
  readonly or: readonly { readonly and: readonly FilterFieldInit[] }[];
}

export interface FilterFieldInit {
  readonly field: { readonly field: ProtoField };
  readonly valueCondition: { readonly case: string; readonly value: object };
}

export interface CustomColumnsSpec<T> {
  /** The server field of a custom key (filter and sort). */
  readonly field: (key: string) => ProtoField;
  readonly value: (row: T, key: string) => string | undefined;
  /** Keys present on a row: suggestions when adding a custom column or filter. */
  readonly keys: (row: T) => readonly string[];
}

export interface CountsSpec<T> {
  /** The counted statuses (e.g. task statuses), for labels, filter links and the group editor. */
  readonly statuses: StatusSet;
  readonly defaultGroups: readonly CountGroup[];
  /** Called once in an injection context; the result fetches one row's counts. */
  readonly fetch: () => (row: T, signal: AbortSignal) => Promise<readonly StatusCountLike[]>;
  /**
   * True when these counts can no longer change (e.g. the session ended and every task is
   * final): the row is not fetched again while its `changeKey` stays the same.
   */
  readonly settled: (row: T, counts: readonly StatusCountLike[]) => boolean;
  /** Where a group's number leads (e.g. the tasks grid filtered on the row and statuses). */
  readonly link: (row: T, statusKeys: readonly string[]) => LinkTarget;
}

export interface QuickFiltersSpec {
  /** A search box applying `contains` on this column. */
  readonly search?: { readonly column: string; readonly label: string };
  /** Status chips (one-click status filter) on this status column. */
  readonly status?: {
    readonly column: string;
    readonly label: string;
    /** Statuses offered as chips, by key. */
    readonly keys: readonly string[];
    /** Toggles that each select exactly these statuses ("Active only", "Finished only"). */
    readonly presets?: readonly { readonly label: string; readonly keys: readonly string[] }[];
  };
}
