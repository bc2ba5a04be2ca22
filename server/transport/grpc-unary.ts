import { type DescMethodUnary, type Message, fromBinary } from '@bufbuild/protobuf';
import {
  Code,
  ConnectError,
  type Interceptor,
  type MethodImplSpec,
  createHandlerContext,
} from '@connectrpc/connect';
import {
  type UniversalServerResponse,
  invokeUnaryImplementation,
} from '@connectrpc/connect/protocol';
import {
  contentTypeProto,
  grpcStatusOk,
  parseTimeout,
  setTrailerStatus,
} from '@connectrpc/connect/protocol-grpc';
import { normalizeGrpcMessage } from './grpc-message';
import { encodeFramed } from './message-encoder';
import type { HttpResponse } from './http-types';

const ENVELOPE_HEADER = 5;

/** The reason a finished call's signal aborts with. */
const CALL_ENDED = new ConnectError('the call has ended', Code.Canceled);

/** A unary method's implementation, as connect's router holds it. */
export type UnarySpec = MethodImplSpec & { kind: 'unary'; method: DescMethodUnary };

/**
 * What the direct path reads of a request (transport/direct-request.ts builds it from Node's):
 * the part of connect's universal request it uses, so that one can stand in for it.
 */
export interface DirectRequest {
  readonly method: string;
  readonly httpVersion: string;
  readonly url: string;
  readonly header: Headers;
  readonly body: AsyncIterable<Uint8Array>;
  readonly signal: AbortSignal;
}

/** Native gRPC with binary messages: `application/grpc` or `application/grpc+proto`. */
const NATIVE_PROTO = /^application\/grpc(\+proto)?\s*(;|$)/i;

/**
 * Whether a request may take the direct unary path: a POST over HTTP/2 in native gRPC's binary
 * form, with uncompressed messages. Everything else (gRPC-web, Connect, JSON, compressed
 * requests, streams) goes through connect's handlers.
 */
export function isPlainGrpcUnary(request: {
  readonly method: string | undefined;
  readonly httpVersion: string;
  readonly header: { get(name: string): string | null };
}): boolean {
  const encoding = request.header.get('grpc-encoding');
  return (
    request.method === 'POST' &&
    request.httpVersion.startsWith('2') &&
    NATIVE_PROTO.test(request.header.get('content-type') ?? '') &&
    (encoding === null || encoding === 'identity')
  );
}

export interface GrpcUnaryOptions {
  readonly interceptors: Interceptor[];
  readonly readMaxBytes: number;
  readonly shutdownSignal: AbortSignal;
}

/**
 * Answers one native gRPC unary call with the same implementation, interceptors, context and
 * status trailers as connect's gRPC handler, but without its chain of async iterables
 * (envelope split, parse, serialize, join, catch), which was most of what the server allocated
 * per call: under the 64-client load mix, a third more calls a second and young-generation
 * collections half as long (server/README.md, "The direct unary path").
 *
 * Only the well-formed case is handled here: one uncompressed envelope holding a valid message,
 * a valid grpc-timeout. Anything else is handed back to `fallback` as the whole body (the
 * bytes already read, then the rest), so that connect (and checked-body.ts) give their usual
 * status for it.
 */
export async function answerGrpcUnary(
  spec: UnarySpec,
  request: DirectRequest,
  res: HttpResponse,
  options: GrpcUnaryOptions,
  fallback: (body: AsyncIterable<Uint8Array>) => void,
): Promise<void> {
  const reader = request.body[Symbol.asyncIterator]();
  /** The body as it came, for connect: the bytes read so far, then the rest. */
  const replay = (read: Uint8Array[]): AsyncIterable<Uint8Array> =>
    (async function* () {
      yield* read;
      for (let next = await reader.next(); next.done !== true; next = await reader.next()) {
        yield next.value;
      }
    })();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.next(); next.done !== true; next = await reader.next()) {
    chunks.push(next.value);
    size += next.value.length;
    // connect refuses it (RESOURCE_EXHAUSTED) from the frame header, without reading it all.
    if (size > ENVELOPE_HEADER + options.readMaxBytes) return fallback(replay(chunks));
  }
  const bytes = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
  const input = singleMessage(spec, bytes);
  const timeout = parseTimeout(request.header.get('grpc-timeout'), Number.MAX_SAFE_INTEGER);
  if (input === undefined || timeout.error) return fallback(replay([bytes]));

  const context = createHandlerContext({
    service: spec.method.parent,
    method: spec.method,
    protocolName: 'grpc',
    requestMethod: request.method,
    url: request.url,
    timeoutMs: timeout.timeoutMs,
    shutdownSignal: options.shutdownSignal,
    requestSignal: request.signal,
    requestHeader: request.header,
    responseHeader: { 'content-type': contentTypeProto },
    responseTrailer: { 'grpc-status': grpcStatusOk },
  });
  let body: Uint8Array | undefined;
  try {
    const output = await invokeUnaryImplementation(spec, context, input, options.interceptors);
    body = encodeFramed(spec.method.output, output);
  } catch (reason) {
    setTrailerStatus(
      context.responseTrailer,
      reason instanceof ConnectError
        ? reason
        : new ConnectError('internal error', Code.Internal, undefined, undefined, reason),
    );
  } finally {
    // The call is over: its signal tells whatever still listens. A reason given up front spares
    // the DOMException (and its stack trace) abort() would create on every call.
    context.abort(CALL_ENDED);
  }
  // The client reset the stream (its signal aborts when the stream closes): nothing to answer.
  if (request.signal.aborted) return;
  write(
    res,
    normalizeGrpcMessage({
      status: 200,
      header: context.responseHeader,
      trailer: context.responseTrailer,
    }),
    body,
  );
}

/** The request's one message, or undefined when the body is anything but one valid frame. */
function singleMessage(spec: UnarySpec, bytes: Uint8Array): Message | undefined {
  if (bytes.length < ENVELOPE_HEADER || bytes[0] !== 0) return undefined;
  const length = new DataView(bytes.buffer, bytes.byteOffset + 1, 4).getUint32(0);
  if (length !== bytes.length - ENVELOPE_HEADER) return undefined;
  try {
    return fromBinary(spec.method.input, bytes.subarray(ENVELOPE_HEADER));
  } catch {
    return undefined;
  }
}

function write(res: HttpResponse, answer: UniversalServerResponse, body: Uint8Array | undefined) {
  res.writeHead(200, nodeHeaders(answer.header));
  res.addTrailers(nodeHeaders(answer.trailer));
  res.end(body);
}

function nodeHeaders(headers: Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  headers?.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}
