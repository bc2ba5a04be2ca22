import { TestBed } from '@angular/core/testing';

import { GRID_STORAGE, memoryStorage } from '../../grid/state/storage';
import {
  DEFAULT_OVERVIEW_PREFERENCES,
  toOverviewSettingsFile,
} from '../model/overview-preferences';
import { OverviewPreferencesStore } from './overview-preferences.store';
import { defined } from '../../../testing/defined';

const KEY = 'session-console.overview.preferences';
const line = { id: 'l1', name: 'Risk', filter: 'custom.team:eq:risk', groups: ['queued'] };

function setup(initial: Record<string, string> = {}) {
  const storage = memoryStorage(initial);
  TestBed.configureTestingModule({ providers: [{ provide: GRID_STORAGE, useValue: storage }] });
  return { store: TestBed.inject(OverviewPreferencesStore), storage };
}

describe('OverviewPreferencesStore', () => {
  it('falls back to the defaults when what is stored is corrupt or invalid', () => {
    expect(setup({ [KEY]: '{nope' }).store.preferences()).toEqual(DEFAULT_OVERVIEW_PREFERENCES);
    TestBed.resetTestingModule();
    const invalid = { ...DEFAULT_OVERVIEW_PREFERENCES, lines: [{ ...line, filter: 'nope:eq:x' }] };
    expect(setup({ [KEY]: JSON.stringify(invalid) }).store.lines()).toEqual([]);
  });

  it('keeps lines in storage: add, reorder, remove and undo', () => {
    const { store, storage } = setup();
    expect(store.saveLine(line).ok).toBe(true);
    expect(store.saveLine({ ...line, id: 'l2', name: 'Pricing' }).ok).toBe(true);
    store.moveLine('l2', -1);
    expect(store.lines().map((l) => l.name)).toEqual(['Pricing', 'Risk']);
    const undo = store.removeLine('l2');
    expect(
      JSON.parse(defined(storage.data.get(KEY), 'stored lines')).lines.map(
        (l: { id: string }) => l.id,
      ),
    ).toEqual(['l1']);
    undo();
    expect(store.lines().map((l) => l.id)).toEqual(['l2', 'l1']);
  });

  it('refuses an invalid line and changes nothing', () => {
    const { store, storage } = setup();
    const result = store.saveLine({ ...line, groups: [] });
    expect(result).toMatchObject({ ok: false, error: { error: 'lineGroups' } });
    expect(store.lines()).toEqual([]);
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('imports a whole file or nothing', () => {
    const { store } = setup();
    store.saveLine(line);
    const before = store.preferences();
    const bad = toOverviewSettingsFile({
      lines: [{ ...line, id: 'x' }],
      thresholds: { stuckMinutes: 10, failingPercent: 500, pausedMinutes: 30 },
    });
    expect(store.importSettings(JSON.stringify(bad))).toMatchObject({
      ok: false,
      error: { path: 'overview.thresholds.failingPercent', error: 'threshold' },
    });
    expect(store.preferences()).toEqual(before);
    const good = toOverviewSettingsFile({
      lines: [{ ...line, id: 'x', name: 'Imported' }],
      thresholds: { stuckMinutes: 5, failingPercent: 50, pausedMinutes: 60 },
    });
    expect(store.importSettings(JSON.stringify(good)).ok).toBe(true);
    expect(store.lines().map((l) => l.name)).toEqual(['Imported']);
    expect(store.thresholds().stuckMinutes).toBe(5);
    expect(store.exportSettings()).toMatchObject({
      grid: 'overview',
      overview: store.preferences(),
    });
  });
});
