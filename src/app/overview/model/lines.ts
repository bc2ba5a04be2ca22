import type { CountGroup } from '../../grid/model/counts';
import { type FieldResolver, conditionError } from '../../grid/model/filter-proto';
import type { FilterGroup } from '../../grid/model/filter-types';
import { decodeGroup, encodeGroup } from '../../grid/model/url-codec';
import { DEFAULT_TASK_COUNT_GROUPS } from '../../tasks';
import type { LinesContext } from './overview-preferences';

/** The status groups a line can show: the tasks grid's own default count groups. */
export const LINE_GROUPS: readonly CountGroup[] = DEFAULT_TASK_COUNT_GROUPS;
export const DEFAULT_LINE_GROUPS = LINE_GROUPS.map((group) => group.id);

/** A line's filter as conditions; an empty filter is every task. Throws when unreadable. */
export function lineConditions(filter: string): FilterGroup {
  return filter === '' ? [] : decodeGroup(filter);
}

export function lineFilter(conditions: FilterGroup): string {
  return encodeGroup(conditions);
}

/** Line validation against the tasks grid's filter fields (the same checks as its URL). */
export function linesContext(resolve: FieldResolver): LinesContext {
  return {
    groupIds: DEFAULT_LINE_GROUPS,
    filterProblem: (filter) => {
      let conditions: FilterGroup;
      try {
        conditions = decodeGroup(filter);
      } catch {
        return 'unreadable';
      }
      for (const condition of conditions) {
        const error = conditionError(condition, resolve);
        if (error) return `${condition.field}: ${error}`;
      }
      return undefined;
    },
  };
}
