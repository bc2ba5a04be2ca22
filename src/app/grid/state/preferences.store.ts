import { Injectable, computed, inject, signal } from '@angular/core';

import type { CountGroup } from '../model/counts';
import {
  type Checked,
  DEFAULT_REFRESH_MS,
  type GridPreferences,
  type SavedView,
  checkPreferences,
  checkViews,
} from '../model/preferences';
import { type SettingsFile, parseSettingsFile, toSettingsFile } from '../model/settings-file';
import { DEFAULT_PAGE_SIZE } from '../model/view';
import { preferencesContextOf } from './codec-context';
import { GRID_DEFINITION } from './grid-definition';
import { GRID_STORAGE } from './storage';

/**
 * A grid's preferences and saved views, kept in localStorage under `session-console.grid.<id>.*`.
 * Everything read back is validated like an imported file: a corrupt entry falls back to defaults.
 */
@Injectable()
export class GridPreferencesStore {
  private readonly definition = inject(GRID_DEFINITION);
  private readonly storage = inject(GRID_STORAGE);
  private readonly context = preferencesContextOf(this.definition);
  private readonly prefsKey = `session-console.grid.${this.definition.id}.preferences`;
  private readonly viewsKey = `session-console.grid.${this.definition.id}.views`;

  readonly defaults: GridPreferences = {
    columns: this.definition.defaultColumns,
    customColumns: [],
    pageSize: DEFAULT_PAGE_SIZE,
    refreshMs: DEFAULT_REFRESH_MS,
    density: 'comfortable',
  };

  private readonly state = signal<GridPreferences>(
    this.read(this.prefsKey, (v) => checkPreferences(v, this.context), this.defaults),
  );
  private readonly savedViews = signal<readonly SavedView[]>(
    this.read(this.viewsKey, (v) => checkViews(v, this.context), []),
  );

  readonly preferences = this.state.asReadonly();
  readonly views = this.savedViews.asReadonly();
  readonly columns = computed(() => this.state().columns);
  readonly customColumns = computed(() => this.state().customColumns);
  readonly pageSize = computed(() => this.state().pageSize);
  readonly refreshMs = computed(() => this.state().refreshMs);
  readonly density = computed(() => this.state().density);
  readonly countGroups = computed<readonly CountGroup[]>(
    () => this.state().countGroups ?? this.definition.counts?.defaultGroups ?? [],
  );

  update(patch: Partial<GridPreferences>): void {
    this.state.update((current) => ({ ...current, ...patch }));
    this.storage.set(this.prefsKey, JSON.stringify(this.state()));
  }

  /** Back to the definition's defaults (columns, custom columns, groups…), keeping saved views. */
  reset(): void {
    this.state.set(this.defaults);
    this.storage.set(this.prefsKey, JSON.stringify(this.defaults));
  }

  addCustomColumn(key: string): void {
    if (!this.state().customColumns.includes(key))
      this.update({ customColumns: [...this.state().customColumns, key] });
  }

  removeCustomColumn(key: string): void {
    this.update({ customColumns: this.state().customColumns.filter((k) => k !== key) });
  }

  saveView(name: string, params: SavedView['params']): SavedView {
    const view: SavedView = { id: newId(), name: name.trim(), params };
    this.writeViews([...this.savedViews(), view]);
    return view;
  }

  renameView(id: string, name: string): void {
    this.writeViews(this.savedViews().map((v) => (v.id === id ? { ...v, name: name.trim() } : v)));
  }

  deleteView(id: string): void {
    this.writeViews(this.savedViews().filter((v) => v.id !== id));
  }

  exportSettings(): SettingsFile {
    return toSettingsFile(this.definition.id, this.state(), this.savedViews());
  }

  /** Applies an imported file only if all of it is valid; otherwise changes nothing and says why. */
  importSettings(text: string): Checked<unknown> {
    const parsed = parseSettingsFile(text, this.definition.id, this.context);
    if (!parsed.ok) return parsed;
    this.state.set(parsed.value.preferences);
    this.storage.set(this.prefsKey, JSON.stringify(parsed.value.preferences));
    this.writeViews(parsed.value.views);
    return parsed;
  }

  private writeViews(views: readonly SavedView[]): void {
    this.savedViews.set(views);
    this.storage.set(this.viewsKey, JSON.stringify(views));
  }

  private read<V>(key: string, check: (value: unknown) => Checked<V>, fallback: V): V {
    const text = this.storage.get(key);
    if (text === null) return fallback;
    try {
      const checked = check(JSON.parse(text));
      return checked.ok ? checked.value : fallback;
    } catch {
      return fallback;
    }
  }
}

function newId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    `v${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
  );
}
