import { protoFiltersOf, toProtoFilters } from './filter-proto';
import { NO_FILTERS } from './filter-types';
import { WIDGET_CODEC } from '../../../testing/widgets.spec-helper';
import {
  type QueryParams,
  decodeGroup,
  decodeView,
  encodeGroup,
  encodeView,
  escapeAtom,
  sameParams,
  unescapeAtom,
} from './url-codec';
import type { GridView } from './view';

const defaults = WIDGET_CODEC.defaults;

const rich: GridView = {
  filters: {
    search: 'a b:c',
    statuses: ['on', 'off'],
    groups: [
      [
        { field: 'state', op: 'eq', values: ['on', 'off'] },
        { field: 'custom.team:x,y;z%', op: 'eq', values: ['risk, 50%; a:b'] },
      ],
      [
        { field: 'born', op: 'ge', values: ['2024-05-01T10:30:00.000Z'] },
        { field: 'size', op: 'lt', values: ['-3'] },
        { field: 'done', op: 'eq', values: ['false'] },
        { field: 'tags', op: 'nhas', values: ['gpu'] },
        { field: 'age', op: 'gt', values: ['1h 30m'] },
      ],
    ],
  },
  sort: { column: 'custom.team', direction: 'asc' },
  page: 4,
  pageSize: 50,
  columns: ['state', 'id', 'custom.team:x,y;z%', 'labels'],
};

/** What Angular's router hands back after serializing and parsing the query string. */
function throughBrowser(params: Record<string, string | string[]>): QueryParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  const parsed = new URLSearchParams(search.toString());
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(parsed.keys())) {
    const values = parsed.getAll(key);
    const [only] = values;
    result[key] = only !== undefined && values.length === 1 ? only : values;
  }
  return result;
}

