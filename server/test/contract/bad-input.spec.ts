/**
 * Bad input: list requests the control plane must refuse (INVALID_ARGUMENT), filters whose value
 * type does not fit the column, garbage bytes on the wire (native gRPC and gRPC-web) and
 * oversized bodies. After each, the server must still answer the next call.
 */
import { create, toBinary } from '@bufbuild/protobuf';

import {
  GetSessionRequestSchema,
  ListSessionsRequestSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { SortDirection } from '../../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import {
  APPLICATIONS,
  condition,
  failure,
  filtersOf,
  decodeBase64Chunks,
  frame,
  grpcWebBinaryPost,
  grpcWebTextCall,
  Msg,
  parseGrpcWebBody,
  PARTITIONS,
  partitionField,
  rawGrpcPost,
  Resource,
  resultField,
  RESULTS,
  SESSIONS,
  sessionField,
  SORT_ASC,
  statusName,
  taskField,
  TASKS,
  TASKS_DETAILED,
  TEST_TIMEOUT_MS,
  validListRequest,
  useCluster,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const { cluster, c } = useCluster();

const LISTS: [string, Resource<unknown>][] = [
  ['ListSessions', SESSIONS as Resource<unknown>],
  ['ListTasks', TASKS as Resource<unknown>],
  ['ListTasksDetailed', TASKS_DETAILED as Resource<unknown>],
  ['ListResults', RESULTS as Resource<unknown>],
  ['ListPartitions', PARTITIONS as Resource<unknown>],
  ['ListApplications', APPLICATIONS as Resource<unknown>],
];

function without(request: Msg, key: string): Msg {
  const copy = { ...request };
  delete copy[key];
  return copy;
}

const INVALID: [string, (request: Msg, resource: Resource<unknown>) => Msg][] = [
  ['filters missing', (r) => without(r, 'filters')],
  ['sort missing', (r) => without(r, 'sort')],
  [
    'sort without a field',
    (r, resource) => ({
      ...r,
      sort:
        resource === (APPLICATIONS as Resource<unknown>)
          ? { fields: [], direction: SORT_ASC }
          : { direction: SORT_ASC },
    }),
  ],
  [
    'sort direction UNSPECIFIED',
    (r) => ({ ...r, sort: { ...(r['sort'] as Msg), direction: 'SORT_DIRECTION_UNSPECIFIED' } }),
  ],
  ['negative page', (r) => ({ ...r, page: -1 })],
  ['negative page_size', (r) => ({ ...r, page_size: -1 })],
];

const ok = async (promise: Promise<unknown>) => {
  await expect(promise).resolves.toBeDefined();
};

describe.each(LISTS)('%s request validation', (_, resource) => {
  it('a complete request (empty filters, a sort field and direction) is answered', async () => {
    const reply = await resource.list(c, validListRequest(resource));
    expect(reply.total).toBeGreaterThan(0);
  });

  it.each(INVALID)('%s → INVALID_ARGUMENT', async (_case, mutate) => {
    const { code } = await failure(resource.list(c, mutate(validListRequest(resource), resource)));
    expect(code).toBe('INVALID_ARGUMENT');
  });
});

describe('filters whose value type does not fit the column → INVALID_ARGUMENT', () => {
  const s = sessionField.raw;
  const t = taskField.summary;
  const CASES: [string, Resource<unknown>, Msg][] = [
    [
      'sessions STATUS with a string filter',
      SESSIONS as Resource<unknown>,
      condition(s('STATUS'), 'string', 'EQUAL', 'Running'),
    ],
    [
      'sessions CREATED_AT with a number filter',
      SESSIONS as Resource<unknown>,
      condition(s('CREATED_AT'), 'number', 'EQUAL', 5n),
    ],
    [
      'sessions SESSION_ID with a date filter',
      SESSIONS as Resource<unknown>,
      condition(s('SESSION_ID'), 'date', 'BEFORE', 0n),
    ],
    [
      'sessions DURATION with a string filter',
      SESSIONS as Resource<unknown>,
      condition(s('DURATION'), 'string', 'EQUAL', '10s'),
    ],
    [
      'sessions CLIENT_SUBMISSION with a status filter',
      SESSIONS as Resource<unknown>,
      condition(s('CLIENT_SUBMISSION'), 'status', 'EQUAL', 'SESSION_STATUS_RUNNING'),
    ],
    [
      'sessions PARTITION_IDS with a boolean filter',
      SESSIONS as Resource<unknown>,
      condition(s('PARTITION_IDS'), 'boolean', 'IS', true),
    ],
    [
      'sessions option PRIORITY with a string filter',
      SESSIONS as Resource<unknown>,
      condition(sessionField.option('PRIORITY'), 'string', 'EQUAL', '1'),
    ],
    [
      'sessions option MAX_DURATION with a date filter',
      SESSIONS as Resource<unknown>,
      condition(sessionField.option('MAX_DURATION'), 'date', 'EQUAL', 0n),
    ],
    [
      'sessions custom option with a number filter',
      SESSIONS as Resource<unknown>,
      condition(sessionField.generic('origin'), 'number', 'EQUAL', 1n),
    ],
    [
      'tasks STATUS with a date filter',
      TASKS as Resource<unknown>,
      condition(t('STATUS'), 'date', 'EQUAL', 0n),
    ],
    [
      'tasks TASK_ID with a status filter',
      TASKS as Resource<unknown>,
      condition(t('TASK_ID'), 'status', 'EQUAL', 'TASK_STATUS_COMPLETED'),
    ],
    [
      'tasks CREATION_TO_END_DURATION with a number filter',
      TASKS as Resource<unknown>,
      condition(t('CREATION_TO_END_DURATION'), 'number', 'LESS_THAN', 3n),
    ],
    [
      'tasks ENDED_AT with a duration filter',
      TASKS as Resource<unknown>,
      condition(t('ENDED_AT'), 'duration', 'LONGER_THAN', 0n),
    ],
    [
      'results SIZE with a string filter',
      RESULTS as Resource<unknown>,
      condition(resultField('SIZE'), 'string', 'EQUAL', '10'),
    ],
    [
      'results STATUS with a number filter',
      RESULTS as Resource<unknown>,
      condition(resultField('STATUS'), 'number', 'EQUAL', 2n),
    ],
    [
      'results CREATED_AT with a string filter',
      RESULTS as Resource<unknown>,
      condition(resultField('CREATED_AT'), 'string', 'CONTAINS', '2024'),
    ],
    [
      'partitions ID with a number filter',
      PARTITIONS as Resource<unknown>,
      condition(partitionField('ID'), 'number', 'EQUAL', 1n),
    ],
    [
      'partitions POD_MAX with a string filter',
      PARTITIONS as Resource<unknown>,
      condition(partitionField('POD_MAX'), 'string', 'EQUAL', '1'),
    ],
  ];

  it.each(CASES)('%s', async (_, resource, cond) => {
    const request = { ...validListRequest(resource), filters: filtersOf([cond]) };
    expect((await failure(resource.list(c, request))).code).toBe('INVALID_ARGUMENT');
  });

  it('CountTasksByStatus with a task STATUS date filter', async () => {
    const filters = filtersOf([condition(t('STATUS'), 'date', 'EQUAL', 0n)]);
    expect((await failure(c.tasks.CountTasksByStatus({ filters }))).code).toBe('INVALID_ARGUMENT');
  });
});

describe('malformed filter conditions are refused, not crashed on', () => {
  const CASES: [string, Msg][] = [
    ['a condition with a field but no value', { field: sessionField.raw('STATUS') }],
    ['a condition with a value but no field', condition({}, 'string', 'EQUAL', 'x')],
    ['an UNSPECIFIED column', condition(sessionField.raw('UNSPECIFIED'), 'string', 'EQUAL', 'x')],
  ];

  it.each(CASES)('%s → an error status, then the next call works', async (_, cond) => {
    const request = { ...validListRequest(SESSIONS), filters: filtersOf([cond]) };
    const { code } = await failure(c.sessions.ListSessions(request));
    expect(code).not.toBe('OK');
    await ok(c.sessions.ListSessions(validListRequest(SESSIONS)));
  });
});

// ---------------------------------------------------------------------------------------------
// Bytes on the wire
// ---------------------------------------------------------------------------------------------

const LIST_SESSIONS_PATH = '/armonik.api.grpc.v1.sessions.Sessions/ListSessions';
const GET_SESSION_PATH = '/armonik.api.grpc.v1.sessions.Sessions/GetSession';

function validListSessionsBytes(): Uint8Array {
  return toBinary(
    ListSessionsRequestSchema,
    create(ListSessionsRequestSchema, {
      page: 0,
      pageSize: 5,
      filters: { or: [] },
      sort: {
        field: {
          field: { case: 'sessionRawField', value: { field: SessionRawEnumField.SESSION_ID } },
        },
        direction: SortDirection.ASC,
      },
    }),
  );
}

/** Bytes that are not a protobuf message: 0xff is field 31 with the invalid wire type 7. */
const GARBAGE = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0xde, 0xad, 0xbe, 0xef, 0x07]);

