/**
 * Native gRPC unary calls take a direct path (server/transport/grpc-unary.ts); everything else
 * goes through connect's gRPC handler. A client must not be able to tell them apart: the same
 * call answered both ways gives the same status, message, headers, trailers and bytes. A
 * request that declares `grpc-encoding: gzip` but sends an uncompressed frame (flag 0, which
 * the gRPC spec allows) is one connect answers, so each case is sent with and without it.
 */
import { create, toBinary } from '@bufbuild/protobuf';
import type { IncomingHttpHeaders } from 'node:http2';

import * as directPath from '../../transport/grpc-unary';
import {
  GetSessionRequestSchema,
  ListSessionsRequestSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { SortDirection } from '../../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import { FilterStringOperator } from '../../../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import {
  SESSIONS,
  TEST_TIMEOUT_MS,
  frame,
  listAll,
  rawGrpcPost,
  statusName,
  useCluster,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const { cluster, c } = useCluster();

const GET_SESSION = '/armonik.api.grpc.v1.sessions.Sessions/GetSession';
const LIST_SESSIONS = '/armonik.api.grpc.v1.sessions.Sessions/ListSessions';
/** Sent alone, nothing but the encoding differs: connect answers instead of the direct path. */
const VIA_CONNECT = { 'grpc-encoding': 'gzip' };

const getSession = (sessionId: string) =>
  toBinary(GetSessionRequestSchema, create(GetSessionRequestSchema, { sessionId }));

const listSessions = toBinary(
  ListSessionsRequestSchema,
  create(ListSessionsRequestSchema, {
    page: 1,
    pageSize: 7,
    filters: {
      or: [
        {
          and: [
            {
              field: {
                field: {
                  case: 'sessionRawField',
                  value: { field: SessionRawEnumField.SESSION_ID },
                },
              },
              valueCondition: {
                case: 'filterString',
                value: { value: '', operator: FilterStringOperator.CONTAINS },
              },
            },
          ],
        },
      ],
    },
    sort: {
      field: {
        field: { case: 'sessionRawField', value: { field: SessionRawEnumField.CREATED_AT } },
      },
      direction: SortDirection.DESC,
    },
  }),
);

/**
 * What a client sees of an answer. `date` may differ, and `grpc-encoding`: connect names the
 * request's encoding for its answer (whose frames it leaves uncompressed, flag 0).
 */
async function seen(path: string, body: Uint8Array, headers: Record<string, string> = {}) {
  const reply = await rawGrpcPost(cluster.port, path, body, 'application/grpc', headers);
  const without = ({ date: _date, 'grpc-encoding': _encoding, ...rest }: IncomingHttpHeaders) =>
    rest;
  return {
    http: reply.httpStatus,
    status: statusName(reply.grpcStatus ?? -1),
    message: reply.grpcMessage,
    headers: without(reply.headers),
    trailers: without(reply.trailers),
    body: reply.body.toString('hex'),
  };
}

/** The case answered directly, then by connect; both must be the same. */
async function bothWays(path: string, body: Uint8Array, headers: Record<string, string> = {}) {
  const direct = await seen(path, body, headers);
  const connect = await seen(path, body, { ...headers, ...VIA_CONNECT });
  expect(direct).toEqual(connect);
  return direct;
}

describe('which calls take the direct path', () => {
  afterEach(() => jest.restoreAllMocks());

  it('a plain native unary call does; one that names an encoding goes to connect', async () => {
    const direct = jest.spyOn(directPath, 'answerGrpcUnary');
    await seen(GET_SESSION, frame(getSession('no-such-session')));
    expect(direct).toHaveBeenCalledTimes(1);
    await seen(GET_SESSION, frame(getSession('no-such-session')), VIA_CONNECT);
    expect(direct).toHaveBeenCalledTimes(1);
  });
});

describe('the direct native unary path answers as connect does', () => {
  it('a session that exists: OK with the same message bytes', async () => {
    const [session] = (await listAll(c, SESSIONS)).rows;
    const answer = await bothWays(GET_SESSION, frame(getSession(session!.session_id)));
    expect(answer.status).toBe('OK');
    expect(answer.body).toContain(Buffer.from(session!.session_id).toString('hex'));
  });

  it('an unknown session: NOT_FOUND with the same message', async () => {
    const answer = await bothWays(GET_SESSION, frame(getSession('no-such-session')));
    expect(answer.status).toBe('NOT_FOUND');
    expect(answer.message).toContain('no-such-session');
  });

  it('a filtered, sorted page of a list', async () => {
    const answer = await bothWays(LIST_SESSIONS, frame(listSessions));
    expect(answer.status).toBe('OK');
    expect(answer.body.length).toBeGreaterThan(7 * 2 * 36);
  });

  it('a deadline the client sets (grpc-timeout) is accepted the same way', async () => {
    const answer = await bothWays(GET_SESSION, frame(getSession('no-such-session')), {
      'grpc-timeout': '30S',
    });
    expect(answer.status).toBe('NOT_FOUND');
  });

  it.each([
    ['no message at all', new Uint8Array(0), {}],
    [
      'two messages in a unary call',
      Buffer.concat([frame(getSession('a')), frame(getSession('b'))]),
      {},
    ],
    ['a grpc-timeout that is not one', frame(getSession('a')), { 'grpc-timeout': 'soon' }],
    ['bytes that are no protobuf message', frame(new Uint8Array([0xff, 0xff, 0x07])), {}],
  ])('%s: refused with the same status and message', async (_, body, headers) => {
    const answer = await bothWays(GET_SESSION, body, headers);
    expect(answer.status).not.toBe('OK');
    expect(answer.status).not.toBe('INTERNAL');
    expect(answer.message).not.toBe('');
  });

  it('a message larger than the server accepts: RESOURCE_EXHAUSTED, and the next call is answered', async () => {
    const huge = frame(getSession('x'.repeat(4 * 1024 * 1024 + 10)));
    const answer = await seen(GET_SESSION, huge);
    expect(answer.status).toBe('RESOURCE_EXHAUSTED');
    const next = await seen(GET_SESSION, frame(getSession('no-such-session')));
    expect(next.status).toBe('NOT_FOUND');
  });
});
