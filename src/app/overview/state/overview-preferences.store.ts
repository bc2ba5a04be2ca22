import { Injectable, computed, inject, signal } from '@angular/core';

import { fieldResolver } from '../../grid/field-resolver';
import type { Checked } from '../../grid/model/preferences';
import { GRID_STORAGE } from '../../grid/state/storage';
import { TASKS } from '../../tasks';
import type { AttentionThresholds } from '../model/attention';
import { linesContext } from '../model/lines';
import {
  DEFAULT_OVERVIEW_PREFERENCES,
  type OverviewLine,
  type OverviewPreferences,
  checkOverviewPreferences,
  parseOverviewSettingsFile,
  toOverviewSettingsFile,
} from '../model/overview-preferences';

const KEY = 'session-console.overview.preferences';

/**
 * The overview's lines and attention thresholds, kept in this browser (localStorage, like the
 * grids' preferences) and read back through the same validation as an imported file.
 */
@Injectable({ providedIn: 'root' })
export class OverviewPreferencesStore {
  private readonly storage = inject(GRID_STORAGE);
  readonly context = linesContext(fieldResolver(TASKS));
  private readonly state = signal<OverviewPreferences>(this.read());

  readonly preferences = this.state.asReadonly();
  readonly lines = computed(() => this.state().lines);
  readonly thresholds = computed(() => this.state().thresholds);

  /** Adds or replaces a line (validated first); the refusal when it is not valid. */
  saveLine(line: OverviewLine): Checked<unknown> {
    const current = this.state().lines;
    const lines = current.some((l) => l.id === line.id)
      ? current.map((l) => (l.id === line.id ? line : l))
      : [...current, line];
    return this.apply({ ...this.state(), lines });
  }

  moveLine(id: string, by: -1 | 1): void {
    const lines = [...this.state().lines];
    const from = lines.findIndex((l) => l.id === id);
    const to = from + by;
    const [moving, other] = [lines[from], lines[to]]; // undefined outside the list
    if (from < 0 || !moving || !other) return;
    [lines[from], lines[to]] = [other, moving];
    this.apply({ ...this.state(), lines });
  }

  /** Removes a line; returns what puts it back where it was (Undo). */
  removeLine(id: string): () => void {
    const before = this.state().lines;
    this.apply({ ...this.state(), lines: before.filter((l) => l.id !== id) });
    return () => this.apply({ ...this.state(), lines: before });
  }

  setThresholds(thresholds: AttentionThresholds): Checked<unknown> {
    return this.apply({ ...this.state(), thresholds });
  }

  exportSettings() {
    return toOverviewSettingsFile(this.state());
  }

  /** Applies an imported file only if all of it is valid; otherwise changes nothing and says why. */
  importSettings(text: string): Checked<unknown> {
    const parsed = parseOverviewSettingsFile(text, this.context);
    if (parsed.ok) this.write(parsed.value);
    return parsed;
  }

  private apply(next: OverviewPreferences): Checked<unknown> {
    const checked = checkOverviewPreferences(next, this.context);
    if (checked.ok) this.write(checked.value);
    return checked;
  }

  private write(value: OverviewPreferences): void {
    this.state.set(value);
    this.storage.set(KEY, JSON.stringify(value));
  }

  private read(): OverviewPreferences {
    const text = this.storage.get(KEY);
    if (text === null) return DEFAULT_OVERVIEW_PREFERENCES;
    try {
      const checked = checkOverviewPreferences(JSON.parse(text), this.context);
      return checked.ok ? checked.value : DEFAULT_OVERVIEW_PREFERENCES;
    } catch {
      return DEFAULT_OVERVIEW_PREFERENCES;
    }
  }
}
