import {
  ApplicationRaw,
  Msg,
  PartitionRaw,
  ResultRaw,
  SessionRaw,
  StatusCount,
  TaskDetailed,
  TaskSummary,
} from './messages';
import { NativeClients } from './native-clients';
import {
  APPLICATION_COLUMNS,
  Column,
  EMPTY_FILTERS,
  Kind,
  PARTITION_COLUMNS,
  RESULT_COLUMNS,
  SESSION_COLUMNS,
  SORT_ASC,
  TASK_COLUMNS,
  Value,
  applicationField,
  condition,
  filtersOf,
  partitionField,
  resultField,
  sessionField,
  taskField,
} from './filters';

export interface Listing<R> {
  rows: R[];
  total: number;
  page: number;
  page_size: number;
}

export interface Resource<R> {
  name: string;
  /** The List RPC, with the response's rows under one name. */
  list(clients: NativeClients, request: Msg): Promise<Listing<R>>;
  id(row: R): string;
  /** A `sort` message for `field` in `direction` (applications take a list of fields). */
  sort(field: Msg | Msg[], direction: string): Msg;
  idField: Msg;
  columns: Column<R>[];
}

const single = (field: Msg | Msg[], direction: string): Msg => ({
  field: Array.isArray(field) ? field[0] : field,
  direction,
});

