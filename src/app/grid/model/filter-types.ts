import {
  FilterArrayOperator,
  FilterBooleanOperator,
  FilterDateOperator,
  FilterDurationOperator,
  FilterNumberOperator,
  FilterStatusOperator,
  FilterStringOperator,
} from '../../../../proto/gen/armonik/api/grpc/v1/filters_common_pb';

/**
 * The filter model the console edits, stores in the URL and maps to the API:
 * an OR of AND-groups of conditions, exactly the API's `Filters { or: [FiltersAnd { and }] }`,
 * except that a status condition may name several statuses ("is Running or Paused").
 */
export type FilterType = 'string' | 'number' | 'date' | 'boolean' | 'status' | 'array' | 'duration';

/** Operator tokens, short because they live in the URL. Their meaning depends on the type. */
export type OperatorKey = 'eq' | 'ne' | 'lt' | 'le' | 'ge' | 'gt' | 'has' | 'nhas' | 'sw' | 'ew';

export interface Condition {
  /** A column key (`createdAt`) or a custom key (`custom.team`). */
  readonly field: string;
  readonly op: OperatorKey;
  /**
   * Values as the user typed them (dates as ISO-8601 UTC). One value, except for status
   * conditions, which hold one or more status keys.
   */
  readonly values: readonly string[];
}

/** All conditions must match. */
export type FilterGroup = readonly Condition[];

/** What the page filters on: quick controls plus the builder's groups. */
export interface GridFilters {
  /** Quick search text (contains on the definition's search column); '' = none. */
  readonly search: string;
  /** Quick status chips (status keys); empty = none. */
  readonly statuses: readonly string[];
  /** The builder's OR of AND-groups; empty = everything. */
  readonly groups: readonly FilterGroup[];
}

export const NO_FILTERS: GridFilters = { search: '', statuses: [], groups: [] };

/**
 * Numbers, dates and durations share one ordering of operator keys: equal, not equal, then "less"
 * (LESS_THAN, BEFORE, SHORTER_THAN), "less or equal", "greater or equal", "greater". Each type maps
 * them onto its own generated enum.
 */
function ordered(
  eq: number,
  ne: number,
  lt: number,
  le: number,
  ge: number,
  gt: number,
): OperatorList {
  return [
    { key: 'eq', proto: eq },
    { key: 'ne', proto: ne },
    { key: 'lt', proto: lt },
    { key: 'le', proto: le },
    { key: 'ge', proto: ge },
    { key: 'gt', proto: gt },
  ];
}

/**
 * Every operator the API offers per type, in menu order, with the value of the generated
 * `Filter<Kind>Operator` enum each maps to (the wire value).
 */
export const OPERATORS: Readonly<Record<FilterType, OperatorList>> = {
  string: [
    { key: 'eq', proto: FilterStringOperator.EQUAL },
    { key: 'ne', proto: FilterStringOperator.NOT_EQUAL },
    { key: 'has', proto: FilterStringOperator.CONTAINS },
    { key: 'nhas', proto: FilterStringOperator.NOT_CONTAINS },
    { key: 'sw', proto: FilterStringOperator.STARTS_WITH },
    { key: 'ew', proto: FilterStringOperator.ENDS_WITH },
  ],
  number: ordered(
    FilterNumberOperator.EQUAL,
    FilterNumberOperator.NOT_EQUAL,
    FilterNumberOperator.LESS_THAN,
    FilterNumberOperator.LESS_THAN_OR_EQUAL,
    FilterNumberOperator.GREATER_THAN_OR_EQUAL,
    FilterNumberOperator.GREATER_THAN,
  ),
  date: ordered(
    FilterDateOperator.EQUAL,
    FilterDateOperator.NOT_EQUAL,
    FilterDateOperator.BEFORE,
    FilterDateOperator.BEFORE_OR_EQUAL,
    FilterDateOperator.AFTER_OR_EQUAL,
    FilterDateOperator.AFTER,
  ),
  array: [
    { key: 'has', proto: FilterArrayOperator.CONTAINS },
    { key: 'nhas', proto: FilterArrayOperator.NOT_CONTAINS },
  ],
  // Several statuses expand into OR groups (is) / AND conditions (is not).
  status: [
    { key: 'eq', proto: FilterStatusOperator.EQUAL },
    { key: 'ne', proto: FilterStatusOperator.NOT_EQUAL },
  ],
  boolean: [{ key: 'eq', proto: FilterBooleanOperator.IS }],
  duration: ordered(
    FilterDurationOperator.EQUAL,
    FilterDurationOperator.NOT_EQUAL,
    FilterDurationOperator.SHORTER_THAN,
    FilterDurationOperator.SHORTER_THAN_OR_EQUAL,
    FilterDurationOperator.LONGER_THAN_OR_EQUAL,
    FilterDurationOperator.LONGER_THAN,
  ),
};

export interface OperatorSpec {
  readonly key: OperatorKey;
  readonly proto: number;
}

/** Every type offers at least one operator: the first is the one a new condition starts with. */
type OperatorList = readonly [OperatorSpec, ...OperatorSpec[]];

/** The `FilterField.value_condition` oneof case of each type (same names in every package). */
export const CONDITION_CASE: Readonly<Record<FilterType, string>> = {
  string: 'filterString',
  number: 'filterNumber',
  date: 'filterDate',
  boolean: 'filterBoolean',
  status: 'filterStatus',
  array: 'filterArray',
  duration: 'filterDuration',
};

export function operatorsFor(type: FilterType): readonly OperatorSpec[] {
  return OPERATORS[type];
}

export function isOperatorOf(type: FilterType, op: string): op is OperatorKey {
  return OPERATORS[type].some((spec) => spec.key === op);
}

/** The operator a new condition starts with. */
export function defaultOperator(type: FilterType): OperatorKey {
  return type === 'string' ? 'has' : OPERATORS[type][0].key;
}
