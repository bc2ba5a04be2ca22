import type { LinkTarget } from './model/definition';
import type { FilterGroup } from './model/filter-types';
import { encodeGroup } from './model/url-codec';

/**
 * A link to a grid page filtered on one AND-group, in the grid's own URL form: what every
 * drill-down ("See tasks", a count cell, "Sessions using this partition") opens. Conditions name
 * the target grid's column keys.
 */
export function gridLink(path: string, group: FilterGroup): LinkTarget {
  return group.length > 0
    ? { commands: [path], queryParams: { f: encodeGroup(group) } }
    : { commands: [path] };
}

/** "column equals value"; nothing for an empty value, which the API cannot filter on. */
export function equals(column: string, value: string): FilterGroup {
  return value === '' ? [] : [{ field: column, op: 'eq', values: [value] }];
}

/** "array column contains value"; nothing for an empty value. */
export function contains(column: string, value: string): FilterGroup {
  return value === '' ? [] : [{ field: column, op: 'has', values: [value] }];
}
