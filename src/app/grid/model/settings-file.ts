import {
  type Checked,
  type GridPreferences,
  type PreferencesContext,
  type SavedView,
  checkPreferences,
  checkViews,
} from './preferences';

/** The exported settings of one grid: preferences and saved views. */
export interface SettingsFile {
  readonly format: typeof SETTINGS_FORMAT;
  readonly version: 1;
  readonly grid: string;
  readonly exportedAt: string;
  readonly preferences: GridPreferences;
  readonly views: readonly SavedView[];
}

export const SETTINGS_FORMAT = 'session-console.grid-settings';

export function toSettingsFile(
  grid: string,
  preferences: GridPreferences,
  views: readonly SavedView[],
  now = new Date(),
): SettingsFile {
  return {
    format: SETTINGS_FORMAT,
    version: 1,
    grid,
    exportedAt: now.toISOString(),
    preferences,
    views,
  };
}

/**
 * Reads an imported file completely before anything is applied: a file that is not JSON, not
 * ours, for another grid, or wrong anywhere is refused as a whole, with the reason.
 */
export function parseSettingsFile(
  text: string,
  grid: string,
  context: PreferencesContext,
): Checked<{ preferences: GridPreferences; views: SavedView[] }> {
  const envelope = readSettingsEnvelope(text, grid);
  if (!envelope.ok) return envelope;
  const file = envelope.value;
  const preferences = checkPreferences(file['preferences'], context);
  if (!preferences.ok) return preferences;
  const views = checkViews(file['views'], context);
  if (!views.ok) return views;
  return { ok: true, value: { preferences: preferences.value, views: views.value } };
}

/**
 * The part every settings file shares (JSON, our format, version 1, for this grid or page —
 * `grid` is also what the overview page exports under): the file's fields, or why it is refused.
 */
export function readSettingsEnvelope(
  text: string,
  grid: string,
): Checked<Readonly<Record<string, unknown>>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { path: '', error: 'notJson' } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, error: { path: '', error: 'notSettings' } };
  const file = data as Record<string, unknown>;
  if (file['format'] !== SETTINGS_FORMAT)
    return { ok: false, error: { path: 'format', error: 'notSettings' } };
  if (file['version'] !== 1)
    return {
      ok: false,
      error: { path: 'version', error: 'version', params: { version: String(file['version']) } },
    };
  if (file['grid'] !== grid)
    return {
      ok: false,
      error: { path: 'grid', error: 'otherGrid', params: { grid: String(file['grid']) } },
    };
  return { ok: true, value: file };
}
