import { Code, ConnectError } from '@connectrpc/connect';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { SortDirection } from '../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import { type FilterFieldMessage, type FiltersMessage, compileFilter } from './compile-filter';
import { compileSort } from './compile-sort';
import { type FieldRefMessage, FieldTable } from './field-spec';
import { validateListRequest } from './list-request';
import { planCandidates } from './plan';
import { selectPage } from './select-page';

/** A synthetic resource with one column of every kind, to test the engine independently of ArmoniK's tables. */
const ROWS = [
  {
    id: 'r0',
    name: 'alpha',
    size: 10,
    flag: true,
    status: 1,
    at: 1000,
    took: 50,
    tags: ['a', 'b'],
    opt: 'risk',
  },
  {
    id: 'r1',
    name: 'beta',
    size: 20,
    flag: false,
    status: 2,
    at: NaN,
    took: NaN,
    tags: [],
    opt: undefined,
  },
  {
    id: 'r2',
    name: 'alphabet',
    size: 10,
    flag: true,
    status: 2,
    at: 3000,
    took: 150,
    tags: ['b'],
    opt: 'ops',
  },
  {
    id: 'r3',
    name: 'Alpha',
    size: 30,
    flag: false,
    status: 1,
    at: 2000,
    took: 100,
    tags: ['a'],
    opt: 'risk',
  },
];
enum Col {
  UNSPECIFIED = 0,
  NAME = 1,
  SIZE = 2,
  FLAG = 3,
  STATUS = 4,
  AT = 5,
  TOOK = 6,
  TAGS = 7,
  BLOB = 8,
  ID = 9,
}
const table = new FieldTable({
  resource: 'thing',
  idKey: (row) => ROWS[row]!.id,
  enums: {
    thingField: {
      names: Col,
      columns: {
        [Col.NAME]: { label: 'NAME', kind: 'string', get: (r) => ROWS[r]!.name },
        [Col.SIZE]: { label: 'SIZE', kind: 'number', get: (r) => ROWS[r]!.size },
        [Col.FLAG]: { label: 'FLAG', kind: 'boolean', get: (r) => ROWS[r]!.flag },
        [Col.STATUS]: { label: 'STATUS', kind: 'status', get: (r) => ROWS[r]!.status },
        [Col.AT]: { label: 'AT', kind: 'date', get: (r) => ROWS[r]!.at },
        [Col.TOOK]: { label: 'TOOK', kind: 'duration', get: (r) => ROWS[r]!.took },
        [Col.TAGS]: { label: 'TAGS', kind: 'array', get: (r) => ROWS[r]!.tags },
        [Col.BLOB]: { label: 'BLOB', kind: 'opaque', get: (r) => ROWS[r]!.name },
        [Col.ID]: { label: 'ID', kind: 'string', index: 'self', get: (r) => ROWS[r]!.id },
      },
    },
  },
  generic: {
    member: 'genericField',
    column: (key) => ({
      label: key,
      kind: 'string',
      get: (r) => (key === 'team' ? (ROWS[r]!.opt ?? '') : ''),
    }),
  },
});

const col = (c: Col): FieldRefMessage => ({ field: { case: 'thingField', value: { field: c } } });
const generic = (key: string): FieldRefMessage => ({
  field: { case: 'genericField', value: { field: key } },
});
const leaf = (
  ref: FieldRefMessage | undefined,
  kind: string,
  value: unknown,
  operator = 0,
): FilterFieldMessage => ({
  field: ref,
  valueCondition: { case: kind, value: { value, operator } },
});
const or = (...groups: FilterFieldMessage[][]): FiltersMessage => ({
  or: groups.map((and) => ({ and })),
});
const matching = (filters: FiltersMessage | undefined) => {
  const f = compileFilter(table, filters);
  return ROWS.map((_, i) => i).filter((i) => f.test(i));
};
const invalidArgument = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectError);
    expect((e as ConnectError).code).toBe(Code.InvalidArgument);
    return (e as ConnectError).rawMessage;
  }
  throw new Error('expected INVALID_ARGUMENT');
};

describe('filter model: OR of AND groups', () => {
  it('absent filters and no groups match everything; an empty group matches everything', () => {
    expect(matching(undefined)).toEqual([0, 1, 2, 3]);
    expect(matching({ or: [] })).toEqual([0, 1, 2, 3]);
    expect(matching(or([leaf(col(Col.SIZE), 'filterNumber', 999n)], []))).toEqual([0, 1, 2, 3]);
  });
  it('AND inside a group, OR between groups', () => {
    const size10 = leaf(col(Col.SIZE), 'filterNumber', 10n);
    const status1 = leaf(col(Col.STATUS), 'filterStatus', 1);
    expect(matching(or([size10, status1]))).toEqual([0]);
    expect(matching(or([size10], [status1]))).toEqual([0, 2, 3]);
  });
});

