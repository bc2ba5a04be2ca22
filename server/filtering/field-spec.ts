import { Code, ConnectError } from '@connectrpc/connect';

/**
 * How a column's values compare. Each kind accepts one family of leaf filters:
 * string → filter_string, number → filter_number, boolean → filter_boolean, status →
 * filter_status, date → filter_date, duration → filter_duration, array → filter_array.
 * `opaque` columns (session OPTIONS) can be sorted but not filtered.
 */
export type ValueKind =
  'string' | 'number' | 'boolean' | 'status' | 'date' | 'duration' | 'array' | 'opaque';

/** Shortcut lookups a column offers when filtered with EQUAL (see plan.ts). */
export type IndexName = 'session' | 'self';

interface SpecBase {
  /** Column name as the API spells it (e.g. SESSION_ID), for error messages. */
  readonly label: string;
  readonly index?: IndexName;
  /** Cheaper key with the same order as `get` (e.g. the numeric key of a GUID). */
  readonly sortKey?: (row: number) => number | string;
  /**
   * True while the sort key never decreases with the row index (sessions are appended as they
   * are created, so CREATED_AT follows row order): a sorted first page then walks rows from one
   * end and stops once the page is full (select-page.ts), instead of looking at every row's key.
   */
  readonly inRowOrder?: () => boolean;
  /**
   * Live rows whose value equals `value`, from a count the store keeps (session STATUS): a
   * filter that is just "this column = value" gets its total without a scan.
   */
  readonly countOf?: (value: number) => number;
  /**
   * The column shows the encoded id of a row (or '' for none): EQUAL / NOT_EQUAL then decode
   * the filter value once and compare row numbers, instead of encoding every row's id.
   */
  readonly idRef?: IdRef;
}

export interface IdRef {
  /** The row whose id the column shows; negative when none (the column reads ''). */
  readonly rowOf: (row: number) => number;
  /** The row an id names, undefined when it names none of this kind. */
  readonly decode: (id: string) => number | undefined;
  /** Writes the id of a (non-negative) `rowOf` result as 36 ASCII bytes, when ids are computed. */
  readonly encodeInto?: (target: number, out: Uint8Array) => void;
}

/** A column: its kind and a getter from row index to value. Dates and durations are ms, NaN = unset. */
export type FieldSpec =
  | (SpecBase & { readonly kind: 'string' | 'opaque'; readonly get: (row: number) => string })
  | (SpecBase & {
      readonly kind: 'number' | 'status' | 'date' | 'duration';
      readonly get: (row: number) => number;
    })
  | (SpecBase & { readonly kind: 'boolean'; readonly get: (row: number) => boolean })
  | (SpecBase & { readonly kind: 'array'; readonly get: (row: number) => readonly string[] });

/**
 * The wire shape shared by every resource's `<Resource>Field` message: a oneof whose member
 * wraps either an enum (`field: number`) or a generic option key (`field: string`).
 */
export interface FieldRefMessage {
  readonly field:
    | { readonly case: string; readonly value: { readonly field: number | string } }
    | { readonly case: undefined; readonly value?: undefined };
}

/** Where each oneof member of a `<Resource>Field` leads. */
export interface FieldTableDefinition {
  readonly resource: string;
  /** oneof member name → enum value → column. */
  readonly enums: Readonly<Record<string, FieldEnum>>;
  /** oneof member carrying a free key of TaskOptions.options, if the resource has one. */
  readonly generic?: { readonly member: string; readonly column: (key: string) => FieldSpec };
  /** Total order used to break ties, so that paging is stable. */
  readonly idKey: (row: number) => number | string;
}

export interface FieldEnum {
  /** Enum value → name (generated TS enums provide this reverse mapping). */
  readonly names: Readonly<Record<number, string>>;
  readonly columns: Readonly<Partial<Record<number, FieldSpec>>>;
}

export class FieldTable {
  constructor(readonly definition: FieldTableDefinition) {}

  get idKey(): (row: number) => number | string {
    return this.definition.idKey;
  }

  /** The column a field reference names; INVALID_ARGUMENT when it names none. */
  resolve(ref: FieldRefMessage | undefined, where: string): FieldSpec {
    const { resource, enums, generic } = this.definition;
    const member = ref?.field;
    if (!member || member.case === undefined) {
      throw invalid(
        `${where}: the ${resource} field is missing (no member of the field oneof is set).`,
      );
    }
    if (generic && member.case === generic.member) {
      return generic.column(String(member.value.field));
    }
    const table = enums[member.case];
    if (!table) throw invalid(`${where}: ${member.case} is not a ${resource} field.`);
    const value = Number(member.value.field);
    const column = table.columns[value];
    if (!column) {
      const name = table.names[value] ?? String(value);
      throw invalid(
        `${where}: ${resource} field ${name} cannot be used (unspecified or unknown column).`,
      );
    }
    return column;
  }
}

export function invalid(message: string): ConnectError {
  return new ConnectError(message, Code.InvalidArgument);
}
