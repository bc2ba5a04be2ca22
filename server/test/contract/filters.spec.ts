/**
 * Filters: every operator of every leaf filter type, on every column of every resource where it
 * applies. Each expectation is computed independently from the full unfiltered listing (one big
 * page) with the reference semantics in harness.ts `matches`, never from hard-coded counts.
 */
import {
  APPLICATIONS,
  ApplicationRaw,
  Column,
  condition,
  countByStatus,
  distinctValues,
  EMPTY_FILTERS,
  filtersOf,
  genericColumn,
  Kind,
  listAll,
  Listing,
  matches,
  mostFrequent,
  Msg,
  OPERATORS,
  PARTITIONS,
  Resource,
  RESULTS,
  SessionRaw,
  SESSIONS,
  sessionField,
  swapCase,
  taskField,
  TASKS,
  TASKS_DETAILED,
  TaskSummary,
  TEST_TIMEOUT_MS,
  toCountMap,
  Value,
  useCluster,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

// Half the default tasks: every operator lists whole result sets, and 1 500 tasks still fill
// every column in every status (checked below).
const { c } = useCluster({ tasks: 1500 });
const full = new Map<string, Listing<unknown>>();

/** The unfiltered listing, fetched once per resource (this file never changes any data). */
async function everything<R>(resource: Resource<R>): Promise<Listing<R>> {
  if (!full.has(resource.name)) full.set(resource.name, await listAll(c, resource));
  return full.get(resource.name) as Listing<R>;
}

/** Asserts that `filters` selects exactly the rows `expected` keeps, and total says so. */
async function expectSelection<R>(
  resource: Resource<R>,
  filters: Msg,
  expected: (row: R) => boolean,
): Promise<number> {
  const all = await everything(resource);
  const want = all.rows.filter(expected).map(resource.id).sort();
  const got = await listAll(c, resource, filters);
  expect({ ids: got.rows.map(resource.id).sort(), total: got.total }).toEqual({
    ids: want,
    total: want.length,
  });
  return want.length;
}

/** Operand for `operator` chosen from the data so that the selection is not trivial. */
function operand<R>(rows: R[], column: Column<R>, operator: string): Value {
  switch (column.kind) {
    case 'string': {
      const base = (mostFrequent(rows, column.get) as string | null) ?? 'absent';
      const half = Math.max(1, Math.ceil(base.length / 2));
      if (operator === 'CONTAINS' || operator === 'NOT_CONTAINS')
        return base.length >= 3 ? base.slice(1, -1) : base;
      if (operator === 'STARTS_WITH') return base.slice(0, half);
      if (operator === 'ENDS_WITH') return base.slice(-half);
      return base;
    }
    case 'status':
    case 'array':
      return mostFrequent(rows, column.get) ?? 'absent';
    default: {
      const values = distinctValues(rows, column);
      return values[Math.floor(values.length / 2)] ?? 0n;
    }
  }
}

/** (column, operator, operand) cases; booleans are tested with both values. */
function casesOf<R>(columns: Column<R>[]): [string, string, Column<R>][] {
  return columns.flatMap((column) =>
    column.kind === 'boolean'
      ? ([
          [column.name, 'IS true', column],
          [column.name, 'IS false', column],
        ] as [string, string, Column<R>][])
      : OPERATORS[column.kind].map(
          (op) => [column.name, op, column] as [string, string, Column<R>],
        ),
  );
}

async function checkOperator<R>(resource: Resource<R>, column: Column<R>, label: string) {
  const all = await everything(resource);
  const [operator = label, literal] = label.split(' ');
  const value: Value =
    column.kind === 'boolean' ? literal === 'true' : operand(all.rows, column, operator);
  await expectSelection(
    resource,
    filtersOf([condition(column.field, column.kind, operator, value)]),
    (row) => matches(column.kind, operator, column.get(row), value),
  );
}

const RESOURCES: [string, Resource<unknown>][] = [
  ['sessions', SESSIONS as Resource<unknown>],
  ['tasks', TASKS as Resource<unknown>],
  ['results', RESULTS as Resource<unknown>],
  ['partitions', PARTITIONS as Resource<unknown>],
  ['applications', APPLICATIONS as Resource<unknown>],
];

describe.each(RESOURCES)('%s: each operator of each column', (_, resource) => {
  it.each(casesOf(resource.columns))('%s %s', async (_name, label, column) => {
    await checkOperator(resource, column, label);
  });
});

describe('the seeded data makes the operator tests meaningful', () => {
  /** Columns the data can never fill: a listed session is never deleted. */
  const ALWAYS_EMPTY = new Set(['sessions DELETED_AT']);

  it.each(RESOURCES)('every %s column has a value in at least one row', async (_, resource) => {
    const all = await everything(resource);
    expect(all.rows.length).toBeGreaterThan(0);
    const empty = resource.columns
      .filter((col) => !ALWAYS_EMPTY.has(`${resource.name} ${col.name}`))
      .filter((col) =>
        all.rows.every((row) => {
          const v = col.get(row);
          return v === null || v === '' || (Array.isArray(v) && v.length === 0);
        }),
      )
      .map((col) => col.name);
    expect(empty).toEqual([]);
  });
});

describe('custom options.options keys (TaskOptionGenericField)', () => {
  function keysOf(rows: { options: { options: Record<string, string> } | null }[]): string[] {
    return [...new Set(rows.flatMap((r) => Object.keys(r.options?.options ?? {})))].sort();
  }

  it.each([
    ['sessions', SESSIONS as Resource<unknown>],
    ['tasks', TASKS as Resource<unknown>],
  ])('%s: every string operator on every custom key', async (_, resource) => {
    const all = await everything(resource as Resource<SessionRaw | TaskSummary>);
    const keys = keysOf(all.rows);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const column = genericColumn<SessionRaw | TaskSummary>(key);
      for (const op of OPERATORS.string) {
        await checkOperator(resource as Resource<SessionRaw | TaskSummary>, column, op);
      }
    }
  });

  it('a key nobody set matches nothing with EQUAL and everything with NOT_EQUAL', async () => {
    const key = 'no-such-option-key';
    await expectSelection(
      SESSIONS,
      filtersOf([condition(sessionField.generic(key), 'string', 'EQUAL', 'x')]),
      () => false,
    );
    await expectSelection(
      SESSIONS,
      filtersOf([condition(sessionField.generic(key), 'string', 'NOT_EQUAL', 'x')]),
      () => true,
    );
  });
});