describe('every kind takes its leaf filter', () => {
  it.each([
    ['string CONTAINS (case-sensitive)', leaf(col(Col.NAME), 'filterString', 'alph', 2), [0, 2]],
    ['string STARTS_WITH', leaf(col(Col.NAME), 'filterString', 'Al', 4), [3]],
    ['number GREATER_THAN (int64 as bigint)', leaf(col(Col.SIZE), 'filterNumber', 15n, 5), [1, 3]],
    ['boolean IS', leaf(col(Col.FLAG), 'filterBoolean', false), [1, 3]],
    ['boolean through filter_string "true"', leaf(col(Col.FLAG), 'filterString', 'true'), [0, 2]],
    [
      'boolean through filter_string NOT_EQUAL "true"',
      leaf(col(Col.FLAG), 'filterString', 'true', 1),
      [1, 3],
    ],
    ['status NOT_EQUAL', leaf(col(Col.STATUS), 'filterStatus', 1, 1), [1, 2]],
    [
      'date AFTER (unset never matches)',
      leaf(col(Col.AT), 'filterDate', timestampFromMs(1500), 5),
      [2, 3],
    ],
    [
      'date NOT_EQUAL (unset matches)',
      leaf(col(Col.AT), 'filterDate', timestampFromMs(1000), 1),
      [1, 2, 3],
    ],
    [
      'duration SHORTER_THAN',
      leaf(col(Col.TOOK), 'filterDuration', { seconds: 0n, nanos: 120_000_000 }, 2),
      [0, 3],
    ],
    ['array CONTAINS', leaf(col(Col.TAGS), 'filterArray', 'a'), [0, 3]],
    ['array NOT_CONTAINS', leaf(col(Col.TAGS), 'filterArray', 'a', 1), [1, 2]],
    ['generic key EQUAL', leaf(generic('team'), 'filterString', 'risk'), [0, 3]],
    ['generic key: a missing key reads as ""', leaf(generic('team'), 'filterString', ''), [1]],
    [
      'generic key NOT_EQUAL includes rows without the key',
      leaf(generic('team'), 'filterString', 'risk', 1),
      [1, 2],
    ],
  ])('%s', (_, condition, expected) => {
    expect(matching(or([condition]))).toEqual(expected);
  });
});

describe('invalid filters are INVALID_ARGUMENT with a clear message', () => {
  it.each([
    [
      'a leaf that does not fit the column',
      leaf(col(Col.NAME), 'filterNumber', 1n),
      /NAME is a string column and takes filter_string, not filter_number/,
    ],
    [
      'an empty value oneof',
      { field: col(Col.NAME), valueCondition: { case: undefined } },
      /no value condition/,
    ],
    ['a missing field', leaf(undefined, 'filterString', 'x'), /field is missing/],
    [
      'an UNSPECIFIED column',
      leaf(col(Col.UNSPECIFIED), 'filterString', 'x'),
      /UNSPECIFIED cannot be used/,
    ],
    [
      'an unknown operator',
      leaf(col(Col.NAME), 'filterString', 'x', 17),
      /operator 17 is not defined for filter_string/,
    ],
    [
      'a date filter without a value',
      leaf(col(Col.AT), 'filterDate', undefined, 2),
      /filter_date on AT has no value/,
    ],
    [
      'a boolean filter_string that is not true/false',
      leaf(col(Col.FLAG), 'filterString', 'yes'),
      /"true" or "false"/,
    ],
    ['an opaque column', leaf(col(Col.BLOB), 'filterString', 'x'), /BLOB cannot be filtered/],
  ])('%s', (_, condition, message) => {
    expect(
      invalidArgument(() => compileFilter(table, or([condition as FilterFieldMessage]))),
    ).toMatch(message);
  });
  it('names the failing condition', () => {
    const bad = leaf(col(Col.SIZE), 'filterString', 'x');
    expect(
      invalidArgument(() =>
        compileFilter(table, or([], [leaf(col(Col.SIZE), 'filterNumber', 1n), bad])),
      ),
    ).toMatch(/^filters\.or\[1\]\.and\[1\]:/);
  });
});

