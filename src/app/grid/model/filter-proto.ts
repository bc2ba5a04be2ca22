import { SortDirection } from '../../../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import type { FilterFieldInit, FiltersInit, ProtoField, SortSpec, StatusSet } from './definition';
import {
  CONDITION_CASE,
  type Condition,
  type FilterGroup,
  type FilterType,
  type GridFilters,
  OPERATORS,
  type OperatorSpec,
} from './filter-types';
import { type ScalarValue, type ValueError, parseScalar, parseStatuses } from './filter-values';

/** What the mapping needs to know of a filter field: where it is on the server and its type. */
export interface FilterField {
  readonly field: ProtoField;
  readonly type: FilterType;
  readonly statuses?: StatusSet;
}

export type FieldResolver = (fieldKey: string) => FilterField | undefined;

/** Why a condition cannot be sent. */
export type ConditionError = ValueError | 'field' | 'operator';

export interface ConditionProblem {
  readonly group: number;
  readonly index: number;
  readonly error: ConditionError;
}

export type FiltersResult =
  | { readonly ok: true; readonly filters: FiltersInit }
  | { readonly ok: false; readonly problems: readonly ConditionProblem[] };

/**
 * A condition checked against its field, its values parsed: what the wire mapping trusts. Only
 * `checkCondition` makes one, so a view decoded from the URL is parsed once and never again.
 */
export interface CheckedCondition {
  readonly field: FilterField;
  readonly operator: OperatorSpec;
  /** Each alternative's parsed value: statuses (OR for `eq`, AND for `ne`), or one scalar. */
  readonly values: readonly (number | ScalarValue)[];
}

export type CheckedGroup = readonly CheckedCondition[];

/** Checks one condition against its field and parses its values, or says why it cannot be sent. */
export function checkCondition(
  condition: Condition,
  resolve: FieldResolver,
): CheckedCondition | ConditionError {
  const field = resolve(condition.field);
  if (!field) return 'field';
  const operator = OPERATORS[field.type].find((spec) => spec.key === condition.op);
  if (!operator) return 'operator';
  if (field.type === 'status') {
    const parsed = parseStatuses(condition.values, field.statuses);
    return parsed.ok ? { field, operator, values: parsed.value } : parsed.error;
  }
  const [text] = condition.values;
  if (condition.values.length !== 1 || text === undefined) return 'required';
  const parsed = parseScalar(field.type, text);
  return parsed.ok ? { field, operator, values: [parsed.value] } : parsed.error;
}

/** Checks one condition against its field; undefined when it can be sent. */
export function conditionError(
  condition: Condition,
  resolve: FieldResolver,
): ConditionError | undefined {
  const checked = checkCondition(condition, resolve);
  return typeof checked === 'string' ? checked : undefined;
}

export type CheckedGroups =
  | { readonly ok: true; readonly groups: readonly CheckedGroup[] }
  | { readonly ok: false; readonly problems: readonly ConditionProblem[] };

/** Every condition of a set of groups checked once: all of them, or every problem by position. */
export function checkGroups(groups: readonly FilterGroup[], resolve: FieldResolver): CheckedGroups {
  const problems: ConditionProblem[] = [];
  const checked = groups.map((group, g) =>
    group.flatMap((condition, index) => {
      const result = checkCondition(condition, resolve);
      if (typeof result !== 'string') return [result];
      problems.push({ group: g, index, error: result });
      return [];
    }),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, groups: checked };
}

/** Every problem of a set of groups, by position. */
export function filterProblems(
  groups: readonly FilterGroup[],
  resolve: FieldResolver,
): ConditionProblem[] {
  const checked = checkGroups(groups, resolve);
  return checked.ok ? [] : [...checked.problems];
}

/** The conditions the quick controls add to every group (search, then statuses). */
export function quickConditions(
  filters: GridFilters,
  quick: { readonly searchField?: string; readonly statusField?: string },
): Condition[] {
  const shared: Condition[] = [];
  if (quick.searchField && filters.search.trim() !== '')
    shared.push({ field: quick.searchField, op: 'has', values: [filters.search.trim()] });
  if (quick.statusField && filters.statuses.length > 0)
    shared.push({ field: quick.statusField, op: 'eq', values: filters.statuses });
  return shared;
}

/**
 * The quick controls are conditions shared by every group: (shared) AND (g1 OR g2 …), distributed
 * as (shared AND g1) OR (shared AND g2) … An empty builder group would match everything; it is
 * dropped, and if all are empty only the shared conditions remain.
 */
export function distributeShared<C>(
  shared: readonly C[],
  groups: readonly (readonly C[])[],
): C[][] {
  const nonEmpty = groups.filter((group) => group.length > 0);
  if (nonEmpty.length === 0) return shared.length > 0 ? [[...shared]] : [];
  return nonEmpty.map((group) => [...shared, ...group]);
}

export function effectiveGroups(
  filters: GridFilters,
  quick: { readonly searchField?: string; readonly statusField?: string },
): FilterGroup[] {
  return distributeShared(quickConditions(filters, quick), filters.groups);
}

/**
 * One checked condition → the alternatives it stands for, each a list of API conditions:
 * "status is Running or Paused" → [[Running], [Paused]] (OR);
 * "status is not Running nor Paused" → [[≠Running, ≠Paused]] (AND); anything else → [[itself]].
 */
function mapCondition({ field, operator, values }: CheckedCondition): FilterFieldInit[][] {
  const make = (value: number | ScalarValue): FilterFieldInit => ({
    field: { field: field.field },
    valueCondition: {
      case: CONDITION_CASE[field.type],
      value: { value, operator: operator.proto },
    },
  });
  const each = values.map(make);
  if (field.type !== 'status') return [each];
  return operator.key === 'eq' ? each.map((one) => [one]) : [each];
}

/** Cartesian product of each condition's alternatives: one API AND-group per combination. */
function expandGroup(alternatives: readonly FilterFieldInit[][][]): FilterFieldInit[][] {
  return alternatives.reduce<FilterFieldInit[][]>(
    (partials, choices) =>
      partials.flatMap((partial) => choices.map((choice) => [...partial, ...choice])),
    [[]],
  );
}

/** Checked groups → the API's `Filters` init, without checking again. No groups → `{ or: [] }`. */
export function protoFiltersOf(groups: readonly CheckedGroup[]): FiltersInit {
  if (groups.some((group) => group.length === 0)) return { or: [] };
  return {
    or: groups
      .map((group) => group.map(mapCondition))
      .flatMap(expandGroup)
      .map((and) => ({ and })),
  };
}

/**
 * The filter model → the API's `Filters` init, checking each condition once on the way. Never
 * lets an invalid condition through: the result says which ones are wrong instead.
 */
export function toProtoFilters(
  groups: readonly FilterGroup[],
  resolve: FieldResolver,
): FiltersResult {
  const checked = checkGroups(groups, resolve);
  return checked.ok ? { ok: true, filters: protoFiltersOf(checked.groups) } : checked;
}

/** The generated `SortDirection` of each direction of the model. */
export const SORT_DIRECTION = { asc: SortDirection.ASC, desc: SortDirection.DESC } as const;

export function toProtoSort(
  sort: SortSpec,
  field: ProtoField,
): { readonly field: { readonly field: ProtoField }; readonly direction: number } {
  return { field: { field }, direction: SORT_DIRECTION[sort.direction] };
}
