import { SortDirection } from '../../../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import type { FilterFieldInit, FiltersInit, ProtoField, SortSpec, StatusSet } from './definition';
import {
  CONDITION_CASE,
  type Condition,
  type FilterGroup,
  type FilterType,
  type GridFilters,
  OPERATORS,
} from './filter-types';
import { type ValueError, parseScalar, parseStatuses, valueError } from './filter-values';

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

/** Checks one condition against its field; undefined when it can be sent. */
export function conditionError(
  condition: Condition,
  resolve: FieldResolver,
): ConditionError | undefined {
  const field = resolve(condition.field);
  if (!field) return 'field';
  if (!OPERATORS[field.type].some((spec) => spec.key === condition.op)) return 'operator';
  return valueError(field.type, condition.values, field.statuses);
}

/** Every problem of a set of groups, by position. */
export function filterProblems(
  groups: readonly FilterGroup[],
  resolve: FieldResolver,
): ConditionProblem[] {
  return groups.flatMap((group, g) =>
    group.flatMap((condition, index) => {
      const error = conditionError(condition, resolve);
      return error ? [{ group: g, index, error }] : [];
    }),
  );
}

/**
 * The quick controls are conditions shared by every group: (search AND statuses) AND (g1 OR g2 …),
 * distributed as (search AND statuses AND g1) OR (search AND statuses AND g2) …
 */
export function effectiveGroups(
  filters: GridFilters,
  quick: { readonly searchField?: string; readonly statusField?: string },
): FilterGroup[] {
  const shared: Condition[] = [];
  if (quick.searchField && filters.search.trim() !== '')
    shared.push({ field: quick.searchField, op: 'has', values: [filters.search.trim()] });
  if (quick.statusField && filters.statuses.length > 0)
    shared.push({ field: quick.statusField, op: 'eq', values: filters.statuses });
  const groups = filters.groups.filter((group) => group.length > 0);
  if (groups.length === 0) return shared.length > 0 ? [shared] : [];
  // An empty builder group would match everything; it was dropped above, and if all are empty
  // only the shared conditions remain.
  return groups.map((group) => [...shared, ...group]);
}

/**
 * One condition → the alternatives it stands for, each a list of API conditions, or why it cannot
 * be sent (the same checks as `conditionError`, each value parsed once):
 * "status is Running or Paused" → [[Running], [Paused]] (OR);
 * "status is not Running nor Paused" → [[≠Running, ≠Paused]] (AND); anything else → [[itself]].
 */
function mapCondition(
  condition: Condition,
  resolve: FieldResolver,
): FilterFieldInit[][] | ConditionError {
  const field = resolve(condition.field);
  if (!field) return 'field';
  const operator = OPERATORS[field.type].find((spec) => spec.key === condition.op);
  if (!operator) return 'operator';
  const make = (value: object): FilterFieldInit => ({
    field: { field: field.field },
    valueCondition: {
      case: CONDITION_CASE[field.type],
      value: { ...value, operator: operator.proto },
    },
  });
  if (field.type === 'status') {
    const parsed = parseStatuses(condition.values, field.statuses);
    if (!parsed.ok) return parsed.error;
    const each = parsed.value.map((value) => make({ value }));
    return condition.op === 'eq' ? each.map((one) => [one]) : [each];
  }
  if (condition.values.length !== 1) return 'required';
  const parsed = parseScalar(field.type, condition.values[0]);
  if (!parsed.ok) return parsed.error;
  return [[make({ value: parsed.value })]];
}

/** Cartesian product of each condition's alternatives: one API AND-group per combination. */
function expandGroup(alternatives: readonly FilterFieldInit[][][]): FilterFieldInit[][] {
  return alternatives.reduce<FilterFieldInit[][]>(
    (partials, choices) =>
      partials.flatMap((partial) => choices.map((choice) => [...partial, ...choice])),
    [[]],
  );
}

/**
 * The filter model → the API's `Filters` init, checking and mapping each condition in one pass.
 * Never lets an invalid condition through: the result says which ones are wrong instead. No
 * groups → `{ or: [] }` (everything).
 */
export function toProtoFilters(
  groups: readonly FilterGroup[],
  resolve: FieldResolver,
): FiltersResult {
  const problems: ConditionProblem[] = [];
  const mapped = groups.map((group, g) =>
    group.flatMap((condition, index) => {
      const result = mapCondition(condition, resolve);
      if (typeof result !== 'string') return [result];
      problems.push({ group: g, index, error: result });
      return [];
    }),
  );
  if (problems.length > 0) return { ok: false, problems };
  if (groups.some((group) => group.length === 0)) return { ok: true, filters: { or: [] } };
  return { ok: true, filters: { or: mapped.flatMap(expandGroup).map((and) => ({ and })) } };
}

/** The generated `SortDirection` of each direction of the model. */
export const SORT_DIRECTION = { asc: SortDirection.ASC, desc: SortDirection.DESC } as const;

export function toProtoSort(
  sort: SortSpec,
  field: ProtoField,
): { readonly field: { readonly field: ProtoField }; readonly direction: number } {
  return { field: { field }, direction: SORT_DIRECTION[sort.direction] };
}
