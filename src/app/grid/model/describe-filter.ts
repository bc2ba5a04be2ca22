import type { FilterField } from './filter-proto';
import type { Condition, GridFilters } from './filter-types';
import { parseDateTime } from './filter-values';

/** Where an active-filter chip comes from, i.e. what removing it clears. */
export type ChipSource =
  | { readonly kind: 'search' }
  | { readonly kind: 'statuses' }
  | { readonly kind: 'condition'; readonly group: number; readonly index: number };

export interface FilterChip {
  readonly id: string;
  readonly text: string;
  readonly source: ChipSource;
}

/**
 * Active filters in reading order: the quick controls (shared by every group) AND-ed together,
 * then the builder's groups: (a AND b) OR (c).
 */
export interface FilterChips {
  readonly shared: readonly FilterChip[];
  readonly groups: readonly (readonly FilterChip[])[];
}

/** How to put things in words in the active language. */
export interface Words {
  readonly t: (key: string, params?: Record<string, unknown>) => string;
  /** The field's name as the user sees it (column header or custom key). */
  readonly fieldName: (fieldKey: string) => string;
  readonly field: (fieldKey: string) => FilterField | undefined;
  /** A date as the user reads it (locale, time zone). */
  readonly date: (epochMs: number) => string;
}

/** One condition in plain words: "Status is Running or Paused", "team equals “risk”". */
export function describeCondition(condition: Condition, words: Words): string {
  const field = words.field(condition.field);
  const name = words.fieldName(condition.field);
  if (!field) return name;
  const op = words.t(`grid.operators.${field.type}.${condition.op}`);
  let value: string;
  switch (field.type) {
    case 'status': {
      const labels = condition.values.map((key) => words.t(field.statuses?.label(key) ?? key));
      value = labels.join(
        words.t(condition.op === 'eq' ? 'grid.describe.or' : 'grid.describe.nor'),
      );
      break;
    }
    case 'boolean':
      value = words.t(condition.values[0] === 'true' ? 'grid.values.yes' : 'grid.values.no');
      break;
    case 'date': {
      const parsed = parseDateTime(condition.values[0] ?? '');
      value = parsed.ok
        ? words.date(Number(parsed.value.seconds) * 1000 + parsed.value.nanos / 1e6)
        : (condition.values[0] ?? '');
      break;
    }
    case 'string':
    case 'array':
      value = `“${condition.values[0] ?? ''}”`;
      break;
    default:
      value = condition.values[0] ?? '';
  }
  return words.t('grid.describe.condition', { field: name, op, value });
}

export function filterChips(
  filters: GridFilters,
  quick: { readonly searchField?: string; readonly statusField?: string },
  words: Words,
): FilterChips {
  const shared: FilterChip[] = [];
  if (quick.searchField && filters.search.trim() !== '')
    shared.push({
      id: 'search',
      source: { kind: 'search' },
      text: describeCondition(
        { field: quick.searchField, op: 'has', values: [filters.search.trim()] },
        words,
      ),
    });
  if (quick.statusField && filters.statuses.length > 0)
    shared.push({
      id: 'statuses',
      source: { kind: 'statuses' },
      text: describeCondition(
        { field: quick.statusField, op: 'eq', values: filters.statuses },
        words,
      ),
    });
  const groups = filters.groups
    .map((group, g) =>
      group.map((condition, index): FilterChip => ({
        id: `c${g}.${index}`,
        source: { kind: 'condition', group: g, index },
        text: describeCondition(condition, words),
      })),
    )
    .filter((group) => group.length > 0);
  return { shared, groups };
}

/** All chips as one sentence (the chips' accessible summary): "A AND B AND (C OR D)". */
export function chipsSentence(chips: FilterChips, and: string, or: string): string {
  const groups = chips.groups.map((group) => group.map((chip) => chip.text).join(` ${and} `));
  const parts = chips.shared.map((chip) => chip.text);
  if (groups.length === 1) parts.push(...groups);
  if (groups.length > 1) parts.push(`(${groups.map((g) => `(${g})`).join(` ${or} `)})`);
  return parts.join(` ${and} `);
}

/** The filters without what a chip stands for. Removing a group's last condition removes the group. */
export function withoutChip(filters: GridFilters, source: ChipSource): GridFilters {
  switch (source.kind) {
    case 'search':
      return { ...filters, search: '' };
    case 'statuses':
      return { ...filters, statuses: [] };
    case 'condition':
      return {
        ...filters,
        groups: filters.groups
          .map((group, g) =>
            g === source.group ? group.filter((_, i) => i !== source.index) : group,
          )
          .filter((group) => group.length > 0),
      };
  }
}