describe('URL codec', () => {
  it('round-trips a view with every filter type, custom keys and odd characters', () => {
    const decoded = decodeView(throughBrowser(encodeView(rich)), WIDGET_CODEC);
    expect(decoded.problems).toEqual([]);
    expect(decoded.view).toEqual(rich);
  });

  it('hands over checked conditions that map to the same wire filters as the unchecked view', () => {
    const decoded = decodeView(throughBrowser(encodeView(rich)), WIDGET_CODEC);
    const direct = toProtoFilters(rich.filters.groups, WIDGET_CODEC.resolveField);
    expect(direct.ok && direct.filters).toEqual(protoFiltersOf(decoded.checked));
    expect(decoded.checked.flat()).toHaveLength(rich.filters.groups.flat().length);
  });

  it('round-trips the default view', () => {
    expect(decodeView(encodeView(defaults), WIDGET_CODEC)).toEqual({
      view: defaults,
      checked: [],
      problems: [],
    });
  });

  it('writes a readable query string', () => {
    expect(
      encodeView({
        ...defaults,
        filters: {
          search: '',
          statuses: ['on'],
          groups: [[{ field: 'state', op: 'eq', values: ['on', 'off'] }]],
        },
      }),
    ).toEqual({
      f: ['state:eq:on,off'],
      status: 'on',
      sort: 'born:desc',
      page: '1',
      size: '25',
      cols: 'id,state,born',
    });
  });

  it('omits empty filters, always writes sort, page, size and columns', () => {
    expect(Object.keys(encodeView(defaults)).sort()).toEqual(['cols', 'page', 'size', 'sort']);
  });

  it('keeps the colons of values (dates) readable, and reads them back', () => {
    expect(encodeGroup([{ field: 'born', op: 'ge', values: ['2024-05-01T10:30:00.000Z'] }])).toBe(
      'born:ge:2024-05-01T10:30:00.000Z',
    );
    expect(
      decodeView({ f: 'born:ge:2024-05-01T10:30:00Z' }, WIDGET_CODEC).view.filters.groups,
    ).toEqual([[{ field: 'born', op: 'ge', values: ['2024-05-01T10:30:00Z'] }]]);
  });

  it('escapes only separators and %', () => {
    expect(escapeAtom('a:b,c;d%e f/g')).toBe('a%3Ab%2Cc%3Bd%25e f/g');
    expect(unescapeAtom(escapeAtom('a:b,c;d%e f/g'))).toBe('a:b,c;d%e f/g');
    expect(decodeGroup(encodeGroup([{ field: 'x', op: 'eq', values: [''] }]))).toEqual([
      { field: 'x', op: 'eq', values: [''] },
    ]);
  });

  it('a bare URL opens the defaults without complaint', () => {
    expect(decodeView({}, WIDGET_CODEC)).toEqual({ view: defaults, checked: [], problems: [] });
  });

  describe('malformed or hand-edited input falls back to defaults, part by part, never throws', () => {
    it.each<[string, QueryParams, string]>([
      ['a condition without operator', { f: 'state' }, 'filters'],
      ['an unknown operator', { f: 'size:like:3' }, 'filters'],
      ['letters in a number', { f: 'size:eq:abc' }, 'filters'],
      ['an impossible date', { f: 'born:lt:2024-02-30T00:00:00Z' }, 'filters'],
      ['an unknown field', { f: 'colour:eq:red' }, 'filters'],
      ['an unknown status', { f: 'state:eq:on,exploded' }, 'filters'],
      ['an empty group', { f: '' }, 'filters'],
      ['a broken escape', { f: 'id:eq:%E0%A4%A' }, 'filters'],
      ['an unknown quick status', { status: 'gone' }, 'status'],
      ['a sort on an unsortable column', { sort: 'labels:asc' }, 'sort'],
      ['a sort on an unknown column', { sort: 'nope:asc' }, 'sort'],
      ['a sort without direction', { sort: 'born' }, 'sort'],
      ['a bad direction', { sort: 'born:up' }, 'sort'],
      ['page 0', { page: '0' }, 'page'],
      ['page -1', { page: '-1' }, 'page'],
      ['a non-numeric page', { page: 'two' }, 'page'],
      ['two pages', { page: ['1', '2'] }, 'page'],
      ['an unsupported page size', { size: '30' }, 'size'],
      ['a padded page size', { size: '025' }, 'size'],
      ['an unknown column', { cols: 'id,bogus' }, 'columns'],
      ['a duplicate column', { cols: 'id,id' }, 'columns'],
      ['no column', { cols: '' }, 'columns'],
      ['two searches', { q: ['a', 'b'] }, 'search'],
    ])('%s', (_, params, part) => {
      const decoded = decodeView({ ...encodeView(rich), ...params }, WIDGET_CODEC);
      expect(decoded.problems).toEqual([part]);
      const fallback = {
        filters: { ...rich.filters, groups: defaults.filters.groups },
        status: { ...rich.filters, statuses: defaults.filters.statuses },
        search: { ...rich.filters, search: defaults.filters.search },
      } as Record<string, unknown>;
      const expected: GridView = {
        ...rich,
        filters: (fallback[part] as GridView['filters']) ?? rich.filters,
        ...(part === 'sort' ? { sort: defaults.sort } : {}),
        ...(part === 'page' ? { page: defaults.page } : {}),
        ...(part === 'size' ? { pageSize: defaults.pageSize } : {}),
        ...(part === 'columns' ? { columns: defaults.columns } : {}),
      };
      expect(decoded.view).toEqual(expected);
    });

    it('reports every unreadable part of a badly edited URL', () => {
      const decoded = decodeView(
        { f: 'x', sort: 'y', page: 'z', size: '7', cols: '' },
        WIDGET_CODEC,
      );
      expect(decoded.problems).toEqual(['filters', 'sort', 'page', 'size', 'columns']);
      expect(decoded.view).toEqual({ ...defaults, filters: NO_FILTERS });
    });
  });

  it('compares query strings whatever the parameter order', () => {
    expect(sameParams({ a: '1', b: ['2', '3'] }, { b: ['2', '3'], a: '1' })).toBe(true);
    expect(sameParams({ a: '1' }, { a: '1', b: '' })).toBe(false);
    expect(sameParams({ a: ['1', '2'] }, { a: ['2', '1'] })).toBe(false);
  });
});
