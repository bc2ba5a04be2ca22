import {
  type FilterArray,
  type FilterBoolean,
  type FilterDate,
  type FilterDuration,
  type FilterNumber,
  FilterStatusOperator,
  type FilterString,
  FilterStringOperator,
} from '../../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import { durationToMs, timestampToMs } from '../proto-time';
import { DEFAULT_LIMITS, LIMIT_FLAGS, overLimit } from '../limits';
import {
  type FieldRefMessage,
  type FieldSpec,
  type FieldTable,
  type IdRef,
  type ValueKind,
  invalid,
} from './field-spec';
import {
  arrayTest,
  booleanTest,
  dateTest,
  durationTest,
  numberTest,
  statusTest,
  stringTest,
} from './operators';

/** The wire shape shared by every resource's Filters / FiltersAnd / FilterField messages. */
export interface FiltersMessage {
  readonly or: readonly { readonly and: readonly FilterFieldMessage[] }[];
}

export interface FilterFieldMessage {
  readonly field?: FieldRefMessage | undefined;
  readonly valueCondition: { readonly case: string | undefined; readonly value?: unknown };
}

type Leaf<T> = Pick<T, 'value' & keyof T> & Pick<T, 'operator' & keyof T>;

/**
 * A condition's leaf filter by oneof case. Every resource's FilterField has this shape (a status
 * leaf carries the resource's own status enum, a number here); specs pass plain objects.
 */
export type LeafCondition =
  | { readonly case: 'filterString'; readonly value: Leaf<FilterString> }
  | { readonly case: 'filterNumber'; readonly value: Leaf<FilterNumber> }
  | { readonly case: 'filterBoolean'; readonly value: Leaf<FilterBoolean> }
  | {
      readonly case: 'filterStatus';
      readonly value: { readonly value: number; readonly operator: FilterStatusOperator };
    }
  | { readonly case: 'filterDate'; readonly value: Leaf<FilterDate> }
  | { readonly case: 'filterDuration'; readonly value: Leaf<FilterDuration> }
  | { readonly case: 'filterArray'; readonly value: Leaf<FilterArray> };

type Row = (row: number) => boolean;

export interface CompiledCondition {
  readonly spec: FieldSpec;
  /** The leaf filter as received, for index planning (plan.ts). */
  readonly leaf: LeafCondition;
  readonly test: Row;
  /** A string NOT_EQUAL: several on one column in a group become one set lookup. */
  readonly notEqual?: NotEqual;
}

interface NotEqual {
  readonly column: string;
  readonly probe: (row: number) => number | string;
  readonly value: number | string;
}

interface Built {
  readonly test: Row;
  readonly notEqual?: NotEqual;
}

/** Below this many NOT_EQUAL on one column, separate comparisons beat a set lookup. */
const MERGE_AT = 3;

export interface CompiledFilter {
  /** OR of AND-groups; no group = everything matches; an empty group matches everything. */
  readonly groups: readonly (readonly CompiledCondition[])[];
  readonly test: Row;
  /**
   * The number of live rows that match, when a count kept by the store answers it (the filter
   * is one EQUAL on a column with `countOf`): a walk that has its page can then stop.
   */
  readonly total?: () => number;
}

/** Which leaf member each kind takes, for error messages. */
const EXPECTED_LEAF: Readonly<Record<ValueKind, string>> = {
  string: 'filter_string',
  number: 'filter_number',
  boolean: 'filter_boolean',
  status: 'filter_status',
  date: 'filter_date',
  duration: 'filter_duration',
  array: 'filter_array',
  opaque: 'no filter',
};

const WIRE_NAME: Readonly<Record<string, string>> = {
  filterString: 'filter_string',
  filterNumber: 'filter_number',
  filterBoolean: 'filter_boolean',
  filterStatus: 'filter_status',
  filterDate: 'filter_date',
  filterDuration: 'filter_duration',
  filterArray: 'filter_array',
};

