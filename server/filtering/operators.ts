import {
  FilterArrayOperator,
  FilterBooleanOperator,
  FilterDateOperator,
  FilterDurationOperator,
  FilterNumberOperator,
  FilterStatusOperator,
  FilterStringOperator,
} from '../../proto/gen/armonik/api/grpc/v1/filters_common_pb';

/**
 * One test per (value kind, operator). Each factory returns undefined for an operator value the
 * API does not define, which the compiler reports as INVALID_ARGUMENT.
 */
type Test<T> = (value: T) => boolean;

/** Case-sensitive, plain substring/prefix/suffix (no wildcards), like ArmoniK.Core. */
export function stringTest(op: FilterStringOperator, expected: string): Test<string> | undefined {
  switch (op) {
    case FilterStringOperator.EQUAL:
      return (v) => v === expected;
    case FilterStringOperator.NOT_EQUAL:
      return (v) => v !== expected;
    case FilterStringOperator.CONTAINS:
      return (v) => v.includes(expected);
    case FilterStringOperator.NOT_CONTAINS:
      return (v) => !v.includes(expected);
    case FilterStringOperator.STARTS_WITH:
      return (v) => v.startsWith(expected);
    case FilterStringOperator.ENDS_WITH:
      return (v) => v.endsWith(expected);
    default:
      return undefined;
  }
}

export function numberTest(op: FilterNumberOperator, expected: number): Test<number> | undefined {
  switch (op) {
    case FilterNumberOperator.EQUAL:
      return (v) => v === expected;
    case FilterNumberOperator.NOT_EQUAL:
      return (v) => v !== expected;
    case FilterNumberOperator.LESS_THAN:
      return (v) => v < expected;
    case FilterNumberOperator.LESS_THAN_OR_EQUAL:
      return (v) => v <= expected;
    case FilterNumberOperator.GREATER_THAN_OR_EQUAL:
      return (v) => v >= expected;
    case FilterNumberOperator.GREATER_THAN:
      return (v) => v > expected;
    default:
      return undefined;
  }
}

/**
 * Dates and durations are ms with NaN for "unset". An unset value never satisfies a comparison
 * and counts as different from any value, so only NOT_EQUAL matches it. Comparisons with NaN
 * are false in JS, which gives exactly that for every operator but NOT_EQUAL.
 */
function orderedTest(op: number, expected: number, ops: OrderedOps): Test<number> | undefined {
  switch (op) {
    case ops.equal:
      return (v) => v === expected;
    case ops.notEqual:
      return (v) => !(v === expected);
    case ops.less:
      return (v) => v < expected;
    case ops.lessOrEqual:
      return (v) => v <= expected;
    case ops.greaterOrEqual:
      return (v) => v >= expected;
    case ops.greater:
      return (v) => v > expected;
    default:
      return undefined;
  }
}

interface OrderedOps {
  equal: number;
  notEqual: number;
  less: number;
  lessOrEqual: number;
  greaterOrEqual: number;
  greater: number;
}

export function dateTest(op: FilterDateOperator, expectedMs: number): Test<number> | undefined {
  return orderedTest(op, expectedMs, {
    equal: FilterDateOperator.EQUAL,
    notEqual: FilterDateOperator.NOT_EQUAL,
    less: FilterDateOperator.BEFORE,
    lessOrEqual: FilterDateOperator.BEFORE_OR_EQUAL,
    greaterOrEqual: FilterDateOperator.AFTER_OR_EQUAL,
    greater: FilterDateOperator.AFTER,
  });
}

export function durationTest(
  op: FilterDurationOperator,
  expectedMs: number,
): Test<number> | undefined {
  return orderedTest(op, expectedMs, {
    equal: FilterDurationOperator.EQUAL,
    notEqual: FilterDurationOperator.NOT_EQUAL,
    less: FilterDurationOperator.SHORTER_THAN,
    lessOrEqual: FilterDurationOperator.SHORTER_THAN_OR_EQUAL,
    greaterOrEqual: FilterDurationOperator.LONGER_THAN_OR_EQUAL,
    greater: FilterDurationOperator.LONGER_THAN,
  });
}

export function booleanTest(
  op: FilterBooleanOperator,
  expected: boolean,
): Test<boolean> | undefined {
  return op === FilterBooleanOperator.IS ? (v) => v === expected : undefined;
}

export function statusTest(op: FilterStatusOperator, expected: number): Test<number> | undefined {
  switch (op) {
    case FilterStatusOperator.EQUAL:
      return (v) => v === expected;
    case FilterStatusOperator.NOT_EQUAL:
      return (v) => v !== expected;
    default:
      return undefined;
  }
}

/** CONTAINS = the list has an element equal to the value. */
export function arrayTest(
  op: FilterArrayOperator,
  element: string,
): Test<readonly string[]> | undefined {
  switch (op) {
    case FilterArrayOperator.CONTAINS:
      return (v) => v.includes(element);
    case FilterArrayOperator.NOT_CONTAINS:
      return (v) => !v.includes(element);
    default:
      return undefined;
  }
}
