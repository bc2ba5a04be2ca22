import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  Code,
  ConnectError,
  type HandlerContext,
  type Interceptor,
  createMethodImplSpec,
} from '@connectrpc/connect';

import {
  GetSessionRequestSchema,
  GetSessionResponseSchema,
} from '../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { Sessions } from '../../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import {
  type DirectRequest,
  type UnarySpec,
  answerGrpcUnary,
  isPlainGrpcUnary,
} from './grpc-unary';
import type { HttpResponse } from './http-types';
import { frame } from '../test/contract/helpers/grpc-web';

type Impl = (request: { sessionId: string }, context: HandlerContext) => unknown;

const spec = (impl: Impl) =>
  createMethodImplSpec(Sessions.method.getSession, impl as never) as UnarySpec;

/** The GetSession answer an implementation gives: the session id it was asked for. */
const echo: Impl = (request) =>
  create(GetSessionResponseSchema, { session: { sessionId: request.sessionId } });

const getSession = (sessionId: string) =>
  frame(toBinary(GetSessionRequestSchema, create(GetSessionRequestSchema, { sessionId })));

function request(
  chunks: Uint8Array[],
  headers: Record<string, string> = {},
  signal = new AbortController().signal,
): DirectRequest {
  return {
    httpVersion: '2.0',
    method: 'POST',
    url: 'http://localhost/armonik.api.grpc.v1.sessions.Sessions/GetSession',
    header: new Headers({ 'content-type': 'application/grpc', ...headers }),
    body: (async function* () {
      yield* chunks;
    })(),
    signal,
  };
}

/** A response that records what is written to it. */
function response() {
  const written: { status?: number; headers?: Record<string, string> } & {
    trailers?: Record<string, string>;
    body?: Uint8Array;
    ended: boolean;
  } = { ended: false };
  const res = {
    headersSent: false,
    writeHead: (status: number, headers?: Record<string, string>) => {
      written.status = status;
      written.headers = headers;
    },
    addTrailers: (trailers: Record<string, string>) => (written.trailers = trailers),
    end: (body?: Uint8Array) => {
      written.body = body;
      written.ended = true;
    },
    setHeader: () => undefined,
    getHeader: () => undefined,
    write: () => undefined,
    destroy: () => undefined,
  };
  return { res: res as HttpResponse, written };
}

const OPTIONS = {
  interceptors: [],
  readMaxBytes: 1024,
  shutdownSignal: new AbortController().signal,
};