describe('string filters are case-sensitive', () => {
  const cases: [string, Resource<unknown>, string][] = [
    ['sessions', SESSIONS as Resource<unknown>, 'SESSION_ID'],
    ['sessions', SESSIONS as Resource<unknown>, 'session option APPLICATION_NAME'],
    ['tasks', TASKS as Resource<unknown>, 'task option APPLICATION_NAME'],
    ['results', RESULTS as Resource<unknown>, 'NAME'],
    ['partitions', PARTITIONS as Resource<unknown>, 'ID'],
    ['applications', APPLICATIONS as Resource<unknown>, 'NAME'],
  ];

  it.each(cases)(
    '%s %s: a value in the other case matches what a case-sensitive comparison matches',
    async (_, resource, name) => {
      const column = resource.columns.find((col) => col.name === name)!;
      const all = await everything(resource);
      const base = (all.rows.map(column.get) as string[]).find((v) => /[a-zA-Z]/.test(v ?? ''));
      expect(base).toBeDefined();
      for (const [operator, value] of [
        ['EQUAL', swapCase(base!)],
        ['CONTAINS', swapCase(base!.length >= 3 ? base!.slice(1, -1) : base!)],
        ['STARTS_WITH', swapCase(base!)],
      ] as const) {
        const insensitive = all.rows.filter((row) =>
          matches(
            'string',
            operator,
            ((column.get(row) as string) ?? '').toLowerCase(),
            value.toLowerCase(),
          ),
        );
        expect(insensitive.length).toBeGreaterThan(0); // a case-insensitive server would return these
        await expectSelection(
          resource,
          filtersOf([condition(column.field, 'string', operator, value)]),
          (row) => matches('string', operator, column.get(row), value),
        );
      }
    },
  );
});

