import type { Checked, SettingsError } from '../../grid/model/preferences';
import { SETTINGS_FORMAT, readSettingsEnvelope } from '../../grid/model/settings-file';
import { type AttentionThresholds, DEFAULT_THRESHOLDS } from './attention';

/**
 * A named line of the overview, as ArmoniK's dashboard has: a task filter (one AND-group of
 * conditions on the tasks grid's columns, kept in the grid's own URL form, e.g.
 * `applicationName:eq:pricing;custom.team:eq:risk`) and the status groups it shows.
 */
export interface OverviewLine {
  readonly id: string;
  readonly name: string;
  /** The tasks grid's `f` parameter: what the line counts and what its numbers open. */
  readonly filter: string;
  /** Ids of the status groups to show (the tasks grid's default count groups). */
  readonly groups: readonly string[];
}

export interface OverviewPreferences {
  readonly lines: readonly OverviewLine[];
  readonly thresholds: AttentionThresholds;
}

export const DEFAULT_OVERVIEW_PREFERENCES: OverviewPreferences = {
  lines: [],
  thresholds: DEFAULT_THRESHOLDS,
};

/** The settings file "grid" name of the overview page. */
export const OVERVIEW_SETTINGS_NAME = 'overview';
export const MAX_LINES = 20;
const MAX_NAME = 80;

/** What line validation needs: whether a filter reads on the tasks grid, and the group ids. */
export interface LinesContext {
  /** Why this `f` value cannot be read as a tasks filter; undefined when it can. */
  readonly filterProblem: (filter: string) => string | undefined;
  readonly groupIds: readonly string[];
}

const fail = (path: string, error: string, params?: SettingsError['params']): Checked<never> => ({
  ok: false,
  error: { path, error, params },
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Range of each threshold: a value outside is refused rather than clamped. */
export const THRESHOLD_LIMITS: Readonly<
  Record<keyof AttentionThresholds, readonly [number, number]>
> = {
  stuckMinutes: [1, 1440],
  failingPercent: [1, 100],
  pausedMinutes: [1, 10080],
};

export function checkThresholds(value: unknown, path: string): Checked<AttentionThresholds> {
  if (!isObject(value)) return fail(path, 'notObject');
  const out: Record<string, number> = {};
  for (const [key, [min, max]] of Object.entries(THRESHOLD_LIMITS)) {
    const n = value[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
      return fail(`${path}.${key}`, 'threshold', { min, max });
    out[key] = n;
  }
  return { ok: true, value: out as unknown as AttentionThresholds };
}

export function checkLine(
  value: unknown,
  context: LinesContext,
  path: string,
): Checked<OverviewLine> {
  if (!isObject(value)) return fail(path, 'notObject');
  const { id, name, filter, groups } = value;
  if (typeof id !== 'string' || id === '') return fail(`${path}.id`, 'required');
  if (typeof name !== 'string' || name.trim() === '') return fail(`${path}.name`, 'required');
  if (name.trim().length > MAX_NAME) return fail(`${path}.name`, 'nameLength', { max: MAX_NAME });
  if (typeof filter !== 'string') return fail(`${path}.filter`, 'notString');
  if (filter !== '') {
    const problem = context.filterProblem(filter);
    if (problem !== undefined) return fail(`${path}.filter`, 'lineFilter', { problem });
  }
  if (!Array.isArray(groups) || groups.length === 0 || groups.some((g) => typeof g !== 'string'))
    return fail(`${path}.groups`, 'lineGroups');
  const unknown = (groups as string[]).find((g) => !context.groupIds.includes(g));
  if (unknown !== undefined) return fail(`${path}.groups`, 'unknownGroup', { group: unknown });
  return {
    ok: true,
    value: { id, name: name.trim(), filter, groups: [...new Set(groups as string[])] },
  };
}

/** Checks untrusted overview preferences (localStorage or an imported file) as a whole. */
export function checkOverviewPreferences(
  value: unknown,
  context: LinesContext,
  path = 'overview',
): Checked<OverviewPreferences> {
  if (!isObject(value)) return fail(path, 'notObject');
  const { lines, thresholds } = value;
  if (!Array.isArray(lines)) return fail(`${path}.lines`, 'lines');
  if (lines.length > MAX_LINES) return fail(`${path}.lines`, 'tooManyLines', { max: MAX_LINES });
  const checked: OverviewLine[] = [];
  for (const [i, line] of lines.entries()) {
    const result = checkLine(line, context, `${path}.lines[${i}]`);
    if (!result.ok) return result;
    checked.push(result.value);
  }
  if (new Set(checked.map((line) => line.id)).size !== checked.length)
    return fail(`${path}.lines`, 'duplicate');
  const limits = checkThresholds(thresholds, `${path}.thresholds`);
  if (!limits.ok) return limits;
  return { ok: true, value: { lines: checked, thresholds: limits.value } };
}

/** The overview's settings file: the grids' envelope, with the overview's preferences inside. */
export function toOverviewSettingsFile(preferences: OverviewPreferences, now = new Date()) {
  return {
    format: SETTINGS_FORMAT,
    version: 1 as const,
    grid: OVERVIEW_SETTINGS_NAME,
    exportedAt: now.toISOString(),
    overview: preferences,
  };
}

/** Reads an imported overview settings file completely; refused as a whole with the reason. */
export function parseOverviewSettingsFile(
  text: string,
  context: LinesContext,
): Checked<OverviewPreferences> {
  const envelope = readSettingsEnvelope(text, OVERVIEW_SETTINGS_NAME);
  if (!envelope.ok) return envelope;
  return checkOverviewPreferences(envelope.value['overview'], context);
}
