/**
 * Every input bound (INVALID_ARGUMENT naming the limit and its flag) and every write quota
 * (RESOURCE_EXHAUSTED, nothing created), over native gRPC and over gRPC-web (the console's
 * Connect client). A refused call changes nothing and the server answers the next one.
 */
import { Code, ConnectError, type Transport, createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-web';

import { FilterStringOperator } from '../../../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import { Results } from '../../../proto/gen/armonik/api/grpc/v1/results_service_pb';
import { Sessions } from '../../../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { SortDirection } from '../../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import { TaskSummaryEnumField } from '../../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import { Tasks } from '../../../proto/gen/armonik/api/grpc/v1/tasks_service_pb';
import {
  APPLICATIONS,
  bySession,
  condition,
  failure,
  filtersOf,
  listAll,
  Msg,
  PARTITIONS,
  Resource,
  RESULTS,
  SESSIONS,
  taskField,
  TASKS,
  TASKS_DETAILED,
  TEST_TIMEOUT_MS,
  Unary,
  validListRequest,
  useCluster,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

/** Small quotas so that a test can reach each of them with a few calls. */
const LIMITS = {
  maxSessions: 3,
  maxItemsPerCall: 5,
  maxResultDataBytes: 1_000,
  maxCreatedRows: 12,
};

const { cluster, c } = useCluster({ limits: LIMITS });
let web: Transport;

beforeAll(async () => {
  web = createGrpcWebTransport({ baseUrl: cluster.url, useBinaryFormat: true });
});

/** Results RPCs the typed native clients do not list (the proto loader binds every method). */
const createMetaData: Unary<Msg> = (request) =>
  (c.results as unknown as { CreateResultsMetaData: Unary<Msg> }).CreateResultsMetaData(request);

async function webFailure(promise: Promise<unknown>): Promise<{ code: string; details: string }> {
  try {
    await promise;
  } catch (error) {
    const e = ConnectError.from(error);
    return { code: Code[e.code], details: e.rawMessage };
  }
  throw new Error('expected the call to fail, it succeeded');
}

const LISTS: [string, Resource<unknown>][] = [
  ['ListSessions', SESSIONS as Resource<unknown>],
  ['ListTasks', TASKS as Resource<unknown>],
  ['ListTasksDetailed', TASKS_DETAILED as Resource<unknown>],
  ['ListResults', RESULTS as Resource<unknown>],
  ['ListPartitions', PARTITIONS as Resource<unknown>],
  ['ListApplications', APPLICATIONS as Resource<unknown>],
];

async function anySessionId(): Promise<string> {
  const sessions = await listAll(c, SESSIONS);
  return sessions.rows.find((s) => s.status === 'SESSION_STATUS_RUNNING')!.session_id;
}

describe('page_size is at most 10,000 (--max-page-size)', () => {
  it.each(LISTS)(
    '%s: 10,000 is answered, 10,001 is INVALID_ARGUMENT naming the limit',
    async (_, resource) => {
      const valid = validListRequest(resource);
      await expect(resource.list(c, { ...valid, page_size: 10_000 })).resolves.toBeDefined();
      const refused = await failure(resource.list(c, { ...valid, page_size: 10_001 }));
      expect(refused.code).toBe('INVALID_ARGUMENT');
      expect(refused.details).toContain('Property PageSize failed validation');
      expect(refused.details).toContain('maximum of 10000 (--max-page-size)');
    },
  );

  it('ListTasks with page_size 2^31−1 over gRPC-web is INVALID_ARGUMENT, not a 52 MB reply', async () => {
    const tasks = createClient(Tasks, web);
    const refused = await webFailure(
      tasks.listTasks({
        page: 0,
        pageSize: 2 ** 31 - 1,
        filters: { or: [] },
        sort: {
          field: {
            field: { case: 'taskSummaryField', value: { field: TaskSummaryEnumField.TASK_ID } },
          },
          direction: SortDirection.ASC,
        },
      }),
    );
    expect(refused.code).toBe('InvalidArgument');
    expect(refused.details).toContain('--max-page-size');
  });
});

describe('a filter holds at most 200 conditions (--max-filter-conditions)', () => {
  const notTask = (n: number) =>
    filtersOf(
      Array.from({ length: n }, (_, i) =>
        condition(taskField.summary('TASK_ID'), 'string', 'NOT_EQUAL', `task-${i}`),
      ),
    );

  it('ListTasks: 200 "Task ID is not X" conditions are answered, 201 are INVALID_ARGUMENT', async () => {
    const valid = validListRequest(TASKS);
    const all = await listAll(c, TASKS);
    const answered = await TASKS.list(c, { ...valid, filters: notTask(200) });
    expect(answered.total).toBe(all.total);
    const refused = await failure(TASKS.list(c, { ...valid, filters: notTask(201) }));
    expect(refused).toEqual({
      code: 'INVALID_ARGUMENT',
      details: 'filters has 201 conditions; the limit is 200 (--max-filter-conditions).',
    });
  });

  it('CountTasksByStatus: 201 conditions over native gRPC and gRPC-web are INVALID_ARGUMENT', async () => {
    const native = await failure(c.tasks.CountTasksByStatus({ filters: notTask(201) }));
    expect(native.code).toBe('INVALID_ARGUMENT');
    expect(native.details).toContain('--max-filter-conditions');
    const tasks = createClient(Tasks, web);
    const and = Array.from({ length: 201 }, (_, i) => ({
      field: {
        field: {
          case: 'taskSummaryField' as const,
          value: { field: TaskSummaryEnumField.TASK_ID },
        },
      },
      valueCondition: {
        case: 'filterString' as const,
        value: { value: `task-${i}`, operator: FilterStringOperator.NOT_EQUAL },
      },
    }));
    const viaWeb = await webFailure(tasks.countTasksByStatus({ filters: { or: [{ and }] } }));
    expect(viaWeb.code).toBe('InvalidArgument');
    expect(viaWeb.details).toContain('--max-filter-conditions');
  });
});

describe('string lengths: ids ≤ 128 characters (--max-id-length), other strings ≤ 1,024 (--max-string-length)', () => {
  it('GetSession with a 1 MB id is INVALID_ARGUMENT with a short message (native gRPC: not RST_STREAM)', async () => {
    const huge = 's'.repeat(1024 * 1024);
    const native = await failure(c.sessions.GetSession({ session_id: huge }));
    expect(native.code).toBe('INVALID_ARGUMENT');
    expect(native.details).toBe(
      'session_id is 1048576 characters long; the limit for ids is 128 (--max-id-length).',
    );
    const viaWeb = await webFailure(createClient(Sessions, web).getSession({ sessionId: huge }));
    expect(viaWeb).toEqual({ code: 'InvalidArgument', details: native.details });
  });

  it('an id of 128 characters is looked up (NOT_FOUND), one of 129 is refused', async () => {
    const found = await failure(c.sessions.GetSession({ session_id: 'x'.repeat(128) }));
    expect(found.code).toBe('NOT_FOUND');
    // An id echoed in a message is cut to 64 characters.
    expect(found.details).toBe(
      `Session was not found: Session ${'x'.repeat(64)}… (128 characters) not found.`,
    );
    const refused = await failure(c.sessions.GetSession({ session_id: 'x'.repeat(129) }));
    expect(refused.code).toBe('INVALID_ARGUMENT');
  });

  it('ids inside lists are checked too (CancelTasks task_ids)', async () => {
    const refused = await failure(c.tasks.CancelTasks({ task_ids: ['a', 'b'.repeat(200)] }));
    expect(refused).toEqual({
      code: 'INVALID_ARGUMENT',
      details: 'task_ids[1] is 200 characters long; the limit for ids is 128 (--max-id-length).',
    });
  });

  it('a filter value of 1,025 characters is INVALID_ARGUMENT naming the field path; 1,024 is answered', async () => {
    const valid = validListRequest(TASKS);
    const value = (n: number) =>
      filtersOf([condition(taskField.summary('ERROR'), 'string', 'CONTAINS', 'e'.repeat(n))]);
    await expect(TASKS.list(c, { ...valid, filters: value(1024) })).resolves.toMatchObject({
      total: 0,
    });
    const refused = await failure(TASKS.list(c, { ...valid, filters: value(1025) }));
    expect(refused).toEqual({
      code: 'INVALID_ARGUMENT',
      details:
        'filters.or[0].and[0].filter_string.value is 1025 characters long; the limit for strings is 1024 (--max-string-length).',
    });
  });
});

describe('write quotas (RESOURCE_EXHAUSTED, nothing created)', () => {
  // Quotas are shared by the whole server: these run in order, each from what the previous left.
  let sessionId: string;
  const resultsOf = async () => (await listAll(c, RESULTS, bySession.results(sessionId))).total;

  beforeAll(async () => {
    sessionId = await anySessionId();
  });

  it('CreateResultsMetaData with more results than --max-items-per-call is refused and creates none', async () => {
    const before = await resultsOf();
    const refused = await failure(
      createMetaData({
        session_id: sessionId,
        results: Array.from({ length: 6 }, (_, i) => ({ name: `r${i}` })),
      }),
    );
    expect(refused).toEqual({
      code: 'RESOURCE_EXHAUSTED',
      details: 'Quota exceeded: 6 results in one call (limit 5, --max-items-per-call).',
    });
    expect(await resultsOf()).toBe(before);
    await expect(
      createMetaData({ session_id: sessionId, results: [{ name: 'ok' }] }),
    ).resolves.toMatchObject({ results: [{ name: 'ok' }] });
    expect(await resultsOf()).toBe(before + 1);
  });

  it('CreateResults beyond --max-result-data bytes held is refused over gRPC-web, and creates none', async () => {
    const client = createClient(Results, web);
    const before = await resultsOf();
    await client.createResults({
      sessionId,
      results: [{ name: 'small', data: new Uint8Array(600) }],
    });
    const refused = await webFailure(
      client.createResults({ sessionId, results: [{ name: 'big', data: new Uint8Array(500) }] }),
    );
    expect(refused).toEqual({
      code: 'ResourceExhausted',
      details:
        'Quota exceeded: stored result data would reach 1100 bytes (limit 1,000, --max-result-data).',
    });
    expect(await resultsOf()).toBe(before + 1);
  });

  it('task and result rows created by clients stop at --max-created-rows', async () => {
    // 2 rows were created above; 10 more fit, the 11th does not.
    for (let i = 0; i < 2; i++) {
      await createMetaData({
        session_id: sessionId,
        results: Array.from({ length: 5 }, (_, j) => ({ name: `fill-${i}-${j}` })),
      });
    }
    const before = await resultsOf();
    const refused = await failure(
      createMetaData({ session_id: sessionId, results: [{ name: 'one more' }] }),
    );
    expect(refused.code).toBe('RESOURCE_EXHAUSTED');
    expect(refused.details).toContain('(limit 12, --max-created-rows)');
    expect(await resultsOf()).toBe(before);
  });

  it('CreateSession beyond --max-sessions sessions created by clients is refused over both protocols; a delete makes room', async () => {
    const options = {
      max_duration: { seconds: '60', nanos: 0 },
      max_retries: 1,
      priority: 1,
      partition_id: 'default',
      options: {},
    };
    const create = () =>
      c.sessions.CreateSession({ default_task_option: options, partition_ids: ['default'] });
    const seeded = (await listAll(c, SESSIONS)).total;
    const created: string[] = [];
    for (let n = 0; n < LIMITS.maxSessions; n++) created.push((await create()).session_id);
    const refused = await failure(create());
    expect(refused).toEqual({
      code: 'RESOURCE_EXHAUSTED',
      details: 'Quota exceeded: too many sessions created by clients (limit 3, --max-sessions).',
    });
    const viaWeb = await webFailure(
      createClient(Sessions, web).createSession({
        defaultTaskOption: { maxRetries: 1, priority: 1, partitionId: 'default' },
        partitionIds: ['default'],
      }),
    );
    expect(viaWeb.code).toBe('ResourceExhausted');
    expect((await listAll(c, SESSIONS)).total).toBe(seeded + LIMITS.maxSessions);
    // Seeded sessions do not count, and deleting a created one frees its place.
    await c.sessions.DeleteSession({ session_id: created[0] });
    await expect(create()).resolves.toMatchObject({ session_id: expect.any(String) });
    expect((await failure(create())).code).toBe('RESOURCE_EXHAUSTED');
  });
});