export const SESSIONS: Resource<SessionRaw> = {
  name: 'sessions',
  async list(c, request) {
    const r = await c.sessions.ListSessions(request);
    return { rows: r.sessions, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.session_id,
  sort: single,
  idField: sessionField.raw('SESSION_ID'),
  columns: SESSION_COLUMNS,
};

export const TASKS: Resource<TaskSummary> = {
  name: 'tasks',
  async list(c, request) {
    const r = await c.tasks.ListTasks(request);
    return { rows: r.tasks, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.id,
  sort: single,
  idField: taskField.summary('TASK_ID'),
  columns: TASK_COLUMNS,
};

export const TASKS_DETAILED: Resource<TaskDetailed> = {
  name: 'tasks (detailed)',
  async list(c, request) {
    const r = await c.tasks.ListTasksDetailed(request);
    return { rows: r.tasks, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.id,
  sort: single,
  idField: taskField.summary('TASK_ID'),
  columns: [],
};

export const RESULTS: Resource<ResultRaw> = {
  name: 'results',
  async list(c, request) {
    const r = await c.results.ListResults(request);
    return { rows: r.results, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.result_id,
  sort: single,
  idField: resultField('RESULT_ID'),
  columns: RESULT_COLUMNS,
};

export const PARTITIONS: Resource<PartitionRaw> = {
  name: 'partitions',
  async list(c, request) {
    const r = await c.partitions.ListPartitions(request);
    return { rows: r.partitions, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.id,
  sort: single,
  idField: partitionField('ID'),
  columns: PARTITION_COLUMNS,
};

export const applicationKey = (a: ApplicationRaw) =>
  [a.name, a.version, a.namespace, a.service].join('\u0000');

export const APPLICATIONS: Resource<ApplicationRaw> = {
  name: 'applications',
  async list(c, request) {
    const r = await c.applications.ListApplications(request);
    return { rows: r.applications, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: applicationKey,
  sort: (field, direction) => ({ fields: Array.isArray(field) ? field : [field], direction }),
  idField: applicationField('NAME'),
  columns: APPLICATION_COLUMNS,
};

/** Applications are identified by all four fields: sort on all of them. */
export const APPLICATION_ID_FIELDS = ['NAME', 'VERSION', 'NAMESPACE', 'SERVICE'].map(
  applicationField,
);

/** The control plane's default maximum page size (--max-page-size). */
export const ALL_ROWS = 10_000;

/** Every row matching `filters`, sorted by id ascending, read page by page at the maximum size. */
export async function listAll<R>(
  clients: NativeClients,
  resource: Resource<R>,
  filters: Msg = EMPTY_FILTERS,
): Promise<Listing<R>> {
  const idSort = resource === (APPLICATIONS as unknown) ? APPLICATION_ID_FIELDS : resource.idField;
  const rows: R[] = [];
  for (let page = 0; ; page++) {
    const listing = await resource.list(clients, {
      page,
      page_size: ALL_ROWS,
      filters,
      sort: resource.sort(idSort, SORT_ASC),
    });
    rows.push(...listing.rows);
    if (listing.rows.length < ALL_ROWS || rows.length >= listing.total)
      return { ...listing, rows, page: 0 };
  }
}

/** The first of `rows`; a test that needs one fails here, saying what was missing. */
export function first<T>(rows: readonly T[], what = 'a row'): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`expected ${what}, found none`);
  return row;
}

/** Each item with the one after it: [a, b], [b, c], … (items are never undefined). */
export function neighbours<T extends NonNullable<unknown>>(items: readonly T[]): [T, T][] {
  return items.flatMap((item, i): [T, T][] => {
    const next = items[i + 1];
    return next === undefined ? [] : [[item, next]];
  });
}

/** A valid list request for `resource` (everything present), to mutate in bad-input tests. */
export function validListRequest<R>(resource: Resource<R>): Msg {
  const idSort = resource === (APPLICATIONS as unknown) ? APPLICATION_ID_FIELDS : resource.idField;
  return { page: 0, page_size: 10, filters: EMPTY_FILTERS, sort: resource.sort(idSort, SORT_ASC) };
}

/** Filter on one session / task field by string equality (the console's drill-down filter). */
export const bySession = {
  tasks: (sessionId: string) =>
    filtersOf([condition(taskField.summary('SESSION_ID'), 'string', 'EQUAL', sessionId)]),
  results: (sessionId: string) =>
    filtersOf([condition(resultField('SESSION_ID'), 'string', 'EQUAL', sessionId)]),
  sessions: (sessionId: string) =>
    filtersOf([condition(sessionField.raw('SESSION_ID'), 'string', 'EQUAL', sessionId)]),
};

export const TASK_FINAL_STATUSES = [
  'TASK_STATUS_COMPLETED',
  'TASK_STATUS_CANCELLED',
  'TASK_STATUS_ERROR',
  'TASK_STATUS_RETRIED',
  'TASK_STATUS_TIMEOUT',
];
export const isTaskFinal = (status: string) => TASK_FINAL_STATUSES.includes(status);

/**
 * A running session with at least `minOpen` tasks not yet final, and those tasks' ids: what a
 * live-events test watches change. Fails with a message when the data set has none.
 */
export async function runningSessionWithOpenTasks(
  c: NativeClients,
  minOpen: number,
): Promise<{ sessionId: string; taskIds: string[] }> {
  const running = await listAll(
    c,
    SESSIONS,
    filtersOf([condition(sessionField.raw('STATUS'), 'status', 'EQUAL', 'SESSION_STATUS_RUNNING')]),
  );
  for (const s of running.rows) {
    const taskIds = (await listAll(c, TASKS, bySession.tasks(s.session_id))).rows
      .filter((t) => !isTaskFinal(t.status))
      .map((t) => t.id);
    if (taskIds.length >= minOpen) return { sessionId: s.session_id, taskIds };
  }
  throw new Error(`no running session with ${minOpen} open tasks in the data set`);
}

/** Wire values of the status enums (sorting on a status column orders by these numbers). */
export const STATUS_NUMBERS: Record<string, number> = {
  SESSION_STATUS_UNSPECIFIED: 0,
  SESSION_STATUS_RUNNING: 1,
  SESSION_STATUS_CANCELLED: 2,
  SESSION_STATUS_PAUSED: 3,
  SESSION_STATUS_CLOSED: 4,
  SESSION_STATUS_PURGED: 5,
  SESSION_STATUS_DELETED: 6,
  TASK_STATUS_UNSPECIFIED: 0,
  TASK_STATUS_CREATING: 1,
  TASK_STATUS_SUBMITTED: 2,
  TASK_STATUS_DISPATCHED: 3,
  TASK_STATUS_COMPLETED: 4,
  TASK_STATUS_ERROR: 5,
  TASK_STATUS_TIMEOUT: 6,
  TASK_STATUS_CANCELLING: 7,
  TASK_STATUS_CANCELLED: 8,
  TASK_STATUS_PROCESSING: 9,
  TASK_STATUS_PROCESSED: 10,
  TASK_STATUS_RETRIED: 11,
  TASK_STATUS_PENDING: 12,
  TASK_STATUS_PAUSED: 13,
  RESULT_STATUS_UNSPECIFIED: 0,
  RESULT_STATUS_CREATED: 1,
  RESULT_STATUS_COMPLETED: 2,
  RESULT_STATUS_ABORTED: 3,
  RESULT_STATUS_DELETED: 4,
  RESULT_STATUS_NOTFOUND: 127,
};

/** Sort key of a column value: statuses by wire number, booleans false < true. */
export function sortKey(kind: Kind, value: Value): bigint | string | number | null {
  if (value === null) return null;
  switch (kind) {
    case 'status':
      return STATUS_NUMBERS[value as string] ?? -1;
    case 'boolean':
      return value ? 1 : 0;
    case 'array':
      return (value as string[]).join(',');
    default:
      return value as bigint | string;
  }
}

/** Plain code-unit / numeric comparison (no locale collation). */
export function compare(a: bigint | string | number, b: bigint | string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted distinct non-null values of a column. */
export function distinctValues<R>(rows: R[], column: Column<R>): Value[] {
  const seen = new Map<string, Value>();
  for (const row of rows) {
    const v = column.get(row);
    if (v === null) continue;
    seen.set(Array.isArray(v) ? v.join(',') : String(v), v);
  }
  return [...seen.values()].sort((a, b) =>
    compare(sortKey(column.kind, a) as string, sortKey(column.kind, b) as string),
  );
}

/** The most frequent non-empty value of a column (ties: first in sorted order). */
export function mostFrequent<R>(rows: R[], get: (row: R) => Value): Value {
  const counts = new Map<string, { value: Value; count: number }>();
  for (const row of rows) {
    const values = ((): Value[] => {
      const v = get(row);
      return Array.isArray(v) ? v : [v];
    })();
    for (const v of values) {
      if (v === null || v === '') continue;
      const key = String(v);
      const entry = counts.get(key) ?? { value: v, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const entries = [...counts.entries()].sort(
    ([ka, a], [kb, b]) => b.count - a.count || compare(ka, kb),
  );
  return entries.at(0)?.[1].value ?? null;
}

/** Swaps the case of every letter: 'Abc-1' → 'aBC-1'. */
export function swapCase(text: string): string {
  return [...text]
    .map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()))
    .join('');
}

/** Counts by status of a list of rows, zero counts omitted (CountTasksByStatus reference). */
export function countByStatus(statuses: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

export function toCountMap(counts: StatusCount[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of counts) out[c.status] = c.count;
  return out;
}
