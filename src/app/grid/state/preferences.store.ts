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
import {
  type ImportPlan,
  type SettingsFile,
  parseSettingsFile,
  planImport,
  toSettingsFile,
} from '../model/settings-file';
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

  /**
   * Reads an imported file completely and says what it would change — nothing is applied yet.
   * A file wrong anywhere, too large or with too many views is refused whole, with the reason.
   */
  previewImport(text: string): Checked<ImportPlan> {
    const parsed = parseSettingsFile(text, this.definition.id, this.context);
    return parsed.ok ? { ok: true, value: planImport(this.savedViews(), parsed.value) } : parsed;
  }

  /**
   * Applies a previewed import, all or nothing, storage included: if either write does not fit
   * in browser storage, what was stored before is put back and nothing changes.
   */
  applyImport(plan: ImportPlan): Checked<unknown> {
    const before = {
      prefs: this.storage.get(this.prefsKey),
      views: this.storage.get(this.viewsKey),
    };
    const written =
      this.storage.set(this.prefsKey, JSON.stringify(plan.preferences)) &&
      this.storage.set(this.viewsKey, JSON.stringify(plan.views));
    if (!written) {
      this.restore(this.prefsKey, before.prefs);
      this.restore(this.viewsKey, before.views);
      return { ok: false, error: { path: '', error: 'storageFull' } };
    }
    this.state.set(plan.preferences);
    this.savedViews.set(plan.views);
    return { ok: true, value: undefined };
  }

  /** Preview and apply at once (no confirmation): for callers that already asked. */
  importSettings(text: string): Checked<unknown> {
    const preview = this.previewImport(text);
    return preview.ok ? this.applyImport(preview.value) : preview;
  }

  private restore(key: string, text: string | null): void {
    if (text === null) this.storage.remove?.(key);
    else this.storage.set(key, text);
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
