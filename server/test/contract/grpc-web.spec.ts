/**
 * gRPC-web on the same port: the binary form through the Connect web transport (what the console
 * uses), the base64 text form sent by hand (what ArmoniK's Admin GUI sends), CORS, and the
 * Connect protocol. Answers are compared with native gRPC answers of the same server.
 */
import { create, fromBinary, MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { Code, ConnectError, createClient, Transport } from '@connectrpc/connect';
import { createConnectTransport, createGrpcWebTransport } from '@connectrpc/connect-web';

import { EventsEnum } from '../../../proto/gen/armonik/api/grpc/v1/events_common_pb';
import { Events } from '../../../proto/gen/armonik/api/grpc/v1/events_service_pb';
import { Results } from '../../../proto/gen/armonik/api/grpc/v1/results_service_pb';
import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import {
  GetSessionRequestSchema,
  ListSessionsRequestSchema,
  ListSessionsResponseSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { Sessions } from '../../../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { SortDirection } from '../../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import { TaskStatus } from '../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import {
  frame,
  grpcWebTextCall,
  listAll,
  PARTITIONS,
  readAll,
  RESULTS,
  SESSIONS,
  sleep,
  TEST_TIMEOUT_MS,
  first,
  useCluster,
  runningSessionWithOpenTasks,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const { cluster, c } = useCluster();
let grpcWeb: Transport;

beforeAll(async () => {
  grpcWeb = createGrpcWebTransport({ baseUrl: cluster.url, useBinaryFormat: true });
});

const UNKNOWN = 'no-such-session';
const NOT_FOUND_MESSAGE = `Session was not found: Session ${UNKNOWN} not found.`;

const listRequest = {
  page: 0,
  pageSize: 1000,
  filters: { or: [] },
  sort: {
    field: {
      field: { case: 'sessionRawField' as const, value: { field: SessionRawEnumField.SESSION_ID } },
    },
    direction: SortDirection.ASC,
  },
};

async function connectError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = ConnectError.from(error);
    return { code: Code[e.code], message: e.rawMessage };
  }
  throw new Error('expected the call to fail, it succeeded');
}

async function createRunningSession(): Promise<string> {
  const partition = first((await listAll(c, PARTITIONS)).rows).id;
  const { session_id } = await c.sessions.CreateSession({
    default_task_option: { partition_id: partition, max_duration: { seconds: '60', nanos: 0 } },
    partition_ids: [partition],
  });
  return session_id;
}