/**
 * Compiles a request's Filters into one row predicate, validating every condition up front:
 * an unknown column, an empty value oneof, a leaf that does not fit the column's kind or an
 * undefined operator is INVALID_ARGUMENT (ArmoniK.Core answers UNKNOWN; a clear message helps
 * clients more). Absent filters mean "match all" (CountTasksByStatus, event streams).
 */
export function compileFilter(
  table: FieldTable,
  filters: FiltersMessage | undefined,
  path = 'filters',
  maxConditions = DEFAULT_LIMITS.maxFilterConditions,
): CompiledFilter {
  let count = 0;
  for (const group of filters?.or ?? []) count += group.and.length;
  if (count > maxConditions) {
    throw overLimit(
      `${path} has ${count} conditions; the limit is ${maxConditions} ` +
        `(--${LIMIT_FLAGS.maxFilterConditions}).`,
    );
  }
  const getters = new Map<FieldSpec, FieldSpec>();
  const groups = (filters?.or ?? []).map((group, g) =>
    group.and.map((condition, c) =>
      compileCondition(table, condition, `${path}.or[${g}].and[${c}]`, getters),
    ),
  );
  if (groups.length === 0) return { groups, test: () => true };
  const groupTests = groups.map(andTest);
  const test: Row =
    groupTests.length === 1
      ? groupTests[0]!
      : (row) => {
          for (const t of groupTests) if (t(row)) return true;
          return false;
        };
  const total = countedTotal(groups);
  return total ? { groups, test, total } : { groups, test };
}

/** `total` of a filter that is exactly one status EQUAL on a column the store counts. */
function countedTotal(
  groups: readonly (readonly CompiledCondition[])[],
): (() => number) | undefined {
  const only = groups.length === 1 && groups[0]!.length === 1 ? groups[0]![0] : undefined;
  const countOf = only?.spec.countOf;
  if (!only || !countOf || only.leaf.case !== 'filterStatus') return undefined;
  if (only.leaf.value.operator !== FilterStatusOperator.EQUAL) return undefined;
  const value = only.leaf.value.value;
  return () => countOf(value);
}

function andTest(conditions: readonly CompiledCondition[]): Row {
  const tests = mergeNotEqual(conditions);
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [Row, Row];
    return (row) => a(row) && b(row);
  }
  return (row) => {
    for (const t of tests) if (!t(row)) return false;
    return true;
  };
}

/**
 * "Task ID is not X" ×100 (a console link with many exclusion chips) costs one set lookup per
 * row instead of 100 comparisons.
 */
function mergeNotEqual(conditions: readonly CompiledCondition[]): Row[] {
  const byColumn = new Map<string, NotEqual[]>();
  for (const c of conditions) {
    if (!c.notEqual) continue;
    const list = byColumn.get(c.notEqual.column) ?? [];
    list.push(c.notEqual);
    byColumn.set(c.notEqual.column, list);
  }
  const tests: Row[] = [];
  for (const c of conditions) {
    const merged = c.notEqual ? byColumn.get(c.notEqual.column)! : undefined;
    if (!merged || merged.length < MERGE_AT) tests.push(c.test);
  }
  for (const list of byColumn.values()) {
    if (list.length < MERGE_AT) continue;
    const excluded = new Set(list.map((n) => n.value));
    const probe = list[0]!.probe;
    tests.push((row) => !excluded.has(probe(row)));
  }
  return tests;
}

function compileCondition(
  table: FieldTable,
  condition: FilterFieldMessage,
  where: string,
  getters: Map<FieldSpec, FieldSpec>,
): CompiledCondition {
  const spec = memoized(table.resolve(condition.field, where), getters);
  // The one place the wire shape is trusted to be a LeafCondition (see its comment).
  const leaf = condition.valueCondition as LeafCondition | { case: undefined };
  if (leaf.case === undefined) {
    throw invalid(
      `${where}: filter on ${spec.label} has no value condition (set one filter_* member).`,
    );
  }
  const { test, notEqual } = buildTest(spec, leaf, where);
  return { spec, leaf, test, notEqual };
}