describe('combining conditions: OR of AND groups', () => {
  const col = <R>(resource: Resource<R>, name: string) =>
    resource.columns.find((x) => x.name === name)!;

  it('empty filters and an empty AND group both match everything, on every resource', async () => {
    for (const [, resource] of RESOURCES) {
      await expectSelection(resource, EMPTY_FILTERS, () => true);
      await expectSelection(resource, { or: [{ and: [] }] }, () => true);
    }
  });

  it('sessions: (status AND priority) OR (status) OR (created before)', async () => {
    const all = await everything(SESSIONS);
    const status = col(SESSIONS, 'STATUS');
    const priority = col(SESSIONS, 'session option PRIORITY');
    const created = col(SESSIONS, 'CREATED_AT');
    const p = operand(all.rows, priority, 'GREATER_THAN_OR_EQUAL');
    const t = operand(all.rows, created, 'BEFORE');
    const groups: [Column<SessionRaw>, Kind, string, Value][][] = [
      [
        [status, 'status', 'EQUAL', 'SESSION_STATUS_RUNNING'],
        [priority, 'number', 'GREATER_THAN_OR_EQUAL', p],
      ],
      [[status, 'status', 'EQUAL', 'SESSION_STATUS_CANCELLED']],
      [[created, 'date', 'BEFORE', t]],
    ];
    const n = await expectSelection(
      SESSIONS,
      filtersOf(...groups.map((g) => g.map(([cl, k, op, v]) => condition(cl.field, k, op, v)))),
      (row) => groups.some((g) => g.every(([cl, k, op, v]) => matches(k, op, cl.get(row), v))),
    );
    expect(n).toBeGreaterThan(0);
  });

  it('sessions: AND of conditions on raw, task-option and custom option fields', async () => {
    const all = await everything(SESSIONS);
    const clientSub = col(SESSIONS, 'CLIENT_SUBMISSION');
    const partitions = col(SESSIONS, 'PARTITION_IDS');
    const appName = col(SESSIONS, 'session option APPLICATION_NAME');
    const part = operand(all.rows, partitions, 'CONTAINS');
    const app = operand(all.rows, appName, 'NOT_EQUAL');
    await expectSelection(
      SESSIONS,
      filtersOf([
        condition(clientSub.field, 'boolean', 'IS', true),
        condition(partitions.field, 'array', 'CONTAINS', part),
        condition(appName.field, 'string', 'NOT_EQUAL', app),
      ]),
      (row) =>
        matches('boolean', 'IS', clientSub.get(row), true) &&
        matches('array', 'CONTAINS', partitions.get(row), part) &&
        matches('string', 'NOT_EQUAL', appName.get(row), app),
    );
  });

  it('tasks: (session AND not completed) OR (partition AND created after)', async () => {
    const all = await everything(TASKS);
    const session = col(TASKS, 'SESSION_ID');
    const status = col(TASKS, 'STATUS');
    const part = col(TASKS, 'task option PARTITION_ID');
    const created = col(TASKS, 'CREATED_AT');
    const s = operand(all.rows, session, 'EQUAL');
    const p = operand(all.rows, part, 'EQUAL');
    const t = operand(all.rows, created, 'AFTER');
    await expectSelection(
      TASKS,
      filtersOf(
        [
          condition(session.field, 'string', 'EQUAL', s),
          condition(status.field, 'status', 'NOT_EQUAL', 'TASK_STATUS_COMPLETED'),
        ],
        [condition(part.field, 'string', 'EQUAL', p), condition(created.field, 'date', 'AFTER', t)],
      ),
      (row) =>
        (matches('string', 'EQUAL', session.get(row), s) &&
          matches('status', 'NOT_EQUAL', status.get(row), 'TASK_STATUS_COMPLETED')) ||
        (matches('string', 'EQUAL', part.get(row), p) &&
          matches('date', 'AFTER', created.get(row), t)),
    );
  });

  it('results: (status) OR (size above median AND name starts with)', async () => {
    const all = await everything(RESULTS);
    const status = col(RESULTS, 'STATUS');
    const size = col(RESULTS, 'SIZE');
    const name = col(RESULTS, 'NAME');
    const n = operand(all.rows, size, 'GREATER_THAN');
    const prefix = operand(all.rows, name, 'STARTS_WITH');
    await expectSelection(
      RESULTS,
      filtersOf(
        [condition(status.field, 'status', 'EQUAL', 'RESULT_STATUS_ABORTED')],
        [
          condition(size.field, 'number', 'GREATER_THAN', n),
          condition(name.field, 'string', 'STARTS_WITH', prefix),
        ],
      ),
      (row) =>
        matches('status', 'EQUAL', status.get(row), 'RESULT_STATUS_ABORTED') ||
        (matches('number', 'GREATER_THAN', size.get(row), n) &&
          matches('string', 'STARTS_WITH', name.get(row), prefix)),
    );
  });

  it('applications: name OR version', async () => {
    const all = await everything(APPLICATIONS);
    const name = col(APPLICATIONS, 'NAME');
    const version = col(APPLICATIONS, 'VERSION');
    const a = all.rows[0] as ApplicationRaw;
    const b = all.rows[all.rows.length - 1] as ApplicationRaw;
    await expectSelection(
      APPLICATIONS,
      filtersOf(
        [condition(name.field, 'string', 'EQUAL', a.name)],
        [condition(version.field, 'string', 'EQUAL', b.version)],
      ),
      (row) => row.name === a.name || row.version === b.version,
    );
  });
});

describe('the same filters drive ListTasksDetailed and CountTasksByStatus', () => {
  it('ListTasksDetailed selects the same tasks as ListTasks', async () => {
    const all = await everything(TASKS);
    const part = TASKS.columns.find((x) => x.name === 'task option PARTITION_ID')!;
    const p = operand(all.rows, part, 'EQUAL');
    const filters = filtersOf(
      [condition(part.field, 'string', 'EQUAL', p)],
      [condition(taskField.summary('STATUS'), 'status', 'EQUAL', 'TASK_STATUS_ERROR')],
    );
    const summaries = await listAll(c, TASKS, filters);
    const detailed = await listAll(c, TASKS_DETAILED, filters);
    expect(detailed.rows.map((t) => t.id)).toEqual(summaries.rows.map((t) => t.id));
    expect(detailed.total).toBe(summaries.total);
  });

  it('CountTasksByStatus counts the tasks the filter selects', async () => {
    const all = await everything(TASKS);
    for (const name of ['task option PARTITION_ID', 'task option APPLICATION_NAME', 'SESSION_ID']) {
      const column = TASKS.columns.find((x) => x.name === name)!;
      const v = operand(all.rows, column, 'EQUAL');
      const got = await c.tasks.CountTasksByStatus({
        filters: filtersOf([condition(column.field, 'string', 'EQUAL', v)]),
      });
      expect(toCountMap(got.status)).toEqual(
        countByStatus(
          all.rows.filter((t) => matches('string', 'EQUAL', column.get(t), v)).map((t) => t.status),
        ),
      );
    }
  });
});