describe('gRPC-web, binary, through the Connect web transport (the console’s client)', () => {
  it('ListSessions answers the same sessions and total as native gRPC', async () => {
    const sessions = createClient(Sessions, grpcWeb);
    const web = await sessions.listSessions(listRequest);
    const native = await listAll(c, SESSIONS);
    expect(web.total).toBe(native.total);
    expect(web.sessions.map((s) => s.sessionId)).toEqual(native.rows.map((s) => s.session_id));
    expect(web.sessions.map((s) => `SESSION_STATUS_${SessionStatus[s.status]}`)).toEqual(
      native.rows.map((s) => s.status),
    );
    expect(web.sessions.map((s) => String(s.createdAt?.seconds))).toEqual(
      native.rows.map((s) => s.created_at?.seconds),
    );
  });

  it('GetSession on an unknown id fails with NOT_FOUND and Core’s wording', async () => {
    const sessions = createClient(Sessions, grpcWeb);
    expect(await connectError(sessions.getSession({ sessionId: UNKNOWN }))).toEqual({
      code: Code[Code.NotFound],
      message: NOT_FOUND_MESSAGE,
    });
  });

  it('PauseSession pauses a running session; pausing it again is FAILED_PRECONDITION', async () => {
    const sessions = createClient(Sessions, grpcWeb);
    const id = await createRunningSession();
    const { session } = await sessions.pauseSession({ sessionId: id });
    expect(session?.status).toBe(SessionStatus.PAUSED);
    expect((await c.sessions.GetSession({ session_id: id })).session.status).toBe(
      'SESSION_STATUS_PAUSED',
    );
    expect(await connectError(sessions.pauseSession({ sessionId: id }))).toEqual({
      code: Code[Code.FailedPrecondition],
      message: 'The session transition is invalid: Cannot pause a session with status Paused',
    });
  });

  it('DownloadResultData (server stream) delivers the same bytes as native gRPC', async () => {
    const results = createClient(Results, grpcWeb);
    const { data_chunk_max_size: max } = await c.results.GetServiceConfiguration({});
    const large = first(
      (await listAll(c, RESULTS)).rows
        .filter((r) => r.status === 'RESULT_STATUS_COMPLETED')
        .sort((a, b) => Number(b.size) - Number(a.size)),
      'a completed result',
    );
    const request = { session_id: large.session_id, result_id: large.result_id };
    const chunks: Uint8Array[] = [];
    for await (const message of results.downloadResultData({
      sessionId: request.session_id,
      resultId: request.result_id,
    })) {
      chunks.push(message.dataChunk);
    }
    const web = Buffer.concat(chunks);
    const native = Buffer.concat(
      (await readAll(c.results.DownloadResultData(request))).map((m) => m.data_chunk),
    );
    expect(web.length).toBe(Number(large.size));
    expect(web.equals(native)).toBe(true);
    if (Number(large.size) > max) expect(chunks.length).toBeGreaterThanOrEqual(2);
  });

  it('Events.GetEvents (live server stream) delivers a task status update, until the client aborts', async () => {
    const events = createClient(Events, grpcWeb);
    const { sessionId, taskIds } = await runningSessionWithOpenTasks(c, 3);

    const abort = new AbortController();
    const received: { taskId: string; status: TaskStatus }[] = [];
    let headersSeen: () => void = () => undefined;
    const headers = new Promise<void>((resolve) => (headersSeen = resolve));
    const stream = (async () => {
      try {
        for await (const event of events.getEvents(
          {
            sessionId,
            tasksFilters: { or: [] },
            resultsFilters: { or: [] },
            returnedEvents: [EventsEnum.TASK_STATUS_UPDATE],
          },
          { signal: abort.signal, onHeader: () => headersSeen() },
        )) {
          if (event.update.case === 'taskStatusUpdate') received.push(event.update.value);
        }
        return 'ended';
      } catch (error) {
        return Code[ConnectError.from(error).code];
      }
    })();
    await Promise.race([headers, sleep(1000)]);

    // Cancel one task at a time until an update arrives (bounded): a subscription that was not
    // yet in place for the first change still gets the next one.
    const cancelled: string[] = [];
    for (const taskId of taskIds) {
      await c.tasks.CancelTasks({ task_ids: [taskId] });
      cancelled.push(taskId);
      for (let i = 0; i < 20 && !received.some((e) => cancelled.includes(e.taskId)); i++)
        await sleep(100);
      if (received.length) break;
    }
    abort.abort();
    expect(await stream).toBe(Code[Code.Canceled]);
    const updates = received.filter((e) => cancelled.includes(e.taskId)).map((e) => e.status);
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((st) => st === TaskStatus.CANCELLING || st === TaskStatus.CANCELLED)).toBe(
      true,
    );
    expect(received.filter((e) => !cancelled.includes(e.taskId))).toEqual([]);
    expect((await listAll(c, SESSIONS)).total).toBeGreaterThan(0);
  });
});