/** The value of a filter_string EQUAL condition (the ones indexes answer), else undefined. */
export function stringEquality(condition: CompiledCondition): string | undefined {
  const { leaf } = condition;
  return leaf.case === 'filterString' && leaf.value.operator === FilterStringOperator.EQUAL
    ? leaf.value.value
    : undefined;
}

/**
 * An id column's text is encoded per row (about a microsecond): conditions of one request on
 * the same id column share one encoding per row (the last row's id is kept).
 */
function memoized(spec: FieldSpec, getters: Map<FieldSpec, FieldSpec>): FieldSpec {
  if (!spec.idRef || spec.kind !== 'string') return spec;
  const known = getters.get(spec);
  if (known) return known;
  const get = spec.get;
  let lastRow = -1;
  let last = '';
  const copy: FieldSpec = {
    ...spec,
    get: (row) => {
      if (row !== lastRow) {
        last = get(row);
        lastRow = row;
      }
      return last;
    },
  };
  getters.set(spec, copy);
  return copy;
}

/** EQUAL / NOT_EQUAL on an id column: the value is decoded once and rows compare as numbers. */
function idTest(idRef: IdRef, op: FilterStringOperator, expected: string): Built | undefined {
  if (op !== FilterStringOperator.EQUAL && op !== FilterStringOperator.NOT_EQUAL) return undefined;
  const { rowOf } = idRef;
  // '' is the text of "no row" (e.g. CREATED_BY of a client-submitted task); an id that
  // decodes to nothing matches no row (-2 is never a row, nor "none").
  const target = expected === '' ? -1 : (idRef.decode(expected) ?? -2);
  const probe = (row: number) => {
    const r = rowOf(row);
    return r < 0 ? -1 : r;
  };
  if (op === FilterStringOperator.EQUAL) return { test: (row) => probe(row) === target };
  return {
    test: (row) => probe(row) !== target,
    notEqual: { column: 'id', probe, value: target },
  };
}

/**
 * CONTAINS / NOT_CONTAINS / STARTS_WITH / ENDS_WITH on a computed id column ("Task ID contains
 * abc", the tasks grid's quick search): the id is written as bytes into one buffer per
 * condition and searched there, so scanning 5 million rows allocates no string.
 */
function idBytesTest(idRef: IdRef, op: FilterStringOperator, expected: string): Built | undefined {
  const { rowOf, encodeInto } = idRef;
  if (!encodeInto) return undefined;
  const onEmpty = stringTest(op, expected);
  if (!onEmpty || op === FilterStringOperator.EQUAL || op === FilterStringOperator.NOT_EQUAL)
    return undefined;
  const needle = Uint8Array.from(expected, (c) => c.charCodeAt(0));
  const ascii = [...expected].every((c) => c.charCodeAt(0) < 0x80);
  const buffer = new Uint8Array(ID_CHARS);
  const emptyResult = onEmpty('');
  const found = (at: number) => {
    for (let j = 0; j < needle.length; j++) if (buffer[at + j] !== needle[j]) return false;
    return true;
  };
  const search = (): boolean => {
    if (!ascii || needle.length > ID_CHARS) return false;
    switch (op) {
      case FilterStringOperator.STARTS_WITH:
        return found(0);
      case FilterStringOperator.ENDS_WITH:
        return found(ID_CHARS - needle.length);
      default:
        for (let at = 0; at + needle.length <= ID_CHARS; at++) if (found(at)) return true;
        return false;
    }
  };
  const negate = op === FilterStringOperator.NOT_CONTAINS;
  return {
    test: (row) => {
      const target = rowOf(row);
      if (target < 0) return emptyResult;
      encodeInto(target, buffer);
      return search() !== negate;
    },
  };
}

const ID_CHARS = 36;

function buildTest(spec: FieldSpec, leaf: LeafCondition, where: string): Built {
  const built = buildRowTest(spec, leaf, where);
  return typeof built === 'function' ? { test: built } : built;
}

