import { Code, ConnectError } from '@connectrpc/connect';
import { FilterStringOperator } from '../../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import { SortDirection } from '../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import { TaskSummaryEnumField } from '../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import type { FiltersMessage } from '../filtering/compile-filter';
import { taskFields } from '../filtering/fields/task-fields';
import { DEFAULT_LIMITS } from '../limits';
import { seedCluster } from '../seed/seed';
import { Cluster } from '../store/cluster';
import { runListQuery } from './list-query';
import { taskIndex } from './tasks';
import { createWorkScheduler } from './work-scheduler';

const NOW = 1_800_000_000_000;

function setup() {
  const cluster = new Cluster(9, () => NOW);
  seedCluster(cluster, { sessions: 30, tasks: 20_000, now: NOW });
  return cluster;
}

const field = (column: TaskSummaryEnumField) => ({
  field: { case: 'taskSummaryField', value: { field: column } },
});

const condition = (
  column: TaskSummaryEnumField,
  operator: FilterStringOperator,
  value: string,
) => ({
  field: field(column),
  valueCondition: { case: 'filterString', value: { value, operator } },
});

const request = (and: ReturnType<typeof condition>[], pageSize = 20) => ({
  page: 0,
  pageSize,
  filters: { or: [{ and }] } as FiltersMessage,
  sort: { field: field(TaskSummaryEnumField.CREATED_AT), direction: SortDirection.ASC },
});

function query(cluster: Cluster, and: ReturnType<typeof condition>[], pageSize = 20) {
  return {
    request: request(and, pageSize),
    table: taskFields(cluster),
    sortFields: [field(TaskSummaryEnumField.CREATED_AT)],
    rowCount: cluster.tasks.count,
    isLive: (row: number) => cluster.tasks.status[row] !== 0,
    resolveIndex: taskIndex(cluster),
  };
}

/** Counts id encodings and decodings from now on. */
function countCodec(cluster: Cluster) {
  const counts = { encode: 0, decode: 0 };
  const { ids } = cluster;
  const encode = ids.encode.bind(ids);
  const decode = ids.decode.bind(ids);
  ids.encode = (kind, row) => (counts.encode++, encode(kind, row));
  ids.decode = (id, kind) => (counts.decode++, decode(id, kind));
  return counts;
}

/** Live task rows whose id satisfies `keep`, in CREATED_AT then id order (what the page must hold). */
function expected(cluster: Cluster, keep: (id: string) => boolean): number[] {
  const key = (row: number) => cluster.ids.key(2, row);
  const rows: number[] = [];
  for (let row = 0; row < cluster.tasks.count; row++)
    if (cluster.tasks.status[row] !== 0 && keep(cluster.taskId(row))) rows.push(row);
  const at = cluster.tasks.createdAt;
  return rows.sort((a, b) => at.get(a) - at.get(b) || key(a) - key(b));
}

describe('id conditions are compiled once, not re-encoded per row', () => {
  it('100 "Task ID is not X" conditions decode each X once and encode no row id', async () => {
    const cluster = setup();
    const excluded = Array.from({ length: 100 }, (_, i) => cluster.taskId(i * 7));
    const want = expected(cluster, (id) => !excluded.includes(id));
    const counts = countCodec(cluster);
    const and = excluded.map((id) =>
      condition(TaskSummaryEnumField.TASK_ID, FilterStringOperator.NOT_EQUAL, id),
    );
    const page = await runListQuery(query(cluster, and));
    expect(counts).toEqual({ encode: 0, decode: 100 });
    expect({ rows: page.rows, total: page.total }).toEqual({
      rows: want.slice(0, 20),
      total: want.length,
    });
  });

  it('"Task ID is X" touches one row (index lookup), and an id that names no task matches none', async () => {
    const cluster = setup();
    const target = cluster.taskId(1234);
    const counts = countCodec(cluster);
    const page = await runListQuery(
      query(cluster, [condition(TaskSummaryEnumField.TASK_ID, FilterStringOperator.EQUAL, target)]),
    );
    expect(page).toEqual({ rows: [1234], total: 1 });
    expect(counts.encode).toBe(0);
    const none = await runListQuery(
      query(cluster, [
        condition(TaskSummaryEnumField.TASK_ID, FilterStringOperator.EQUAL, 'not-an-id'),
      ]),
    );
    expect(none).toEqual({ rows: [], total: 0 });
  });

  it('substring conditions on TASK_ID build no id string per row, and match what the strings would', async () => {
    const cluster = setup();
    const sample = cluster.taskId(777);
    const cases: [FilterStringOperator, string, (id: string) => boolean][] = [
      [FilterStringOperator.CONTAINS, 'ab', (id) => id.includes('ab')],
      [FilterStringOperator.NOT_CONTAINS, 'f', (id) => !id.includes('f')],
      [
        FilterStringOperator.STARTS_WITH,
        sample.slice(0, 3),
        (id) => id.startsWith(sample.slice(0, 3)),
      ],
      [FilterStringOperator.ENDS_WITH, sample.slice(-2), (id) => id.endsWith(sample.slice(-2))],
      [FilterStringOperator.CONTAINS, 'é', () => false],
    ];
    for (const [operator, value, keep] of cases) {
      const want = expected(cluster, keep);
      const counts = countCodec(cluster);
      const page = await runListQuery(
        query(cluster, [condition(TaskSummaryEnumField.TASK_ID, operator, value)]),
      );
      expect({ value, encode: counts.encode, total: page.total, rows: page.rows }).toEqual({
        value,
        encode: 0,
        total: want.length,
        rows: want.slice(0, 20),
      });
    }
  });
});

