/**
 * The status of every class of malformed request body, per protocol: bytes that are no protobuf
 * message, invalid UTF-8 in a string field, a frame flagged compressed without an encoding,
 * unknown frame flags and a truncated frame are the client's error — INVALID_ARGUMENT (HTTP 400
 * over Connect), never INTERNAL or HTTP 500. After each, the server answers the next call.
 */
import { create, toBinary } from '@bufbuild/protobuf';
import { gzipSync } from 'node:zlib';

import { GetSessionRequestSchema } from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import {
  decodeBase64Chunks,
  frame,
  grpcWebBinaryPost,
  parseGrpcWebBody,
  rawGrpcPost,
  statusName,
  TEST_TIMEOUT_MS,
  useCluster,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const { cluster } = useCluster();

const GET_SESSION = '/armonik.api.grpc.v1.sessions.Sessions/GetSession';

/** A valid GetSessionRequest (the session does not exist: a good call answers NOT_FOUND). */
const VALID = toBinary(
  GetSessionRequestSchema,
  create(GetSessionRequestSchema, { sessionId: 'no-such-session' }),
);
/** Field 31 with the undefined wire type 7. */
const NOT_PROTOBUF = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0xde, 0xad, 0xbe, 0xef, 0x07]);
/** Field 1 (session_id, a string) holding bytes that are not UTF-8. */
const INVALID_UTF8 = new Uint8Array([0x0a, 0x03, 0xff, 0xfe, 0x41]);

/** [class, request body, extra headers, what the message says]. */
const ENVELOPED: [string, Uint8Array, Record<string, string>, RegExp][] = [
  [
    'bytes that are no protobuf message',
    frame(NOT_PROTOBUF),
    {},
    /not a valid .*GetSessionRequest/,
  ],
  ['a string field that is not UTF-8', frame(INVALID_UTF8), {}, /not a valid .*GetSessionRequest/],
  [
    'a frame flagged compressed without an encoding',
    frame(VALID, 0x01),
    {},
    /flagged compressed but the request names no encoding/,
  ],
  ['a frame with unknown flags', frame(VALID, 0x04), {}, /unknown frame flags 0x4/],
  ['a frame shorter than its declared length', frame(VALID).subarray(0, 9), {}, /incomplete/],
  [
    'a gzip frame whose gzip content is no protobuf message',
    frame(new Uint8Array(gzipSync(NOT_PROTOBUF)), 0x01),
    { 'grpc-encoding': 'gzip' },
    /not a valid .*GetSessionRequest/,
  ],
  [
    'a frame flagged gzip that is not gzip',
    frame(NOT_PROTOBUF, 0x01),
    { 'grpc-encoding': 'gzip' },
    /gzip frame does not decompress/,
  ],
];

describe('native gRPC (HTTP/2)', () => {
  it('a valid frame is answered with the call’s own status (the raw client works)', async () => {
    const reply = await rawGrpcPost(cluster.port, GET_SESSION, frame(VALID));
    expect(statusName(reply.grpcStatus ?? -1)).toBe('NOT_FOUND');
  });

  it.each(ENVELOPED)('%s → INVALID_ARGUMENT', async (_, body, headers, message) => {
    const reply = await rawGrpcPost(cluster.port, GET_SESSION, body, 'application/grpc', headers);
    expect({ http: reply.httpStatus, grpc: statusName(reply.grpcStatus ?? -1) }).toEqual({
      http: 200,
      grpc: 'INVALID_ARGUMENT',
    });
    expect(reply.grpcMessage).toMatch(message);
    const next = await rawGrpcPost(cluster.port, GET_SESSION, frame(VALID));
    expect(statusName(next.grpcStatus ?? -1)).toBe('NOT_FOUND');
  });
});

