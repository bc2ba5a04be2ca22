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
 * Numbers, dates and durations share one ordering: EQUAL 0, NOT_EQUAL 1, then "less" (LESS_THAN,
 * BEFORE, SHORTER_THAN) 2, "less or equal" 3, "greater or equal" 4, "greater" 5.
 */
const ORDERED_OPERATORS: readonly OperatorSpec[] = [
  { key: 'eq', proto: 0 },
  { key: 'ne', proto: 1 },
  { key: 'lt', proto: 2 },
  { key: 'le', proto: 3 },
  { key: 'ge', proto: 4 },
  { key: 'gt', proto: 5 },
];

/**
 * Every operator the API offers per type, in menu order, with the API enum value
 * (`Filter<Kind>Operator`) each maps to. The numbers are the wire values of armonik-api.md.
 */
export const OPERATORS: Readonly<Record<FilterType, readonly OperatorSpec[]>> = {
  // FilterStringOperator: EQUAL 0, NOT_EQUAL 1, CONTAINS 2, NOT_CONTAINS 3, STARTS_WITH 4, ENDS_WITH 5
  string: [
    { key: 'eq', proto: 0 },
    { key: 'ne', proto: 1 },
    { key: 'has', proto: 2 },
    { key: 'nhas', proto: 3 },
    { key: 'sw', proto: 4 },
    { key: 'ew', proto: 5 },
  ],
  // FilterNumberOperator: EQUAL 0, NOT_EQUAL 1, LESS_THAN 2, LESS_THAN_OR_EQUAL 3, GREATER_THAN_OR_EQUAL 4, GREATER_THAN 5
  number: ORDERED_OPERATORS,
  // FilterDateOperator: EQUAL 0, NOT_EQUAL 1, BEFORE 2, BEFORE_OR_EQUAL 3, AFTER_OR_EQUAL 4, AFTER 5
  date: ORDERED_OPERATORS,
  // FilterArrayOperator: CONTAINS 0, NOT_CONTAINS 1
  array: [
    { key: 'has', proto: 0 },
    { key: 'nhas', proto: 1 },
  ],
  // FilterStatusOperator: EQUAL 0, NOT_EQUAL 1 (several statuses expand into OR groups / AND conditions)
  status: [
    { key: 'eq', proto: 0 },
    { key: 'ne', proto: 1 },
  ],
  // FilterBooleanOperator: IS 0
  boolean: [{ key: 'eq', proto: 0 }],
  // FilterDurationOperator: EQUAL 0, NOT_EQUAL 1, SHORTER_THAN 2, SHORTER_THAN_OR_EQUAL 3, LONGER_THAN_OR_EQUAL 4, LONGER_THAN 5
  duration: ORDERED_OPERATORS,
};

export interface OperatorSpec {
  readonly key: OperatorKey;
  readonly proto: number;
}

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
  return type === 'string' ? 'has' : OPERATORS[type][0]!.key;
}
