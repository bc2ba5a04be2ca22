import { type CountGroup, isCountColor } from './counts';
import { PAGE_SIZES } from './view';

/** What a user keeps per grid in this browser (localStorage), and exports/imports as a file. */
export interface GridPreferences {
  /** Columns a bare URL shows, in order. */
  readonly columns: readonly string[];
  /** Custom keys the user added as columns (offered in the chooser even while hidden). */
  readonly customColumns: readonly string[];
  readonly pageSize: number;
  /** Auto-refresh period in ms; 0 = off. */
  readonly refreshMs: number;
  readonly density: Density;
  /** Groups of the counts column; undefined = the definition's defaults. */
  readonly countGroups?: readonly CountGroup[];
}

export type Density = 'comfortable' | 'compact';

/** A named view: the URL parameters of its filters, columns and sort (never its page). */
export interface SavedView {
  readonly id: string;
  readonly name: string;
  readonly params: Readonly<Record<string, string | readonly string[]>>;
}

export const REFRESH_INTERVALS = [0, 5_000, 10_000, 30_000, 60_000, 300_000] as const;
export const DEFAULT_REFRESH_MS = 10_000;
export const SAVED_VIEW_PARAMS = ['f', 'q', 'status', 'sort', 'cols'] as const;

/** What validation needs to know about the grid the settings are for. */
export interface PreferencesContext {
  readonly isColumn: (key: string) => boolean;
  /** Keys of the counted statuses; undefined when the grid has no counts column. */
  readonly countStatuses?: readonly string[];
  /** Problems of a saved view's parameters (empty = readable). */
  readonly viewProblems: (
    params: Readonly<Record<string, string | readonly string[]>>,
  ) => readonly string[];
}

/** A validation failure: where, and an i18n key under `grid.settings.errors`. */
export interface SettingsError {
  readonly path: string;
  readonly error: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SettingsError };

const fail = (path: string, error: string, params?: SettingsError['params']): Checked<never> => ({
  ok: false,
  error: { path, error, params },
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Checks untrusted preferences (localStorage or an imported file) field by field. */
export function checkPreferences(
  value: unknown,
  context: PreferencesContext,
  path = 'preferences',
): Checked<GridPreferences> {
  if (!isObject(value)) return fail(path, 'notObject');
  const { columns, customColumns, pageSize, refreshMs, density, countGroups } = value;
  if (!isStringArray(columns) || columns.length === 0) return fail(`${path}.columns`, 'columns');
  const unknown = columns.find((key) => !context.isColumn(key));
  if (unknown !== undefined) return fail(`${path}.columns`, 'unknownColumn', { column: unknown });
  if (new Set(columns).size !== columns.length) return fail(`${path}.columns`, 'duplicate');
  if (!isStringArray(customColumns) || customColumns.some((key) => key === ''))
    return fail(`${path}.customColumns`, 'customColumns');
  if (!(PAGE_SIZES as readonly unknown[]).includes(pageSize))
    return fail(`${path}.pageSize`, 'pageSize', { allowed: PAGE_SIZES.join(', ') });
  if (!(REFRESH_INTERVALS as readonly unknown[]).includes(refreshMs))
    return fail(`${path}.refreshMs`, 'refreshMs', { allowed: REFRESH_INTERVALS.join(', ') });
  if (density !== 'comfortable' && density !== 'compact') return fail(`${path}.density`, 'density');
  let groups: CountGroup[] | undefined;
  if (countGroups !== undefined) {
    const checked = checkCountGroups(countGroups, context, `${path}.countGroups`);
    if (!checked.ok) return checked;
    groups = checked.value;
  }
  return {
    ok: true,
    value: {
      columns: [...columns],
      customColumns: [...new Set(customColumns)],
      pageSize: pageSize as number,
      refreshMs: refreshMs as number,
      density,
      ...(groups ? { countGroups: groups } : {}),
    },
  };
}

export function checkCountGroups(
  value: unknown,
  context: PreferencesContext,
  path: string,
): Checked<CountGroup[]> {
  const known = context.countStatuses;
  if (!known) return fail(path, 'noCounts');
  if (!Array.isArray(value) || value.length === 0) return fail(path, 'countGroups');
  const groups: CountGroup[] = [];
  for (const [i, group] of value.entries()) {
    const at = `${path}[${i}]`;
    if (!isObject(group)) return fail(at, 'notObject');
    const { id, name, labelKey, statuses, color } = group;
    if (typeof id !== 'string' || id === '') return fail(`${at}.id`, 'required');
    if (typeof name !== 'string') return fail(`${at}.name`, 'required');
    if (labelKey !== undefined && typeof labelKey !== 'string')
      return fail(`${at}.labelKey`, 'required');
    if (name.trim() === '' && !labelKey) return fail(`${at}.name`, 'required');
    if (!isStringArray(statuses) || statuses.length === 0)
      return fail(`${at}.statuses`, 'statuses');
    const unknown = statuses.find((key) => !known.includes(key));
    if (unknown !== undefined) return fail(`${at}.statuses`, 'unknownStatus', { status: unknown });
    if (!isCountColor(color)) return fail(`${at}.color`, 'color');
    groups.push({ id, name, ...(labelKey ? { labelKey } : {}), statuses: [...statuses], color });
  }
  if (new Set(groups.map((group) => group.id)).size !== groups.length)
    return fail(path, 'duplicate');
  return { ok: true, value: groups };
}

export function checkViews(
  value: unknown,
  context: PreferencesContext,
  path = 'views',
): Checked<SavedView[]> {
  if (!Array.isArray(value)) return fail(path, 'views');
  const views: SavedView[] = [];
  for (const [i, view] of value.entries()) {
    const at = `${path}[${i}]`;
    if (!isObject(view)) return fail(at, 'notObject');
    const { id, name, params } = view;
    if (typeof id !== 'string' || id === '') return fail(`${at}.id`, 'required');
    if (typeof name !== 'string' || name.trim() === '') return fail(`${at}.name`, 'required');
    if (!isObject(params)) return fail(`${at}.params`, 'notObject');
    const clean: Record<string, string | string[]> = {};
    for (const [key, param] of Object.entries(params)) {
      if (!(SAVED_VIEW_PARAMS as readonly string[]).includes(key))
        return fail(`${at}.params`, 'unknownParam', { param: key });
      if (typeof param !== 'string' && !isStringArray(param))
        return fail(`${at}.params.${key}`, 'notString');
      clean[key] = typeof param === 'string' ? param : [...param];
    }
    const problems = context.viewProblems(clean);
    if (problems.length > 0)
      return fail(`${at}.params`, 'viewUnreadable', { parts: problems.join(', ') });
    views.push({ id, name: name.trim(), params: clean });
  }
  if (new Set(views.map((view) => view.id)).size !== views.length) return fail(path, 'duplicate');
  return { ok: true, value: views };
}
