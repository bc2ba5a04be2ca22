/**
 * Sorting (both directions, representative fields of each type, ties broken by id) and paging
 * (page × page_size, disjoint pages covering every row, past the end, page_size 0, total).
 */
import {
  first,
  neighbours,
  ALL_ROWS,
  APPLICATION_ID_FIELDS,
  applicationField,
  APPLICATIONS,
  Column,
  compare,
  condition,
  EMPTY_FILTERS,
  filtersOf,
  genericColumn,
  listAll,
  Listing,
  Msg,
  PARTITIONS,
  Resource,
  RESULTS,
  SessionRaw,
  SESSIONS,
  sessionField,
  SORT_ASC,
  SORT_DESC,
  sortKey,
  TASKS,
  TASKS_DETAILED,
  TEST_TIMEOUT_MS,
  useCluster,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

// Half the default tasks: each sort case lists everything twice.
const { c } = useCluster({ tasks: 1500 });

/**
 * Everything wrong with the order of `rows` sorted on `column` in `direction`:
 * keys must be monotonic (plain code-unit / numeric / wire-enum order), unset values grouped at
 * one end, and rows with equal keys ordered by id, the same way throughout the listing.
 */
function orderProblems<R>(
  rows: R[],
  column: Column<R>,
  direction: string,
  id: (row: R) => string,
): string[] {
  const problems: string[] = [];
  const keys = rows.map((r) => sortKey(column.kind, column.get(r)));
  const sign = direction === SORT_ASC ? 1 : -1;

  const unset = keys.flatMap((k, i) => (k === null ? [i] : []));
  if (unset.length) {
    const atStart = unset[unset.length - 1] === unset.length - 1;
    const atEnd = unset[0] === rows.length - unset.length;
    if (!atStart && !atEnd) problems.push(`unset values are not grouped at one end: rows ${unset}`);
  }

  let tieOrder = 0;
  for (let i = 1; i < rows.length; i++) {
    const a = keys[i - 1] ?? null;
    const b = keys[i] ?? null;
    const [previous, row] = [rows[i - 1], rows[i]];
    if (previous === undefined || row === undefined) continue;
    if ((a === null) !== (b === null)) continue;
    const byKey = a === null || b === null ? 0 : compare(a, b) * sign;
    if (byKey > 0) {
      problems.push(`row ${i - 1} (${String(a)}) is before row ${i} (${String(b)})`);
      continue;
    }
    if (byKey === 0) {
      const byId = compare(id(previous), id(row));
      if (byId === 0) problems.push(`row ${i} repeats id ${id(row)}`);
      else if (tieOrder === 0) tieOrder = byId;
      else if (byId !== tieOrder)
        problems.push(`tie at rows ${i - 1},${i} not ordered by id like the other ties`);
    }
    if (problems.length > 10) break;
  }
  return problems;
}

function sortedList<R>(
  resource: Resource<R>,
  field: Msg | Msg[],
  direction: string,
  extra: Msg = {},
) {
  return resource.list(c, {
    page: 0,
    page_size: ALL_ROWS,
    filters: EMPTY_FILTERS,
    sort: resource.sort(field, direction),
    ...extra,
  });
}

const pick = <R>(resource: Resource<R>, ...names: string[]) =>
  names.map((n) => {
    const col = resource.columns.find((x) => x.name === n);
    if (!col) throw new Error(`no column ${n} on ${resource.name}`);
    return col;
  });

const SORTS: [string, Resource<unknown>, Column<unknown>[]][] = [
  [
    'sessions',
    SESSIONS as Resource<unknown>,
    pick(
      SESSIONS,
      'SESSION_ID',
      'STATUS',
      'CREATED_AT',
      'CLOSED_AT',
      'CLIENT_SUBMISSION',
      'session option PRIORITY',
      'session option MAX_DURATION',
      'session option APPLICATION_NAME',
    ) as Column<unknown>[],
  ],
  [
    'tasks',
    TASKS as Resource<unknown>,
    pick(
      TASKS,
      'TASK_ID',
      'SESSION_ID',
      'STATUS',
      'CREATED_AT',
      'ENDED_AT',
      'CREATION_TO_END_DURATION',
      'task option PRIORITY',
      'task option PARTITION_ID',
    ) as Column<unknown>[],
  ],
  [
    'results',
    RESULTS as Resource<unknown>,
    pick(
      RESULTS,
      'RESULT_ID',
      'NAME',
      'STATUS',
      'SIZE',
      'CREATED_AT',
      'COMPLETED_AT',
    ) as Column<unknown>[],
  ],
  [
    'partitions',
    PARTITIONS as Resource<unknown>,
    pick(PARTITIONS, 'ID', 'PRIORITY', 'POD_MAX', 'POD_RESERVED') as Column<unknown>[],
  ],
  [
    'applications',
    APPLICATIONS as Resource<unknown>,
    pick(APPLICATIONS, 'NAME', 'VERSION', 'SERVICE') as Column<unknown>[],
  ],
];

const SORT_CASES = SORTS.flatMap(([name, resource, columns]) =>
  columns.flatMap((column) =>
    [SORT_ASC, SORT_DESC].map(
      (direction) =>
        [name, column.name, direction.replace('SORT_DIRECTION_', ''), resource, column] as const,
    ),
  ),
);

/** Unsorted listings, fetched once per resource (this file never changes any data). */
const unsorted = new Map<string, Promise<Listing<unknown>>>();
function everything<R>(resource: Resource<R>): Promise<Listing<R>> {
  if (!unsorted.has(resource.name)) unsorted.set(resource.name, listAll(c, resource));
  return unsorted.get(resource.name) as Promise<Listing<R>>;
}

describe('sorting', () => {
  it.each(SORT_CASES)(
    '%s by %s %s: ordered, ties by id, nothing lost',
    async (_, __, dir, resource, column) => {
      const direction = `SORT_DIRECTION_${dir}`;
      const all = await everything(resource);
      const sorted = await sortedList(resource, column.field, direction);
      expect(sorted.total).toBe(all.total);
      expect(sorted.rows.map(resource.id).sort()).toEqual(all.rows.map(resource.id).sort());
      expect(orderProblems(sorted.rows, column, direction, resource.id)).toEqual([]);
    },
  );

  it('sessions by a custom options.options key, both ways', async () => {
    const all = await everything(SESSIONS);
    const key = first(
      [...new Set(all.rows.flatMap((s) => Object.keys(s.options?.options ?? {})))].sort(),
      'a session with a generic task option',
    );
    const column = genericColumn<SessionRaw>(key);
    for (const direction of [SORT_ASC, SORT_DESC]) {
      const sorted = await sortedList(SESSIONS, column.field, direction);
      // A missing key sorts as "" (the reference reading of an absent string).
      expect(orderProblems(sorted.rows, column, direction, SESSIONS.id)).toEqual([]);
    }
  });

  it('ListTasksDetailed sorts like ListTasks', async () => {
    const status = TASKS.columns.find((x) => x.name === 'STATUS')!;
    for (const direction of [SORT_ASC, SORT_DESC]) {
      const summaries = await sortedList(TASKS, status.field, direction);
      const detailed = await sortedList(TASKS_DETAILED, status.field, direction);
      expect(detailed.rows.map((t) => t.id)).toEqual(summaries.rows.map((t) => t.id));
    }
  });

  it('applications by several fields: name, then version, then namespace, then service', async () => {
    for (const direction of [SORT_ASC, SORT_DESC]) {
      const sorted = await sortedList(APPLICATIONS, APPLICATION_ID_FIELDS, direction);
      const keys = sorted.rows.map((a) => [a.name, a.version, a.namespace, a.service]);
      const expected = [...keys].sort((x, y) => {
        for (let i = 0; i < 4; i++) {
          const d = compare(x[i] ?? '', y[i] ?? '');
          if (d) return direction === SORT_ASC ? d : -d;
        }
        return 0;
      });
      expect(keys).toEqual(expected);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Paging
// ---------------------------------------------------------------------------------------------

/** Per resource: a tie-heavy sort (so stable tie-breaking matters) and a page size. */
const PAGING: [string, Resource<unknown>, Msg | Msg[], number][] = [
  [
    'sessions',
    SESSIONS as Resource<unknown>,
    SESSIONS.columns.find((x) => x.name === 'STATUS')!.field,
    7,
  ],
  ['tasks', TASKS as Resource<unknown>, TASKS.columns.find((x) => x.name === 'STATUS')!.field, 251],
  [
    'results',
    RESULTS as Resource<unknown>,
    RESULTS.columns.find((x) => x.name === 'STATUS')!.field,
    97,
  ],
  [
    'partitions',
    PARTITIONS as Resource<unknown>,
    PARTITIONS.columns.find((x) => x.name === 'PRIORITY')!.field,
    2,
  ],
  ['applications', APPLICATIONS as Resource<unknown>, [applicationField('NAME')], 2],
];

async function page<R>(
  resource: Resource<R>,
  sort: Msg | Msg[],
  n: number,
  size: number,
  filters: Msg = EMPTY_FILTERS,
): Promise<Listing<R>> {
  return resource.list(c, {
    page: n,
    page_size: size,
    filters,
    sort: resource.sort(sort, SORT_ASC),
  });
}

describe.each(PAGING)('paging %s', (_, resource, sort, preferred) => {
  /** The preferred page size, shrunk if needed so that there are at least two pages. */
  async function sizeAndWhole() {
    const whole = await page(resource, sort, 0, ALL_ROWS);
    return { whole, size: Math.max(1, Math.min(preferred, Math.floor(whole.total / 2))) };
  }

  it('pages are disjoint, in order, cover every row, and each says the page, page_size and total', async () => {
    const { whole, size } = await sizeAndWhole();
    expect(whole.rows.length).toBe(whole.total);
    const pages = Math.ceil(whole.total / size);
    expect(pages).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    for (let n = 0; n < pages; n++) {
      const p = await page(resource, sort, n, size);
      expect({ page: p.page, page_size: p.page_size, total: p.total }).toEqual({
        page: n,
        page_size: size,
        total: whole.total,
      });
      expect(p.rows.length).toBe(n < pages - 1 ? size : whole.total - size * (pages - 1));
      seen.push(...p.rows.map(resource.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(whole.rows.map(resource.id));
  });

  it('the same page asked twice is the same rows (stable order)', async () => {
    const { size } = await sizeAndWhole();
    const a = await page(resource, sort, 1, size);
    const b = await page(resource, sort, 1, size);
    expect(b.rows.map(resource.id)).toEqual(a.rows.map(resource.id));
  });

  it('a page past the end is empty, with the right total', async () => {
    const { whole, size } = await sizeAndWhole();
    const last = Math.ceil(whole.total / size);
    for (const n of [last, last + 5]) {
      const p = await page(resource, sort, n, size);
      expect({ rows: p.rows.length, total: p.total }).toEqual({ rows: 0, total: whole.total });
    }
  });

  it('page_size 0 returns no rows and the right total', async () => {
    const all = await everything(resource);
    for (const n of [0, 3]) {
      const p = await page(resource, sort, n, 0);
      expect({ rows: p.rows.length, total: p.total, page_size: p.page_size }).toEqual({
        rows: 0,
        total: all.total,
        page_size: 0,
      });
    }
  });
});

describe('total counts the rows matching the filters, on every page', () => {
  it('sessions filtered by status', async () => {
    const all = await everything(SESSIONS);
    const status = SESSIONS.columns.find((x) => x.name === 'STATUS')!;
    const running = all.rows.filter((s) => s.status === 'SESSION_STATUS_RUNNING').length;
    const filters = filtersOf([
      condition(status.field, 'status', 'EQUAL', 'SESSION_STATUS_RUNNING'),
    ]);
    for (const n of [0, 1, 50]) {
      const p = await page(SESSIONS, SESSIONS.idField, n, 3, filters);
      expect(p.total).toBe(running);
    }
    expect((await page(SESSIONS, SESSIONS.idField, 0, 0, filters)).total).toBe(running);
  });

  it('tasks of one session, paged', async () => {
    const all = await everything(TASKS);
    const sid = first(all.rows, 'a task').session_id;
    const expected = all.rows.filter((t) => t.session_id === sid).map((t) => t.id);
    const filters = filtersOf([
      condition(TASKS.columns.find((x) => x.name === 'SESSION_ID')!.field, 'string', 'EQUAL', sid),
    ]);
    const seen: string[] = [];
    for (let n = 0; ; n++) {
      const p = await page(TASKS, TASKS.idField, n, 4, filters);
      expect(p.total).toBe(expected.length);
      if (p.rows.length === 0) break;
      seen.push(...p.rows.map((t) => t.id));
    }
    expect(seen).toEqual([...expected].sort((a, b) => compare(a, b)));
  });
});

/**
 * Session DURATION sorts on the duration the console shows (a deliberate choice, see
 * server/README.md): the stored duration of a closed session, else end − created for a cancelled
 * one, else the live now − created. So among sessions without an end, the oldest is the longest.
 */
describe('sorting sessions by computed duration', () => {
  const ms = (t: { seconds: string; nanos: number } | null) =>
    t === null ? null : Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6);

  it.each([SORT_ASC, SORT_DESC])(
    '%s orders stored durations and live ones consistently',
    async (direction) => {
      const sign = direction === SORT_ASC ? 1 : -1;
      const { rows } = await sortedList(SESSIONS, sessionField.raw('DURATION'), direction);
      const stored = rows
        .filter((r) => r.duration !== null)
        .map((r) => ms(r.duration as never) as number);
      const live = rows
        .filter((r) => r.duration === null && r.cancelled_at === null && r.closed_at === null)
        .map((r) => ms(r.created_at as never) as number);
      expect(stored.length).toBeGreaterThan(1);
      expect(live.length).toBeGreaterThan(1);
      for (const [earlier, later] of neighbours(stored))
        expect((later - earlier) * sign).toBeGreaterThanOrEqual(0);
      // Live duration = now − created: a longer duration means an earlier creation.
      for (const [earlier, later] of neighbours(live))
        expect((earlier - later) * sign).toBeGreaterThanOrEqual(0);
    },
  );
});