async function bytesOf(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('which requests may take the direct path', () => {
  it.each([
    ['native gRPC over HTTP/2', {}, '2.0', true],
    ['application/grpc+proto', { 'content-type': 'application/grpc+proto' }, '2.0', true],
    ['grpc-encoding: identity', { 'grpc-encoding': 'identity' }, '2.0', true],
    ['a compressed request', { 'grpc-encoding': 'gzip' }, '2.0', false],
    ['JSON messages', { 'content-type': 'application/grpc+json' }, '2.0', false],
    ['gRPC-web', { 'content-type': 'application/grpc-web+proto' }, '2.0', false],
    ['HTTP/1.1', {}, '1.1', false],
  ])('%s', (_, headers, httpVersion, plain) => {
    expect(isPlainGrpcUnary({ ...request([], headers), httpVersion })).toBe(plain);
  });
});

describe('answerGrpcUnary', () => {
  it('answers a well-formed call itself: the implementation’s message and status OK in the trailers', async () => {
    const { res, written } = response();
    const fallback = jest.fn();
    await answerGrpcUnary(spec(echo), request([getSession('s-1')]), res, OPTIONS, fallback);
    expect(fallback).not.toHaveBeenCalled();
    expect(written.status).toBe(200);
    expect(written.headers?.['content-type']).toBe('application/grpc+proto');
    expect(written.trailers?.['grpc-status']).toBe('0');
    const body = Buffer.from(written.body!);
    expect(body[0]).toBe(0);
    expect(body.readUInt32BE(1)).toBe(body.length - 5);
    expect(fromBinary(GetSessionResponseSchema, body.subarray(5)).session?.sessionId).toBe('s-1');
  });

  it('reads a message split over several chunks', async () => {
    const { res, written } = response();
    const whole = getSession('split-id');
    const chunks = [whole.subarray(0, 2), whole.subarray(2, 9), whole.subarray(9)];
    await answerGrpcUnary(spec(echo), request(chunks), res, OPTIONS, jest.fn());
    const body = Buffer.from(written.body!);
    expect(fromBinary(GetSessionResponseSchema, body.subarray(5)).session?.sessionId).toBe(
      'split-id',
    );
  });

  it.each([
    ['no message', Buffer.alloc(0), {}],
    ['a truncated frame', getSession('abc').subarray(0, 8), {}],
    ['two messages', Buffer.concat([getSession('a'), getSession('b')]), {}],
    ['a compressed flag', frame(Buffer.from('abc'), 1), {}],
    ['unknown flags', frame(Buffer.from('abc'), 4), {}],
    ['bytes that are no message', frame(Buffer.from([0xff, 0xff, 0x07])), {}],
    ['a grpc-timeout that is not one', getSession('a'), { 'grpc-timeout': 'soon' }],
  ])(
    'hands %s to connect, with the very bytes it read, and writes nothing',
    async (_, bytes, headers) => {
      const { res, written } = response();
      const impl = jest.fn(echo);
      const fallback = jest.fn();
      const halves = [bytes.subarray(0, 3), bytes.subarray(3)];
      await answerGrpcUnary(spec(impl), request(halves, headers), res, OPTIONS, fallback);
      expect(fallback).toHaveBeenCalledTimes(1);
      expect(await bytesOf(fallback.mock.calls[0]![0] as AsyncIterable<Uint8Array>)).toEqual(bytes);
      expect(impl).not.toHaveBeenCalled();
      expect(written.ended).toBe(false);
    },
  );

  it('hands a body larger than the limit to connect as soon as it is over, and the rest follows', async () => {
    const chunks = [Buffer.alloc(700, 1), Buffer.alloc(700, 2), Buffer.alloc(700, 3)];
    let read = 0;
    const body = (async function* () {
      for (const chunk of chunks) {
        read++;
        yield chunk;
      }
    })();
    const fallback = jest.fn();
    const { res } = response();
    await answerGrpcUnary(spec(echo), { ...request([]), body }, res, OPTIONS, fallback);
    expect(read).toBe(2);
    const replayed = fallback.mock.calls[0]![0] as AsyncIterable<Uint8Array>;
    expect(await bytesOf(replayed)).toEqual(Buffer.concat(chunks));
  });

  it('refuses through the interceptors before the implementation runs', async () => {
    const refuse: Interceptor = () => () => {
      throw new ConnectError('Permission denied: no', Code.PermissionDenied);
    };
    const impl = jest.fn(echo);
    const { res, written } = response();
    await answerGrpcUnary(
      spec(impl),
      request([getSession('a')]),
      res,
      { ...OPTIONS, interceptors: [refuse] },
      jest.fn(),
    );
    expect(impl).not.toHaveBeenCalled();
    expect(written.trailers).toMatchObject({
      'grpc-status': String(Code.PermissionDenied),
      'grpc-message': 'Permission denied: no',
    });
    expect(written.body).toBeUndefined();
  });

  it('says INTERNAL, not the exception’s text, when an implementation throws something else', async () => {
    const { res, written } = response();
    const impl: Impl = () => {
      throw new TypeError('secret detail');
    };
    await answerGrpcUnary(spec(impl), request([getSession('a')]), res, OPTIONS, jest.fn());
    expect(written.trailers).toEqual({
      'grpc-status': String(Code.Internal),
      'grpc-message': 'internal error',
    });
  });

  it('truncates a long status message', async () => {
    const { res, written } = response();
    const impl: Impl = (r) => {
      throw new ConnectError(`Session was not found: ${r.sessionId}`, Code.NotFound);
    };
    await answerGrpcUnary(
      spec(impl),
      request([getSession('x'.repeat(5000))]),
      res,
      { ...OPTIONS, readMaxBytes: 1 << 20 },
      jest.fn(),
    );
    expect(written.trailers?.['grpc-status']).toBe(String(Code.NotFound));
    expect(written.trailers?.['grpc-message']!.length).toBeLessThan(1100);
  });

  describe('stopping', () => {
    /** An implementation that runs until its signal says stop, then fails with the reason. */
    const untilStopped: Impl = (_, context) =>
      new Promise((_resolve, reject) => {
        context.signal.addEventListener('abort', () => reject(context.signal.reason), {
          once: true,
        });
      });

    afterEach(() => jest.useRealTimers());

    it('the deadline the client set (grpc-timeout) stops the implementation: DEADLINE_EXCEEDED', async () => {
      jest.useFakeTimers();
      const { res, written } = response();
      const answered = answerGrpcUnary(
        spec(untilStopped),
        request([getSession('a')], { 'grpc-timeout': '250m' }),
        res,
        OPTIONS,
        jest.fn(),
      );
      await jest.advanceTimersByTimeAsync(249);
      expect(written.ended).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await answered;
      expect(written.trailers?.['grpc-status']).toBe(String(Code.DeadlineExceeded));
    });

    it('a client that cancels stops the implementation', async () => {
      const client = new AbortController();
      let seen: AbortSignal | undefined;
      const impl: Impl = (r, context) => {
        seen = context.signal;
        return untilStopped(r, context);
      };
      const { res, written } = response();
      const answered = answerGrpcUnary(
        spec(impl),
        request([getSession('a')], {}, client.signal),
        res,
        OPTIONS,
        jest.fn(),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen?.aborted).toBe(false);
      client.abort(new ConnectError('cancelled', Code.Canceled));
      await answered;
      expect(seen?.aborted).toBe(true);
      expect(written.ended).toBe(false);
    });

    it('writes nothing on a stream the client already reset, even for an answer that is ready', async () => {
      const client = new AbortController();
      client.abort(new ConnectError('cancelled', Code.Canceled));
      const { res, written } = response();
      await answerGrpcUnary(
        spec(echo),
        request([getSession('a')], {}, client.signal),
        res,
        OPTIONS,
        jest.fn(),
      );
      expect(written.ended).toBe(false);
    });
  });
});
