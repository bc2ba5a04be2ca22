import { TestBed } from '@angular/core/testing';

import { WIDGETS } from '../../../testing/widgets.spec-helper';
import { type SavedView } from '../model/preferences';
import { MAX_SAVED_VIEWS, MAX_SETTINGS_BYTES, toSettingsFile } from '../model/settings-file';
import { GRID_DEFINITION } from './grid-definition';
import { GridPreferencesStore } from './preferences.store';
import { GRID_STORAGE, memoryStorage } from './storage';

const view = (id: string, name: string): SavedView => ({ id, name, params: { sort: 'born:asc' } });

function setUp(quota = Infinity) {
  const storage = memoryStorage({}, quota);
  TestBed.configureTestingModule({
    providers: [
      { provide: GRID_DEFINITION, useValue: WIDGETS },
      { provide: GRID_STORAGE, useValue: storage },
      GridPreferencesStore,
    ],
  });
  const store = TestBed.inject(GridPreferencesStore);
  const fileWith = (views: readonly SavedView[]) =>
    JSON.stringify(toSettingsFile('widgets', { ...store.defaults, pageSize: 50 }, views));
  return { store, storage, fileWith };
}

describe('grid settings import: previewed, then all or nothing', () => {
  it('says what it adds, replaces and removes, and changes nothing until applied', () => {
    const { store, fileWith } = setUp();
    store.saveView('Mine', { sort: 'born:asc' });
    store.saveView('Shared', { sort: 'born:desc' });
    const preview = store.previewImport(fileWith([view('a', 'Shared'), view('b', 'New')]));
    expect(preview).toMatchObject({
      ok: true,
      value: { added: ['New'], replaced: ['Shared'], removed: ['Mine'] },
    });
    expect(store.views().map((v) => v.name)).toEqual(['Mine', 'Shared']);
    expect(store.pageSize()).not.toBe(50);

    expect(store.applyImport(preview.ok ? preview.value : (undefined as never)).ok).toBe(true);
    expect(store.views().map((v) => v.name)).toEqual(['Shared', 'New']);
    expect(store.pageSize()).toBe(50);
  });

  it('refuses a file over the limits, whole, with the limit in the reason', () => {
    const { store, fileWith } = setUp();
    const many = Array.from({ length: MAX_SAVED_VIEWS + 1 }, (_, i) => view(`v${i}`, `V${i}`));
    expect(store.previewImport(fileWith(many))).toMatchObject({
      ok: false,
      error: { error: 'tooManyViews', params: { max: MAX_SAVED_VIEWS } },
    });
    expect(store.previewImport(' '.repeat(MAX_SETTINGS_BYTES + 1))).toMatchObject({
      ok: false,
      error: { error: 'tooLarge' },
    });
  });

  it('when storage cannot hold it, puts back what was stored and changes nothing', () => {
    const { store, storage, fileWith } = setUp(2_000);
    store.saveView('Mine', { sort: 'born:asc' });
    const stored = new Map(storage.data);
    const big = Array.from({ length: 40 }, (_, i) => view(`v${i}`, `A long view name ${i}`));
    const preview = store.previewImport(fileWith(big));
    expect(preview.ok).toBe(true);
    expect(store.applyImport(preview.ok ? preview.value : (undefined as never))).toMatchObject({
      ok: false,
      error: { error: 'storageFull' },
    });
    expect(storage.data).toEqual(stored);
    expect(store.views().map((v) => v.name)).toEqual(['Mine']);
  });
});
