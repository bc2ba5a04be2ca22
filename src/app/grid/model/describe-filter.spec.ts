import {
  chipsSentence,
  describeCondition,
  filterChips,
  withoutChip,
  type Words,
} from './describe-filter';
import type { GridFilters } from './filter-types';
import { resolveWidgetField } from '../../../testing/widgets.spec-helper';

const TEXT: Record<string, string> = {
  'grid.describe.condition': '{{field}} {{op}} {{value}}',
  'grid.describe.or': ' or ',
  'grid.describe.nor': ' nor ',
  'grid.operators.status.eq': 'is',
  'grid.operators.status.ne': 'is not',
  'grid.operators.string.eq': 'equals',
  'grid.operators.string.has': 'contains',
  'grid.operators.number.ge': '≥',
  'grid.operators.date.lt': 'before',
  'grid.operators.boolean.eq': 'is',
  'grid.values.yes': 'Yes',
  'grid.values.no': 'No',
  'widgets.state.on': 'On',
  'widgets.state.off': 'Off',
};

const words: Words = {
  t: (key, params) =>
    (TEXT[key] ?? key).replace(/{{(\w+)}}/g, (_, name: string) => String(params?.[name] ?? '')),
  fieldName: (key) =>
    key.startsWith('custom.')
      ? key.slice(7)
      : ({ id: 'ID', state: 'State', size: 'Size', born: 'Born', done: 'Done' }[key] ?? key),
  field: resolveWidgetField,
  date: (ms) => new Date(ms).toISOString().slice(0, 10),
};

const filters: GridFilters = {
  search: 'ab',
  statuses: ['on', 'off'],
  groups: [
    [
      { field: 'custom.team', op: 'eq', values: ['risk'] },
      { field: 'size', op: 'ge', values: ['3'] },
    ],
    [{ field: 'done', op: 'eq', values: ['true'] }],
  ],
};

describe('filters in plain words', () => {
  it('describes each type', () => {
    expect(describeCondition({ field: 'state', op: 'eq', values: ['on', 'off'] }, words)).toBe(
      'State is On or Off',
    );
    expect(describeCondition({ field: 'state', op: 'ne', values: ['on', 'off'] }, words)).toBe(
      'State is not On nor Off',
    );
    expect(describeCondition({ field: 'custom.team', op: 'eq', values: ['risk'] }, words)).toBe(
      'team equals “risk”',
    );
    expect(
      describeCondition({ field: 'born', op: 'lt', values: ['2024-05-01T00:00:00Z'] }, words),
    ).toBe('Born before 2024-05-01');
    expect(describeCondition({ field: 'done', op: 'eq', values: ['false'] }, words)).toBe(
      'Done is No',
    );
  });

  it('lists quick controls, then groups, as chips and as one sentence', () => {
    const chips = filterChips(filters, { searchField: 'id', statusField: 'state' }, words);
    expect(chips.shared.map((c) => c.text)).toEqual(['ID contains “ab”', 'State is On or Off']);
    expect(chips.groups.map((g) => g.map((c) => c.text))).toEqual([
      ['team equals “risk”', 'Size ≥ 3'],
      ['Done is Yes'],
    ]);
    expect(chipsSentence(chips, 'AND', 'OR')).toBe(
      'ID contains “ab” AND State is On or Off AND ((team equals “risk” AND Size ≥ 3) OR (Done is Yes))',
    );
  });

  it('removes what a chip stands for; an emptied group disappears', () => {
    expect(withoutChip(filters, { kind: 'search' }).search).toBe('');
    expect(withoutChip(filters, { kind: 'statuses' }).statuses).toEqual([]);
    expect(withoutChip(filters, { kind: 'condition', group: 0, index: 1 }).groups).toEqual([
      [{ field: 'custom.team', op: 'eq', values: ['risk'] }],
      [{ field: 'done', op: 'eq', values: ['true'] }],
    ]);
    expect(withoutChip(filters, { kind: 'condition', group: 1, index: 0 }).groups).toHaveLength(1);
  });
});
