import type { SortSpec } from './definition';
import { type CheckedGroup, type FieldResolver, checkGroups } from './filter-proto';
import type { Condition, FilterGroup, GridFilters, OperatorKey } from './filter-types';
import { type GridView, PAGE_SIZES } from './view';

/**
 * The view ↔ query string, as pure functions. The URL is the single source of truth of a grid:
 *
 *   ?f=status:eq:running,paused;custom.team:eq:risk   one AND-group per `f` (repeated = OR)
 *   &f=createdAt:ge:2024-05-01T10:30:00.000Z           (values keep their colons)
 *   &q=abc                                            quick search
 *   &status=running,paused                            quick status chips
 *   &sort=createdAt:desc  &page=2 (1-based)  &size=25  &cols=sessionId,status,createdAt
 *
 * Atoms (field keys, values, column keys) escape only the four separators and `%`, so URLs stay
 * readable; the router percent-encodes the rest. Anything unreadable falls back to its default
 * and is reported, never thrown.
 */
export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export type UrlPart = 'filters' | 'search' | 'status' | 'sort' | 'page' | 'size' | 'columns';

export interface CodecContext {
  /** Filter fields (columns and custom keys) with their types. */
  readonly resolveField: FieldResolver;
  readonly isColumn: (key: string) => boolean;
  readonly isSortable: (key: string) => boolean;
  /** Status keys the quick chips accept; undefined when the page has no status chips. */
  readonly quickStatuses?: readonly string[];
  readonly defaults: GridView;
}

export interface Decoded {
  readonly view: GridView;
  /** The view's filter groups, checked and parsed: what the proto mapping trusts as they are. */
  readonly checked: readonly CheckedGroup[];
  /** Parts of the URL that could not be read and were replaced by their defaults. */
  readonly problems: readonly UrlPart[];
}

const SEPARATORS = /[%:,;]/g;
/** Values come last in a condition, so they may keep their colons (ISO dates stay readable). */
const VALUE_SEPARATORS = /[%,;]/g;

const hex = (c: string) => '%' + c.charCodeAt(0).toString(16).toUpperCase();

export function escapeAtom(text: string): string {
  return text.replace(SEPARATORS, hex);
}

function escapeValue(text: string): string {
  return text.replace(VALUE_SEPARATORS, hex);
}

export function unescapeAtom(text: string): string {
  // Only our own escapes appear; anything else malformed makes decodeURIComponent throw, which
  // the callers turn into a problem.
  return decodeURIComponent(text);
}

export function encodeCondition(condition: Condition): string {
  return [
    escapeAtom(condition.field),
    condition.op,
    condition.values.map(escapeValue).join(','),
  ].join(':');
}

export function encodeGroup(group: FilterGroup): string {
  return group.map(encodeCondition).join(';');
}

export function decodeGroup(text: string): FilterGroup {
  if (text === '') throw new Error('empty group');
  return text.split(';').map((part) => {
    // field:op:values — the values are everything after the second colon.
    const first = part.indexOf(':');
    const second = first < 0 ? -1 : part.indexOf(':', first + 1);
    if (second < 0) throw new Error('condition shape');
    const field = part.slice(0, first);
    const op = part.slice(first + 1, second);
    const values = part.slice(second + 1);
    return {
      field: unescapeAtom(field),
      op: op as OperatorKey,
      values: values.split(',').map(unescapeAtom),
    };
  });
}

export function encodeView(view: GridView): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  const groups = view.filters.groups.filter((group) => group.length > 0);
  if (groups.length > 0) params['f'] = groups.map(encodeGroup);
  if (view.filters.search !== '') params['q'] = view.filters.search;
  if (view.filters.statuses.length > 0)
    params['status'] = view.filters.statuses.map(escapeAtom).join(',');
  params['sort'] = `${escapeAtom(view.sort.column)}:${view.sort.direction}`;
  params['page'] = String(view.page + 1);
  params['size'] = String(view.pageSize);
  params['cols'] = view.columns.map(escapeAtom).join(',');
  return params;
}

function all(params: QueryParams, name: string): readonly string[] {
  const value = params[name];
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

/** A parameter that must appear at most once (a hand-edited `?page=1&page=2` is unreadable). */
function one(params: QueryParams, name: string): string | undefined {
  const values = all(params, name);
  if (values.length > 1) throw new Error(`several ${name}`);
  return values[0];
}

export function decodeView(params: QueryParams, context: CodecContext): Decoded {
  const problems: UrlPart[] = [];
  const { defaults } = context;
  const attempt = <T>(part: UrlPart, fallback: T, read: () => T): T => {
    try {
      return read();
    } catch {
      problems.push(part);
      return fallback;
    }
  };

  const readGroups = (groups: readonly FilterGroup[]) => {
    const checked = checkGroups(groups, context.resolveField);
    if (!checked.ok) throw new Error('condition');
    return { groups, checked: checked.groups };
  };
  const { groups, checked } = attempt('filters', readGroups(defaults.filters.groups), () => {
    const raw = all(params, 'f');
    return readGroups(raw.length === 0 ? defaults.filters.groups : raw.map(decodeGroup));
  });

  const search = attempt('search', defaults.filters.search, () => {
    return one(params, 'q') ?? defaults.filters.search;
  });

  const statuses = attempt<readonly string[]>('status', defaults.filters.statuses, () => {
    const raw = one(params, 'status');
    if (raw === undefined || raw === '') return defaults.filters.statuses;
    const keys = raw.split(',').map(unescapeAtom);
    const known = context.quickStatuses;
    if (!known || keys.some((key) => !known.includes(key))) throw new Error('status');
    return [...new Set(keys)];
  });

  const sort = attempt<SortSpec>('sort', defaults.sort, () => {
    const raw = one(params, 'sort');
    if (raw === undefined) return defaults.sort;
    const atoms = raw.split(':');
    const [escaped, direction] = atoms;
    if (atoms.length !== 2 || escaped === undefined) throw new Error('sort shape');
    const column = unescapeAtom(escaped);
    if (!context.isSortable(column) || (direction !== 'asc' && direction !== 'desc'))
      throw new Error('sort');
    return { column, direction };
  });

  const page = attempt('page', defaults.page, () => {
    const raw = one(params, 'page');
    if (raw === undefined) return defaults.page;
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw new Error('page');
    return Number(raw) - 1;
  });

  const pageSize = attempt('size', defaults.pageSize, () => {
    const raw = one(params, 'size');
    if (raw === undefined) return defaults.pageSize;
    const size = Number(raw);
    if (!(PAGE_SIZES as readonly number[]).includes(size) || String(size) !== raw)
      throw new Error('size');
    return size;
  });

  const columns = attempt<readonly string[]>('columns', defaults.columns, () => {
    const raw = one(params, 'cols');
    if (raw === undefined) return defaults.columns;
    const keys = raw.split(',').map(unescapeAtom);
    if (keys.length === 0 || keys.some((key) => !context.isColumn(key))) throw new Error('cols');
    if (new Set(keys).size !== keys.length) throw new Error('duplicate');
    return keys;
  });

  const filters: GridFilters = { search, statuses, groups };
  return { view: { filters, sort, page, pageSize, columns }, checked, problems };
}

/** Same query string, whatever the order of the parameters. */
export function sameParams(a: QueryParams, b: QueryParams): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const left = all(a, key);
    const right = all(b, key);
    if (left.length !== right.length || left.some((value, i) => value !== right[i])) return false;
  }
  return true;
}