describe('gRPC-web, base64 text form, by hand (ArmoniK Admin GUI’s default)', () => {
  const bytes = (message: MessageInitShape<typeof ListSessionsRequestSchema>) =>
    toBinary(ListSessionsRequestSchema, create(ListSessionsRequestSchema, message));

  it('ListSessions answers one message with the sessions native gRPC lists, then grpc-status 0', async () => {
    const reply = await grpcWebTextCall(
      cluster.url,
      '/armonik.api.grpc.v1.sessions.Sessions/ListSessions',
      bytes(listRequest),
    );
    expect(reply.httpStatus).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/grpc-web-text/);
    expect({ grpcStatus: reply.grpcStatus, messages: reply.messages.length }).toEqual({
      grpcStatus: 0,
      messages: 1,
    });
    const decoded = fromBinary(ListSessionsResponseSchema, first(reply.messages, 'a message'));
    const native = await listAll(c, SESSIONS);
    expect(decoded.total).toBe(native.total);
    expect(decoded.sessions.map((s) => s.sessionId)).toEqual(native.rows.map((s) => s.session_id));
  });

  it('GetSession on an unknown id answers grpc-status 5 with Core’s message and no data', async () => {
    const reply = await grpcWebTextCall(
      cluster.url,
      '/armonik.api.grpc.v1.sessions.Sessions/GetSession',
      toBinary(GetSessionRequestSchema, create(GetSessionRequestSchema, { sessionId: UNKNOWN })),
    );
    expect({
      http: reply.httpStatus,
      grpcStatus: reply.grpcStatus,
      grpcMessage: reply.grpcMessage,
      messages: reply.messages.length,
    }).toEqual({ http: 200, grpcStatus: 5, grpcMessage: NOT_FOUND_MESSAGE, messages: 0 });
  });

  it('a request with INVALID_ARGUMENT (UNSPECIFIED sort direction) answers grpc-status 3', async () => {
    const reply = await grpcWebTextCall(
      cluster.url,
      '/armonik.api.grpc.v1.sessions.Sessions/ListSessions',
      bytes({
        ...listRequest,
        sort: { ...listRequest.sort, direction: SortDirection.UNSPECIFIED },
      }),
    );
    expect({ grpcStatus: reply.grpcStatus, messages: reply.messages.length }).toEqual({
      grpcStatus: 3,
      messages: 0,
    });
  });
});

describe('CORS', () => {
  const ORIGIN = 'http://localhost:4200';

  it('answers a preflight (OPTIONS with Origin) allowing the origin, POST and the gRPC-web headers', async () => {
    const response = await fetch(
      `${cluster.url}/armonik.api.grpc.v1.sessions.Sessions/ListSessions`,
      {
        method: 'OPTIONS',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-grpc-web,x-user-agent,grpc-timeout',
        },
      },
    );
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expect([ORIGIN, '*']).toContain(response.headers.get('access-control-allow-origin'));
    const methods = (response.headers.get('access-control-allow-methods') ?? '').toUpperCase();
    expect(methods === '*' || methods.includes('POST')).toBe(true);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['content-type', 'x-grpc-web', 'x-user-agent', 'grpc-timeout']) {
      expect(allowed === '*' || allowed.split(/\s*,\s*/).includes(header)).toBe(true);
    }
  });

  it('a cross-origin call is allowed and exposes grpc-status and grpc-message to the page', async () => {
    const response = await fetch(
      `${cluster.url}/armonik.api.grpc.v1.sessions.Sessions/GetSession`,
      {
        method: 'POST',
        headers: {
          origin: ORIGIN,
          'content-type': 'application/grpc-web+proto',
          'x-grpc-web': '1',
        },
        body: frame(
          toBinary(
            GetSessionRequestSchema,
            create(GetSessionRequestSchema, { sessionId: UNKNOWN }),
          ),
        ),
      },
    );
    await response.arrayBuffer();
    expect([ORIGIN, '*']).toContain(response.headers.get('access-control-allow-origin'));
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    expect(
      exposed === '*' || (exposed.includes('grpc-status') && exposed.includes('grpc-message')),
    ).toBe(true);
  });
});

describe('the Connect protocol on the same port', () => {
  it.each([
    ['binary', true],
    ['JSON', false],
  ])('%s: ListSessions and a NOT_FOUND error', async (_, useBinaryFormat) => {
    const sessions = createClient(
      Sessions,
      createConnectTransport({ baseUrl: cluster.url, useBinaryFormat }),
    );
    const reply = await sessions.listSessions({ ...listRequest, pageSize: 0 });
    expect(reply.total).toBe((await listAll(c, SESSIONS)).total);
    expect(await connectError(sessions.getSession({ sessionId: UNKNOWN }))).toEqual({
      code: Code[Code.NotFound],
      message: NOT_FOUND_MESSAGE,
    });
  });
});