describe('compression', () => {
  it('a gzip-compressed valid request is accepted (grpc-encoding: gzip)', async () => {
    const reply = await rawGrpcPost(
      cluster.port,
      GET_SESSION,
      frame(new Uint8Array(gzipSync(VALID)), 0x01),
      'application/grpc',
      { 'grpc-encoding': 'gzip' },
    );
    expect(statusName(reply.grpcStatus ?? -1)).toBe('NOT_FOUND');
  });

  it('an encoding the server does not know → UNIMPLEMENTED, as the gRPC spec asks', async () => {
    const reply = await rawGrpcPost(
      cluster.port,
      GET_SESSION,
      frame(VALID, 0x01),
      'application/grpc',
      {
        'grpc-encoding': 'snappy',
      },
    );
    expect(statusName(reply.grpcStatus ?? -1)).toBe('UNIMPLEMENTED');
  });
});

describe('gRPC-web, binary (HTTP/1.1)', () => {
  it.each(ENVELOPED)('%s → INVALID_ARGUMENT', async (_, body, headers, message) => {
    const reply = await grpcWebBinaryPost(cluster.url, GET_SESSION, body, headers);
    expect({ http: reply.httpStatus, grpc: statusName(reply.grpcStatus ?? -1) }).toEqual({
      http: 200,
      grpc: 'INVALID_ARGUMENT',
    });
    expect(reply.grpcMessage).toMatch(message);
    const next = await grpcWebBinaryPost(cluster.url, GET_SESSION, frame(VALID));
    expect(statusName(next.grpcStatus ?? -1)).toBe('NOT_FOUND');
  });
});

describe('gRPC-web, base64 text (ArmoniK Admin GUI)', () => {
  const textPost = async (body: Uint8Array, headers: Record<string, string>) => {
    const response = await fetch(`${cluster.url}${GET_SESSION}`, {
      method: 'POST',
      headers: { 'content-type': 'application/grpc-web-text', 'x-grpc-web': '1', ...headers },
      body: Buffer.from(body).toString('base64'),
    });
    return parseGrpcWebBody(
      decodeBase64Chunks(await response.text()),
      response.headers,
      response.status,
    );
  };

  it.each(ENVELOPED)('%s → INVALID_ARGUMENT', async (_, body, headers, message) => {
    const reply = await textPost(body, headers);
    expect(statusName(reply.grpcStatus ?? -1)).toBe('INVALID_ARGUMENT');
    expect(reply.grpcMessage).toMatch(message);
    expect(statusName((await textPost(frame(VALID), {})).grpcStatus ?? -1)).toBe('NOT_FOUND');
  });

  it('a body that is not base64 → INVALID_ARGUMENT', async () => {
    const response = await fetch(`${cluster.url}${GET_SESSION}`, {
      method: 'POST',
      headers: { 'content-type': 'application/grpc-web-text', 'x-grpc-web': '1' },
      body: '%%% not base64 %%%',
    });
    const reply = parseGrpcWebBody(
      decodeBase64Chunks(await response.text()),
      response.headers,
      response.status,
    );
    expect(statusName(reply.grpcStatus ?? -1)).toBe('INVALID_ARGUMENT');
  });
});

describe('Connect protocol (unary POST)', () => {
  const post = async (contentType: string, body: Uint8Array | string) => {
    const response = await fetch(`${cluster.url}${GET_SESSION}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'connect-protocol-version': '1' },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { http: response.status, body: (await response.json()) as { code: string } };
  };

  it.each([
    ['binary bytes that are no protobuf message', 'application/proto', NOT_PROTOBUF],
    ['binary with a string that is not UTF-8', 'application/proto', INVALID_UTF8],
    ['JSON that does not parse', 'application/json', '{"sessionId": '],
    ['JSON of the wrong shape', 'application/json', '{"sessionId": 5}'],
  ] as const)('%s → HTTP 400 invalid_argument', async (_, type, body) => {
    const reply = await post(type, body);
    expect({ http: reply.http, code: reply.body.code }).toEqual({
      http: 400,
      code: 'invalid_argument',
    });
    const next = await post('application/proto', VALID);
    expect({ http: next.http, code: next.body.code }).toEqual({ http: 404, code: 'not_found' });
  });
});
