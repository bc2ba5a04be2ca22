import { effectiveGroups, toProtoFilters, toProtoSort } from './filter-proto';
import { type Condition, type FilterType, NO_FILTERS, OPERATORS } from './filter-types';
import { resolveWidgetField } from '../../../testing/widgets.spec-helper';
import { defined } from '../../../testing/defined';

/** The resource's `<Resource>Field` message: `{ field: <oneof> }`. */
const raw = (field: number) => ({ field: { case: 'taskSummaryField' as const, value: { field } } });

function single(condition: Condition) {
  const result = toProtoFilters([[condition]], resolveWidgetField);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.filters.or).toHaveLength(1);
  expect(result.filters.or[0]?.and).toHaveLength(1);
  return defined(result.filters.or[0]?.and[0], 'one condition');
}

describe('filter model → protobuf Filters', () => {
  describe('every operator of every type maps to the API enum value', () => {
    // [type, field key, a valid value, the value the API receives]
    const samples: [FilterType, string, string, unknown][] = [
      ['string', 'id', 'abc', 'abc'],
      ['number', 'size', '42', 42n],
      ['date', 'born', '2024-05-01T10:30:00Z', { seconds: 1714559400n, nanos: 0 }],
      ['boolean', 'done', 'true', true],
      ['array', 'tags', 'gpu', 'gpu'],
      ['duration', 'age', '1h 30m', { seconds: 5400n, nanos: 0 }],
    ];
    const cases = samples.flatMap(([type, field, text, value]) =>
      OPERATORS[type].map((op) => [type, op.key, op.proto, field, text, value] as const),
    );
    it.each(cases)('%s %s → operator %d', (type, op, proto, field, text, value) => {
      const filter = single({ field, op, values: [text] });
      const caseName = {
        string: 'filterString',
        number: 'filterNumber',
        date: 'filterDate',
        boolean: 'filterBoolean',
        array: 'filterArray',
        duration: 'filterDuration',
        status: 'filterStatus',
      }[type];
      expect(filter.valueCondition).toEqual({ case: caseName, value: { value, operator: proto } });
    });
  });

  it('puts the definition’s field init on every condition', () => {
    expect(single({ field: 'born', op: 'gt', values: ['2024-01-01T00:00:00Z'] }).field).toEqual(
      raw(4),
    );
    expect(single({ field: 'name', op: 'eq', values: ['x'] }).field).toEqual({
      field: { case: 'taskOptionField' as const, value: { field: 1 } },
    });
  });

  it('maps a custom key to the generic field with string operators', () => {
    expect(single({ field: 'custom.team', op: 'sw', values: ['ri'] })).toEqual({
      field: { field: { case: 'taskOptionGenericField' as const, value: { field: 'team' } } },
      valueCondition: { case: 'filterString', value: { value: 'ri', operator: 4 } },
    });
  });

  it('a single status is one condition', () => {
    expect(single({ field: 'state', op: 'ne', values: ['off'] }).valueCondition).toEqual({
      case: 'filterStatus',
      value: { value: 2, operator: 1 },
    });
  });

  it('"is On or Off" expands into one OR group per status', () => {
    const result = toProtoFilters(
      [
        [
          { field: 'state', op: 'eq', values: ['on', 'off'] },
          { field: 'custom.team', op: 'eq', values: ['risk'] },
        ],
      ],
      resolveWidgetField,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.filters.or).toHaveLength(2);
    const statusOf = (i: number) => result.filters.or[i]?.and[0]?.valueCondition.value;
    expect(statusOf(0)).toEqual({ value: 1, operator: 0 });
    expect(statusOf(1)).toEqual({ value: 2, operator: 0 });
    // the other condition of the group is kept in each expanded group
    expect(result.filters.or.map((g) => g.and.length)).toEqual([2, 2]);
  });

  it('"is not On and not Off" stays one group of AND conditions', () => {
    const result = toProtoFilters(
      [[{ field: 'state', op: 'ne', values: ['on', 'off'] }]],
      resolveWidgetField,
    );
    expect(result.ok && result.filters.or).toEqual([
      {
        and: [
          {
            field: raw(2),
            valueCondition: { case: 'filterStatus', value: { value: 1, operator: 1 } },
          },
          {
            field: raw(2),
            valueCondition: { case: 'filterStatus', value: { value: 2, operator: 1 } },
          },
        ],
      },
    ]);
  });

  it('two multi-status conditions in a group expand to their cartesian product', () => {
    const result = toProtoFilters(
      [
        [
          { field: 'state', op: 'eq', values: ['on', 'off'] },
          { field: 'state', op: 'eq', values: ['off', 'gone'] },
        ],
      ],
      resolveWidgetField,
    );
    expect(result.ok && result.filters.or.length).toBe(4);
  });

  it('keeps several groups as OR', () => {
    const result = toProtoFilters(
      [
        [{ field: 'size', op: 'gt', values: ['1'] }],
        [{ field: 'done', op: 'eq', values: ['false'] }],
      ],
      resolveWidgetField,
    );
    expect(result.ok && result.filters.or.length).toBe(2);
  });

  it('no groups means everything: an empty OR', () => {
    expect(toProtoFilters([], resolveWidgetField)).toEqual({ ok: true, filters: { or: [] } });
  });

  it('an empty group matches everything, so the whole OR does', () => {
    expect(
      toProtoFilters([[{ field: 'size', op: 'gt', values: ['1'] }], []], resolveWidgetField),
    ).toEqual({
      ok: true,
      filters: { or: [] },
    });
  });

  describe('never lets a bad condition through', () => {
    it.each<[string, Condition, string]>([
      ['letters in a number', { field: 'size', op: 'eq', values: ['12a'] }, 'number'],
      ['a decimal number', { field: 'size', op: 'eq', values: ['1.5'] }, 'number'],
      [
        'a number beyond int64',
        { field: 'size', op: 'eq', values: ['9223372036854775808'] },
        'numberRange',
      ],
      ['an impossible date', { field: 'born', op: 'lt', values: ['2024-02-30T00:00:00Z'] }, 'date'],
      ['an empty value', { field: 'id', op: 'has', values: [''] }, 'required'],
      ['a bad duration', { field: 'age', op: 'gt', values: ['soon'] }, 'duration'],
      ['a bad boolean', { field: 'done', op: 'eq', values: ['maybe'] }, 'boolean'],
      ['an unknown status', { field: 'state', op: 'eq', values: ['on', 'exploded'] }, 'status'],
      ['no status', { field: 'state', op: 'eq', values: [] }, 'required'],
      ['an unknown field', { field: 'colour', op: 'eq', values: ['red'] }, 'field'],
      ['an object column', { field: 'labels', op: 'eq', values: ['x'] }, 'field'],
      ['an operator of another type', { field: 'size', op: 'has', values: ['1'] }, 'operator'],
      ['an empty custom key', { field: 'custom.', op: 'eq', values: ['x'] }, 'field'],
    ])('%s', (_, condition, error) => {
      const result = toProtoFilters(
        [[{ field: 'size', op: 'gt', values: ['1'] }], [condition]],
        resolveWidgetField,
      );
      expect(result).toEqual({ ok: false, problems: [{ group: 1, index: 0, error }] });
    });
  });
});

