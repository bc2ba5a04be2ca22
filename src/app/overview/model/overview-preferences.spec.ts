import { fieldResolver } from '../../grid/field-resolver';
import { TASKS } from '../../tasks';
import {
  DEFAULT_OVERVIEW_PREFERENCES,
  checkOverviewPreferences,
  parseOverviewSettingsFile,
  toOverviewSettingsFile,
} from './overview-preferences';
import { linesContext } from './lines';

const context = linesContext(fieldResolver(TASKS));
const line = {
  id: 'a',
  name: 'Pricing',
  filter: 'applicationName:eq:pricing',
  groups: ['queued', 'failed'],
};
const prefs = (patch: Record<string, unknown> = {}) => ({
  ...DEFAULT_OVERVIEW_PREFERENCES,
  lines: [line],
  ...patch,
});

describe('overview preferences', () => {
  it('round-trips through a settings file', () => {
    const file = JSON.stringify(toOverviewSettingsFile(prefs() as never));
    expect(parseOverviewSettingsFile(file, context)).toEqual({ ok: true, value: prefs() });
  });

  it.each<[string, unknown, string, string]>([
    [
      'a line with an unknown field',
      prefs({ lines: [{ ...line, filter: 'nope:eq:x' }] }),
      'overview.lines[0].filter',
      'lineFilter',
    ],
    [
      'a line with an unreadable value',
      prefs({ lines: [{ ...line, filter: 'createdAt:ge:yesterday' }] }),
      'overview.lines[0].filter',
      'lineFilter',
    ],
    [
      'a line without a name',
      prefs({ lines: [{ ...line, name: ' ' }] }),
      'overview.lines[0].name',
      'required',
    ],
    [
      'a line without groups',
      prefs({ lines: [{ ...line, groups: [] }] }),
      'overview.lines[0].groups',
      'lineGroups',
    ],
    [
      'an unknown group',
      prefs({ lines: [{ ...line, groups: ['soon'] }] }),
      'overview.lines[0].groups',
      'unknownGroup',
    ],
    ['two lines with one id', prefs({ lines: [line, line] }), 'overview.lines', 'duplicate'],
    [
      'a threshold out of range',
      prefs({ thresholds: { stuckMinutes: 0, failingPercent: 20, pausedMinutes: 30 } }),
      'overview.thresholds.stuckMinutes',
      'threshold',
    ],
    [
      'a share that is not a whole number',
      prefs({ thresholds: { stuckMinutes: 10, failingPercent: 2.5, pausedMinutes: 30 } }),
      'overview.thresholds.failingPercent',
      'threshold',
    ],
  ])('refuses %s, saying where', (_, value, path, error) => {
    expect(checkOverviewPreferences(value, context)).toMatchObject({
      ok: false,
      error: { path, error },
    });
  });

  it('refuses a file of a grid, or not ours, as a whole', () => {
    const grid = JSON.stringify({ ...toOverviewSettingsFile(prefs() as never), grid: 'sessions' });
    expect(parseOverviewSettingsFile(grid, context)).toMatchObject({
      ok: false,
      error: { error: 'otherGrid' },
    });
    expect(parseOverviewSettingsFile('{', context)).toMatchObject({
      ok: false,
      error: { error: 'notJson' },
    });
  });
});