describe('bounds', () => {
  it('a page size above the maximum is INVALID_ARGUMENT naming the limit and its flag', async () => {
    const cluster = setup();
    const error = await runListQuery({
      ...query(cluster, [], 2 ** 31 - 1),
      limits: { ...DEFAULT_LIMITS, maxPageSize: 500 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe(Code.InvalidArgument);
    expect((error as ConnectError).rawMessage).toMatch(/maximum of 500 \(--max-page-size\)/);
  });
});

describe('cancellation', () => {
  it('a cancelled list query stops at its next pause instead of scanning every row', async () => {
    const cluster = setup();
    // A zero-length slice makes the query pause after every block of rows.
    const scheduler = createWorkScheduler(0);
    const abort = new AbortController();
    let visited = 0;
    const q = query(cluster, [
      condition(TaskSummaryEnumField.TASK_ID, FilterStringOperator.CONTAINS, 'abc'),
    ]);
    const isLive = q.isLive;
    const running = scheduler.run(abort.signal, (pacer) =>
      runListQuery(
        {
          ...q,
          isLive: (row) => {
            if (++visited === 5000) abort.abort(new ConnectError('cancelled', Code.Canceled));
            return isLive(row);
          },
        },
        pacer,
      ),
    );
    const error = await running.catch((e: unknown) => e);
    expect((error as ConnectError).code).toBe(Code.Canceled);
    expect(visited).toBeLessThan(cluster.tasks.count);
    expect(scheduler.active).toBe(0);
  });

  it('a job never starts inside the I/O callback that asked: calls read there are answered first', async () => {
    const scheduler = createWorkScheduler(8);
    const order: string[] = [];
    const job = scheduler.run(undefined, () => {
      order.push('list query');
      return 'listed';
    });
    order.push('GetSession answered'); // the rest of the same I/O callback
    for (let i = 0; i < 10; i++) await Promise.resolve(); // microtasks of that callback
    expect(order).toEqual(['GetSession answered']);
    await expect(job).resolves.toBe('listed');
    expect(order).toEqual(['GetSession answered', 'list query']);
  });

  it('a job that finishes ends the turn: the next waits for the I/O of the next one', async () => {
    // A long slice that neither job comes near: only the rule keeps the second one waiting.
    const scheduler = createWorkScheduler(1_000);
    const order: string[] = [];
    const first = scheduler.run(undefined, () => {
      order.push('first query');
      return 'first';
    });
    const second = scheduler.run(undefined, () => {
      order.push('second query');
      return 'second';
    });
    await expect(first).resolves.toBe('first');
    order.push('first answer written'); // what follows a finished job in its turn
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(order).toEqual(['first query', 'first answer written']);
    await expect(second).resolves.toBe('second');
    expect(order).toEqual(['first query', 'first answer written', 'second query']);
  });

  it('a call cancelled while waiting for its turn never starts', async () => {
    const scheduler = createWorkScheduler(0);
    const first = new AbortController();
    const second = new AbortController();
    let secondStarted = false;
    const blocker = scheduler.run(first.signal, async (pacer) => {
      for (let i = 0; i < 3; i++) await pacer.pause();
      return 'done';
    });
    const waiting = scheduler.run(second.signal, () => {
      secondStarted = true;
      return 'ran';
    });
    second.abort(new ConnectError('gone', Code.Canceled));
    await expect(waiting).rejects.toMatchObject({ code: Code.Canceled });
    await expect(blocker).resolves.toBe('done');
    expect(secondStarted).toBe(false);
  });
});