describe('quick controls', () => {
  const quick = { searchField: 'id', statusField: 'state' };

  it('are AND-ed into every group', () => {
    const groups = effectiveGroups(
      {
        search: ' ab ',
        statuses: ['on', 'off'],
        groups: [
          [{ field: 'size', op: 'gt', values: ['1'] }],
          [{ field: 'done', op: 'eq', values: ['true'] }],
        ],
      },
      quick,
    );
    expect(groups).toEqual([
      [
        { field: 'id', op: 'has', values: ['ab'] },
        { field: 'state', op: 'eq', values: ['on', 'off'] },
        { field: 'size', op: 'gt', values: ['1'] },
      ],
      [
        { field: 'id', op: 'has', values: ['ab'] },
        { field: 'state', op: 'eq', values: ['on', 'off'] },
        { field: 'done', op: 'eq', values: ['true'] },
      ],
    ]);
  });

  it('alone make one group; nothing makes none', () => {
    expect(effectiveGroups({ ...NO_FILTERS, search: 'x' }, quick)).toEqual([
      [{ field: 'id', op: 'has', values: ['x'] }],
    ]);
    expect(effectiveGroups(NO_FILTERS, quick)).toEqual([]);
  });
});

describe('sort → protobuf', () => {
  it('uses ASC 1 and DESC 2 on the column’s field', () => {
    const field = { case: 'taskSummaryField' as const, value: { field: 4 } };
    expect(toProtoSort({ column: 'born', direction: 'asc' }, field)).toEqual({
      field: { field },
      direction: 1,
    });
    expect(toProtoSort({ column: 'born', direction: 'desc' }, field).direction).toBe(2);
  });
});
