import type { StatusSet } from './status-set';

/** One `StatusCount` of CountTasksByStatus: statuses with no tasks are absent. */
export interface StatusCountLike {
  readonly status: number;
  readonly count: number;
}

/** Tones the theme defines for light and dark (CSS `--app-*` and Material error colours). */
export const COUNT_TONES = [
  'success',
  'info',
  'warning',
  'danger',
  'neutral',
  'highlight',
] as const;
export type CountTone = (typeof COUNT_TONES)[number];

/**
 * A column of the "tasks by statuses" cell: a name, the statuses it adds up, its colour.
 * Users edit groups; the defaults come from the resource definition.
 */
export interface CountGroup {
  readonly id: string;
  /** The user's name for the group; '' = the translated `labelKey`. */
  readonly name: string;
  readonly labelKey?: string;
  /** Status keys added up in this group. */
  readonly statuses: readonly string[];
  /** A theme tone or a `#rrggbb` colour. */
  readonly color: string;
}

export function isCountColor(color: unknown): color is string {
  return (
    typeof color === 'string' &&
    ((COUNT_TONES as readonly string[]).includes(color) || /^#[0-9a-f]{6}$/i.test(color))
  );
}

/** CSS colour of a group: theme variables follow light/dark; custom hex colours are used as is. */
export function countColorCss(color: string): string {
  switch (color) {
    case 'danger':
      return 'var(--mat-sys-error)';
    case 'success':
    case 'info':
    case 'warning':
    case 'neutral':
    case 'highlight':
      return `var(--app-${color})`;
    default:
      return isCountColor(color) ? color : 'var(--app-neutral)';
  }
}

/** Adds up the counts of each group's statuses (a status may be in several groups, or none). */
export function groupCounts(
  counts: readonly StatusCountLike[],
  groups: readonly CountGroup[],
  statuses: StatusSet,
): number[] {
  const byKey = new Map<string, number>();
  for (const { status, count } of counts) {
    const look = statuses.looks.find((candidate) => candidate.value === status);
    if (look) byKey.set(look.key, (byKey.get(look.key) ?? 0) + count);
  }
  return groups.map((group) => group.statuses.reduce((sum, key) => sum + (byKey.get(key) ?? 0), 0));
}

export function totalCount(counts: readonly StatusCountLike[]): number {
  return counts.reduce((sum, { count }) => sum + count, 0);
}

export function sameCounts(a: readonly StatusCountLike[], b: readonly StatusCountLike[]): boolean {
  const key = (list: readonly StatusCountLike[]) =>
    list
      .filter(({ count }) => count !== 0)
      .map(({ status, count }) => `${status}=${count}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** What the grid remembers of a row's counts between refreshes. */
export interface CountsEntry {
  readonly counts: readonly StatusCountLike[];
  /** The row's `changeKey` when these counts were fetched. */
  readonly key: string;
  /** The refresh (list load) they were fetched for. */
  readonly generation: number;
  /** The definition said these counts can no longer change. */
  readonly settled: boolean;
}

/**
 * The refetch rule: fetch a row's counts at most once per refresh, and never again once they are
 * settled while the row itself has not changed. A row that changed (e.g. was cancelled) since
 * its settled counts were fetched is fetched again.
 */
export function needsFetch(
  entry: CountsEntry | undefined,
  rowKey: string,
  generation: number,
): boolean {
  if (!entry) return true;
  if (entry.generation >= generation) return false;
  return !(entry.settled && entry.key === rowKey);
}