function buildRowTest(spec: FieldSpec, leaf: LeafCondition, where: string): Row | Built {
  const leafCase = leaf.case;
  const op = leaf.value.operator;
  const fail = (): never => {
    throw invalid(
      `${where}: ${spec.label} is a ${spec.kind} column and takes ${EXPECTED_LEAF[spec.kind]}, ` +
        `not ${WIRE_NAME[leafCase] ?? leafCase}.`,
    );
  };
  const unknownOperator = (): never => {
    throw invalid(
      `${where}: operator ${op} is not defined for ${WIRE_NAME[leafCase] ?? leafCase}.`,
    );
  };
  switch (spec.kind) {
    case 'string': {
      if (leaf.case !== 'filterString') return fail();
      const op = leaf.value.operator;
      const expected = leaf.value.value;
      const byRow = spec.idRef
        ? (idTest(spec.idRef, op, expected) ?? idBytesTest(spec.idRef, op, expected))
        : undefined;
      if (byRow)
        return { ...byRow, notEqual: byRow.notEqual && { ...byRow.notEqual, column: spec.label } };
      const t = stringTest(op, expected) ?? unknownOperator();
      const get = spec.get;
      const test: Row = (row) => t(get(row));
      return op === FilterStringOperator.NOT_EQUAL
        ? { test, notEqual: { column: spec.label, probe: get, value: expected } }
        : test;
    }
    case 'number': {
      if (leaf.case !== 'filterNumber') return fail();
      const t = numberTest(leaf.value.operator, Number(leaf.value.value)) ?? unknownOperator();
      const get = spec.get;
      return (row) => t(get(row));
    }
    case 'status': {
      if (leaf.case !== 'filterStatus') return fail();
      const t = statusTest(leaf.value.operator, leaf.value.value) ?? unknownOperator();
      const get = spec.get;
      return (row) => t(get(row));
    }
    case 'date': {
      if (leaf.case !== 'filterDate') return fail();
      const ts = leaf.value.value;
      if (!ts) throw invalid(`${where}: filter_date on ${spec.label} has no value.`);
      const t = dateTest(leaf.value.operator, timestampToMs(ts)) ?? unknownOperator();
      const get = spec.get;
      return (row) => t(get(row));
    }
    case 'duration': {
      if (leaf.case !== 'filterDuration') return fail();
      const d = leaf.value.value;
      if (!d) throw invalid(`${where}: filter_duration on ${spec.label} has no value.`);
      const t = durationTest(leaf.value.operator, durationToMs(d)) ?? unknownOperator();
      const get = spec.get;
      return (row) => t(get(row));
    }
    case 'boolean': {
      const get = spec.get;
      if (leaf.case === 'filterBoolean') {
        const t = booleanTest(leaf.value.operator, leaf.value.value) ?? unknownOperator();
        return (row) => t(get(row));
      }
      // The results package has no filter_boolean member, so MANUAL_DELETION (and any boolean
      // column) also takes filter_string EQUAL / NOT_EQUAL "true" or "false".
      if (leaf.case === 'filterString') {
        const op = leaf.value.operator;
        const text = leaf.value.value;
        if (text !== 'true' && text !== 'false') {
          throw invalid(
            `${where}: ${spec.label} is a boolean column; a filter_string on it must be "true" or "false".`,
          );
        }
        const expected = text === 'true';
        if (op === FilterStringOperator.EQUAL) return (row) => get(row) === expected;
        if (op === FilterStringOperator.NOT_EQUAL) return (row) => get(row) !== expected;
        throw invalid(
          `${where}: ${spec.label} is a boolean column; only EQUAL and NOT_EQUAL apply.`,
        );
      }
      return fail();
    }
    case 'array': {
      if (leaf.case !== 'filterArray') return fail();
      const t = arrayTest(leaf.value.operator, leaf.value.value) ?? unknownOperator();
      const get = spec.get;
      return (row) => t(get(row));
    }
    case 'opaque':
      throw invalid(`${where}: ${spec.label} cannot be filtered (it is not a scalar column).`);
  }
}
