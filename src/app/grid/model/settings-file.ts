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

/**
 * Limits of an imported file, stated to the user: far above what a person saves (a settings
 * file with 50 views is about 20 kB), far below what browser storage holds (5 MB for the whole
 * console) — a 22 MB file of 40,000 views overflowed it and was half lost.
 */
export const MAX_SETTINGS_BYTES = 1_000_000;
export const MAX_SAVED_VIEWS = 500;

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
  if (text.length > MAX_SETTINGS_BYTES)
    return {
      ok: false,
      error: { path: '', error: 'tooLarge', params: { max: MAX_SETTINGS_BYTES / 1_000_000 } },
    };
  const envelope = readSettingsEnvelope(text, grid);
  if (!envelope.ok) return envelope;
  const file = envelope.value;
  if (Array.isArray(file['views']) && file['views'].length > MAX_SAVED_VIEWS)
    return {
      ok: false,
      error: {
        path: 'views',
        error: 'tooManyViews',
        params: { count: file['views'].length, max: MAX_SAVED_VIEWS },
      },
    };
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

/** What importing a file will do to the saved views, shown before anything is applied. */
export interface ImportPlan {
  readonly preferences: GridPreferences;
  readonly views: readonly SavedView[];
  /** Views of the file whose name no current view has. */
  readonly added: readonly string[];
  /** Current views the file has a view of the same name for: replaced by the file's. */
  readonly replaced: readonly string[];
  /** Current views the file does not have: removed (the file's views replace them all). */
  readonly removed: readonly string[];
}

export function planImport(
  current: readonly SavedView[],
  file: { preferences: GridPreferences; views: readonly SavedView[] },
): ImportPlan {
  const currentNames = new Set(current.map((v) => v.name));
  const fileNames = new Set(file.views.map((v) => v.name));
  return {
    preferences: file.preferences,
    views: file.views,
    added: file.views.map((v) => v.name).filter((name) => !currentNames.has(name)),
    replaced: current.map((v) => v.name).filter((name) => fileNames.has(name)),
    removed: current.map((v) => v.name).filter((name) => !fileNames.has(name)),
  };
}
