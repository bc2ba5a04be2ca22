import { resolveColumn } from './columns';
import { WIDGETS, WIDGET_CODEC } from '../../../testing/widgets.spec-helper';
import {
  type GridPreferences,
  type PreferencesContext,
  type SavedView,
  checkPreferences,
} from './preferences';
import { parseSettingsFile, toSettingsFile } from './settings-file';
import { decodeView } from './url-codec';

const context: PreferencesContext = {
  isColumn: (key) => resolveColumn(WIDGETS, key) !== undefined,
  countStatuses: ['completed', 'error'],
  viewProblems: (params) => decodeView(params, WIDGET_CODEC).problems,
};

const preferences: GridPreferences = {
  columns: ['id', 'custom.team', 'state'],
  customColumns: ['team'],
  pageSize: 50,
  refreshMs: 30_000,
  density: 'compact',
  countGroups: [{ id: 'g1', name: 'Done', statuses: ['completed'], color: '#00aa00' }],
};
const views: SavedView[] = [
  {
    id: 'v1',
    name: 'Risk team',
    params: { f: ['custom.team:eq:risk'], sort: 'born:asc', cols: 'id,state' },
  },
];

const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ ...toSettingsFile('widgets', preferences, views, new Date(0)), ...over });

describe('settings file', () => {
  it('round-trips preferences and saved views', () => {
    expect(parseSettingsFile(file(), 'widgets', context)).toEqual({
      ok: true,
      value: { preferences, views },
    });
  });

  it.each<[string, string, string, string]>([
    ['not JSON', '{nope', '', 'notJson'],
    ['JSON of something else', '[1,2]', '', 'notSettings'],
    ['another format', file({ format: 'x' }), 'format', 'notSettings'],
    ['a future version', file({ version: 2 }), 'version', 'version'],
    ['another grid', file({ grid: 'tasks' }), 'grid', 'otherGrid'],
    ['no preferences', file({ preferences: null }), 'preferences', 'notObject'],
    [
      'an unknown column',
      file({ preferences: { ...preferences, columns: ['id', 'zzz'] } }),
      'preferences.columns',
      'unknownColumn',
    ],
    [
      'no column',
      file({ preferences: { ...preferences, columns: [] } }),
      'preferences.columns',
      'columns',
    ],
    [
      'a page size the grid does not offer',
      file({ preferences: { ...preferences, pageSize: 30 } }),
      'preferences.pageSize',
      'pageSize',
    ],
    [
      'a refresh period it does not offer',
      file({ preferences: { ...preferences, refreshMs: 1 } }),
      'preferences.refreshMs',
      'refreshMs',
    ],
    [
      'a bad density',
      file({ preferences: { ...preferences, density: 'huge' } }),
      'preferences.density',
      'density',
    ],
    [
      'a count group on an unknown status',
      file({
        preferences: {
          ...preferences,
          countGroups: [{ id: 'x', name: 'X', statuses: ['zz'], color: 'info' }],
        },
      }),
      'preferences.countGroups[0].statuses',
      'unknownStatus',
    ],
    [
      'a count group colour that is not a colour',
      file({
        preferences: {
          ...preferences,
          countGroups: [{ id: 'x', name: 'X', statuses: ['error'], color: 'url(x)' }],
        },
      }),
      'preferences.countGroups[0].color',
      'color',
    ],
    ['views that are not a list', file({ views: {} }), 'views', 'views'],
    [
      'a view without name',
      file({ views: [{ id: 'a', name: ' ', params: {} }] }),
      'views[0].name',
      'required',
    ],
    [
      'a view with a foreign parameter',
      file({ views: [{ id: 'a', name: 'A', params: { page: '2' } }] }),
      'views[0].params',
      'unknownParam',
    ],
    [
      'a view that does not decode',
      file({ views: [{ id: 'a', name: 'A', params: { f: 'size:eq:abc' } }] }),
      'views[0].params',
      'viewUnreadable',
    ],
    ['two views with one id', file({ views: [views[0], views[0]] }), 'views', 'duplicate'],
  ])('refuses %s, saying where and why', (_, text, path, error) => {
    const result = parseSettingsFile(text, 'widgets', context);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect({ path: result.error.path, error: result.error.error }).toEqual({ path, error });
  });

  it('accepts preferences without count groups (the definition’s defaults)', () => {
    const { countGroups: _, ...rest } = preferences;
    expect(checkPreferences(rest, context)).toEqual({ ok: true, value: rest });
  });
});