describe('sorting and paging', () => {
  const page = async (
    c: Col | FieldRefMessage,
    direction: SortDirection,
    p = 0,
    size = 10,
    filters?: FiltersMessage,
  ) => {
    const filter = compileFilter(table, filters);
    const sort = compileSort(table, [typeof c === 'number' ? col(c) : c], direction);
    const result = await selectPage(
      { kind: 'all', count: ROWS.length },
      () => true,
      filter,
      sort,
      p,
      size,
    );
    return { ids: result.rows.map((r) => ROWS[r]!.id), total: result.total };
  };
  it('sorts numbers with ties broken by id, DESC being the exact reverse', async () => {
    expect((await page(Col.SIZE, SortDirection.ASC)).ids).toEqual(['r0', 'r2', 'r1', 'r3']);
    expect((await page(Col.SIZE, SortDirection.DESC)).ids).toEqual(['r3', 'r1', 'r2', 'r0']);
  });
  it('sorts unset dates first ascending', async () => {
    expect((await page(Col.AT, SortDirection.ASC)).ids).toEqual(['r1', 'r0', 'r3', 'r2']);
  });
  it('sorts strings by code unit (uppercase first), booleans false first, arrays by content', async () => {
    expect((await page(Col.NAME, SortDirection.ASC)).ids).toEqual(['r3', 'r0', 'r2', 'r1']);
    expect((await page(Col.FLAG, SortDirection.ASC)).ids).toEqual(['r1', 'r3', 'r0', 'r2']);
    expect((await page(Col.TAGS, SortDirection.ASC)).ids).toEqual(['r1', 'r3', 'r0', 'r2']);
  });
  it('sorts on a generic option key (missing = "") and on opaque columns', async () => {
    expect((await page(generic('team'), SortDirection.ASC)).ids).toEqual(['r1', 'r2', 'r0', 'r3']);
    expect((await page(Col.BLOB, SortDirection.DESC)).ids).toEqual(['r1', 'r2', 'r0', 'r3']);
  });
  it('pages: total counts all matches, page_size 0 returns no rows, past the end is empty', async () => {
    expect(await page(Col.SIZE, SortDirection.ASC, 1, 3)).toEqual({ ids: ['r3'], total: 4 });
    expect(await page(Col.SIZE, SortDirection.ASC, 0, 0)).toEqual({ ids: [], total: 4 });
    expect(await page(Col.SIZE, SortDirection.ASC, 5, 3)).toEqual({ ids: [], total: 4 });
    expect(
      await page(
        Col.SIZE,
        SortDirection.ASC,
        0,
        10,
        or([leaf(col(Col.FLAG), 'filterBoolean', true)]),
      ),
    ).toEqual({
      ids: ['r0', 'r2'],
      total: 2,
    });
  });
});

describe('index planning', () => {
  const resolve = (_: string, value: string) => (value === 'r2' ? [2] : []);
  it('uses an index when every group pins an indexed column with EQUAL', () => {
    const f = compileFilter(
      table,
      or([leaf(col(Col.ID), 'filterString', 'r2'), leaf(col(Col.SIZE), 'filterNumber', 10n)]),
    );
    expect(planCandidates(f, 4, resolve)).toEqual({ kind: 'rows', rows: [2] });
  });
  it('scans everything when one group is not pinned', () => {
    const f = compileFilter(
      table,
      or([leaf(col(Col.ID), 'filterString', 'r2')], [leaf(col(Col.SIZE), 'filterNumber', 10n)]),
    );
    expect(planCandidates(f, 4, resolve)).toEqual({ kind: 'all', count: 4 });
  });
  it('does not use an index for other operators', () => {
    const f = compileFilter(table, or([leaf(col(Col.ID), 'filterString', 'r2', 2)]));
    expect(planCandidates(f, 4, resolve).kind).toBe('all');
  });
});

describe('List request validation (ArmoniK.Core wording)', () => {
  const sort = { direction: SortDirection.ASC };
  it('accepts a complete request', () => {
    expect(() =>
      validateListRequest({ page: 0, pageSize: 0, filters: {}, sort }, [col(Col.NAME)]),
    ).not.toThrow();
  });
  it('lists every failed property, one line each', () => {
    expect(
      invalidArgument(() =>
        validateListRequest({ page: -1, pageSize: -2, sort: { direction: 0 } }, [undefined]),
      ),
    ).toBe(
      [
        'Property Page failed validation.',
        'Property PageSize failed validation.',
        'Property Filters failed validation.',
        'Property Sort.Direction failed validation.',
        'Property Sort.Field failed validation.',
      ].join('\n'),
    );
    expect(
      invalidArgument(() => validateListRequest({ page: 0, pageSize: 1, filters: {} }, [])),
    ).toBe('Property Sort failed validation.');
  });
});