describe('garbage bytes over native gRPC (raw HTTP/2)', () => {
  it('a correct frame sent by hand is answered OK (the raw client works)', async () => {
    const reply = await rawGrpcPost(
      cluster.port,
      LIST_SESSIONS_PATH,
      frame(validListSessionsBytes()),
    );
    expect({ http: reply.httpStatus, grpc: reply.grpcStatus }).toEqual({ http: 200, grpc: 0 });
  });

  it.each([
    ['a frame holding bytes that are no protobuf message', frame(GARBAGE)],
    ['bytes that are not even a gRPC frame', new Uint8Array(Buffer.from('GET / HTTP/1.1\r\n\r\n'))],
    ['a frame shorter than its declared length', frame(validListSessionsBytes()).subarray(0, 9)],
    ['a compressed-flag frame without a grpc-encoding', frame(validListSessionsBytes(), 0x01)],
  ])('%s → an error grpc-status, and the server answers the next call', async (_, body) => {
    const reply = await rawGrpcPost(cluster.port, LIST_SESSIONS_PATH, body);
    expect(reply.grpcStatus).not.toBeNull();
    expect(statusName(reply.grpcStatus!)).not.toBe('OK');
    await ok(c.sessions.ListSessions(validListRequest(SESSIONS)));
  });

  it('an unknown method → UNIMPLEMENTED', async () => {
    const reply = await rawGrpcPost(
      cluster.port,
      '/armonik.api.grpc.v1.sessions.Sessions/NoSuchMethod',
      frame(new Uint8Array()),
    );
    expect(statusName(reply.grpcStatus ?? -1)).toBe('UNIMPLEMENTED');
  });
});

