/**
 * HTTP compression of the browser protocols' unary answers (server/transport/answer-compression.ts):
 * gRPC-web and Connect answers come back with Content-Encoding when the request's Accept-Encoding
 * allows it, decode to the very bytes of the uncompressed answer, and stay as they are without
 * Accept-Encoding, for small answers, for native gRPC and for server streams.
 * Raw HTTP/1.1 requests (node:http sends no Accept-Encoding of its own and decodes nothing), so
 * the test sees the bytes on the wire.
 */
import { create, toBinary } from '@bufbuild/protobuf';
import * as http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import {
  EventSubscriptionRequestSchema,
  EventsEnum,
} from '../../../proto/gen/armonik/api/grpc/v1/events_common_pb';
import {
  GetSessionRequestSchema,
  ListSessionsRequestSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { SortDirection } from '../../../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import {
  SESSIONS,
  TEST_TIMEOUT_MS,
  frame,
  listAll,
  parseGrpcWebBody,
  rawGrpcPost,
  useCluster,
  runningSessionWithOpenTasks,
  rawHttp,
  type RawHttpReply,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const { cluster, c } = useCluster();

const LIST_SESSIONS = '/armonik.api.grpc.v1.sessions.Sessions/ListSessions';
const GET_SESSION = '/armonik.api.grpc.v1.sessions.Sessions/GetSession';
const GET_EVENTS = '/armonik.api.grpc.v1.events.Events/GetEvents';

/** A page of 50 sessions: several kB, well above the compression threshold. */
const listMessage = toBinary(
  ListSessionsRequestSchema,
  create(ListSessionsRequestSchema, {
    page: 0,
    pageSize: 50,
    filters: { or: [] },
    sort: {
      field: {
        field: { case: 'sessionRawField', value: { field: SessionRawEnumField.SESSION_ID } },
      },
      direction: SortDirection.ASC,
    },
  }),
);

const post = (path: string, body: Uint8Array, headers: Record<string, string>) =>
  rawHttp(`${cluster.url}${path}`, { method: 'POST', headers, body });

function decoded(answer: RawHttpReply): Buffer {
  switch (answer.headers['content-encoding']) {
    case undefined:
      return answer.body;
    case 'gzip':
      return gunzipSync(answer.body);
    case 'br':
      return brotliDecompressSync(answer.body);
    default:
      throw new Error(`unexpected content-encoding ${answer.headers['content-encoding']}`);
  }
}

const GRPC_WEB = { 'content-type': 'application/grpc-web+proto', 'x-grpc-web': '1' };

describe('gRPC-web unary answers', () => {
  it.each([
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
  ])(
    'with Accept-Encoding "%s" come back as %s and decode to the uncompressed answer',
    async (accept, expected) => {
      const plain = await post(LIST_SESSIONS, frame(listMessage), GRPC_WEB);
      const packed = await post(LIST_SESSIONS, frame(listMessage), {
        ...GRPC_WEB,
        'accept-encoding': accept,
      });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(packed.headers['content-encoding']).toBe(expected);
      expect(packed.headers['vary']).toMatch(/accept-encoding/i);
      expect(packed.body.length).toBeLessThan(plain.body.length / 2);
      expect(Number(packed.headers['content-length'])).toBe(packed.body.length);
      expect(decoded(packed).equals(plain.body)).toBe(true);
      const reply = parseGrpcWebBody(new Uint8Array(decoded(packed)), new Headers(), packed.status);
      expect(reply.grpcStatus).toBe(0);
      expect(reply.messages).toHaveLength(1);
    },
  );

  it('stay uncompressed without Accept-Encoding, or when it allows neither gzip nor brotli', async () => {
    for (const accept of [undefined, 'identity', 'deflate', 'gzip;q=0, br;q=0']) {
      const answer = await post(LIST_SESSIONS, frame(listMessage), {
        ...GRPC_WEB,
        ...(accept === undefined ? {} : { 'accept-encoding': accept }),
      });
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(
        parseGrpcWebBody(new Uint8Array(answer.body), new Headers(), 200).messages,
      ).toHaveLength(1);
    }
  });

  it('stay uncompressed when they are small (one session)', async () => {
    const sessionId = (await listAll(c, SESSIONS)).rows[0]?.session_id ?? '';
    const message = toBinary(
      GetSessionRequestSchema,
      create(GetSessionRequestSchema, { sessionId }),
    );
    const answer = await post(GET_SESSION, frame(message), {
      ...GRPC_WEB,
      'accept-encoding': 'gzip, br',
    });
    expect(answer.body.length).toBeLessThan(1024);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(parseGrpcWebBody(new Uint8Array(answer.body), new Headers(), 200).grpcStatus).toBe(0);
  });

  it('in the text form (ArmoniK Admin GUI) compress too, and decode to the same base64', async () => {
    const text = {
      'content-type': 'application/grpc-web-text',
      accept: 'application/grpc-web-text',
      'x-grpc-web': '1',
    };
    const body = new TextEncoder().encode(Buffer.from(frame(listMessage)).toString('base64'));
    const plain = await post(LIST_SESSIONS, body, text);
    const packed = await post(LIST_SESSIONS, body, { ...text, 'accept-encoding': 'gzip' });
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(decoded(packed).equals(plain.body)).toBe(true);
  });
});

describe('Connect unary answers', () => {
  const CONNECT = { 'content-type': 'application/proto', 'connect-protocol-version': '1' };

  it('come back compressed with Accept-Encoding and decode to the uncompressed answer', async () => {
    const plain = await post(LIST_SESSIONS, listMessage, CONNECT);
    const packed = await post(LIST_SESSIONS, listMessage, {
      ...CONNECT,
      'accept-encoding': 'gzip',
    });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(decoded(packed).equals(plain.body)).toBe(true);
  });
});

describe('what stays as it was', () => {
  it('native gRPC answers carry no HTTP compression even when Accept-Encoding is sent', async () => {
    const reply = await rawGrpcPost(
      cluster.port,
      LIST_SESSIONS,
      frame(listMessage),
      'application/grpc',
      {
        'accept-encoding': 'gzip, br',
      },
    );
    expect(reply.grpcStatus).toBe(0);
    // An uncompressed gRPC data frame: flag 0, then the message length.
    expect(reply.body[0]).toBe(0);
    expect(reply.body.readUInt32BE(1)).toBe(reply.body.length - 5);
  });

  it('a gRPC-web server stream (live events) stays uncompressed and delivers its events while it is open', async () => {
    const { sessionId, taskIds } = await runningSessionWithOpenTasks(c, 3);
    const subscription = toBinary(
      EventSubscriptionRequestSchema,
      create(EventSubscriptionRequestSchema, {
        sessionId,
        tasksFilters: { or: [] },
        resultsFilters: { or: [] },
        returnedEvents: [EventsEnum.TASK_STATUS_UPDATE],
      }),
    );
    const body = Buffer.from(frame(subscription));
    const request = http.request(`${cluster.url}${GET_EVENTS}`, {
      method: 'POST',
      headers: {
        ...GRPC_WEB,
        'accept-encoding': 'gzip, br',
        'content-length': String(body.length),
      },
    });
    try {
      let ended = false;
      const firstData = new Promise<{ headers: http.IncomingHttpHeaders; chunk: Buffer }>(
        (resolve, reject) => {
          request.on('error', reject);
          request.on('response', (response) => {
            response.on('end', () => (ended = true));
            response.on('data', (chunk: Buffer) => {
              if (chunk.length > 0) resolve({ headers: response.headers, chunk });
            });
          });
        },
      );
      request.end(body);
      // Cancel open tasks one at a time until an event arrives (a subscription still being set
      // up may miss the first change).
      let first: { headers: http.IncomingHttpHeaders; chunk: Buffer } | undefined;
      for (const taskId of taskIds) {
        await c.tasks.CancelTasks({ task_ids: [taskId] });
        first = await Promise.race([firstData, new Promise<undefined>((r) => setTimeout(r, 500))]);
        if (first) break;
      }
      expect(first?.headers['content-encoding']).toBeUndefined();
      // A plain gRPC-web data frame (flag 0) while the stream is still open.
      expect(first?.chunk[0]).toBe(0);
      expect(ended).toBe(false);
    } finally {
      request.destroy();
    }
  });
});