describe('garbage bytes over gRPC-web (HTTP/1.1 POST)', () => {
  it.each([
    ['a frame holding bytes that are no protobuf message', frame(GARBAGE)],
    ['random bytes that are no frame', new Uint8Array([0x42, 0x13, 0x37, 0x00, 0x01])],
  ])('binary: %s → refused, and the server answers the next call', async (_, body) => {
    const reply = await grpcWebBinaryPost(cluster.url, LIST_SESSIONS_PATH, body);
    const refused =
      reply.httpStatus >= 400 || (reply.grpcStatus !== null && reply.grpcStatus !== 0);
    expect({ refused, http: reply.httpStatus, grpc: reply.grpcStatus }).toMatchObject({
      refused: true,
    });
    const next = await grpcWebBinaryPost(
      cluster.url,
      LIST_SESSIONS_PATH,
      frame(validListSessionsBytes()),
    );
    expect({
      http: next.httpStatus,
      grpc: next.grpcStatus,
      messages: next.messages.length,
    }).toEqual({
      http: 200,
      grpc: 0,
      messages: 1,
    });
  });

  it('text form: a body that is not base64 → refused, and the server answers the next call', async () => {
    const response = await fetch(`${cluster.url}${LIST_SESSIONS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/grpc-web-text', 'x-grpc-web': '1' },
      body: '%%% this is not base64 %%%',
    });
    const reply = parseGrpcWebBody(
      decodeBase64Chunks(await response.text()),
      response.headers,
      response.status,
    );
    const refused = reply.httpStatus >= 400 || (reply.grpcStatus ?? 0) !== 0;
    expect({ refused, http: reply.httpStatus, grpc: reply.grpcStatus }).toMatchObject({
      refused: true,
    });
    const next = await grpcWebTextCall(cluster.url, LIST_SESSIONS_PATH, validListSessionsBytes());
    expect({ grpc: next.grpcStatus, messages: next.messages.length }).toEqual({
      grpc: 0,
      messages: 1,
    });
  });
});

describe('oversized bodies are rejected', () => {
  const HUGE = 20 * 1024 * 1024; // beyond gRPC's customary 4 MiB message limit

  it('native gRPC: a 20 MiB message → RESOURCE_EXHAUSTED, and the server answers the next call', async () => {
    const { code } = await failure(c.sessions.GetSession({ session_id: 'x'.repeat(HUGE) }));
    expect(code).toBe('RESOURCE_EXHAUSTED');
    await ok(c.sessions.ListSessions(validListRequest(SESSIONS)));
  });

  it('gRPC-web: a 20 MiB body → 413 or RESOURCE_EXHAUSTED, and the server answers the next call', async () => {
    const message = toBinary(
      GetSessionRequestSchema,
      create(GetSessionRequestSchema, { sessionId: 'x'.repeat(HUGE) }),
    );
    const reply = await grpcWebBinaryPost(cluster.url, GET_SESSION_PATH, frame(message));
    const rejected = reply.httpStatus === 413 || reply.grpcStatus === 8; /* RESOURCE_EXHAUSTED */
    expect({ rejected, http: reply.httpStatus, grpc: reply.grpcStatus }).toMatchObject({
      rejected: true,
    });
    const next = await grpcWebBinaryPost(
      cluster.url,
      LIST_SESSIONS_PATH,
      frame(validListSessionsBytes()),
    );
    expect(next.grpcStatus).toBe(0);
  });
});
