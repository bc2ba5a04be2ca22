/**
 * The load mix's clients on Node's own HTTP/2 (nghttp2), without a gRPC library: one connection,
 * unary calls whose request bytes are encoded once (by grpc-client's proto-loader definitions)
 * and whose answers are counted, not decoded. grpc-js spent about 0.46 ms of client CPU a call
 * under the mix (a third in grpc-js itself); on a 2-core machine that CPU is taken from the
 * server the mix measures (bench/README.md, section 5, has the figures of both).
 *
 * It speaks the gRPC wire as the server sees it from any native client: POST, content-type
 * application/grpc, te: trailers, one length-prefixed message, grpc-status in the trailers (or
 * in the headers of a trailers-only answer).
 */
import { type ClientHttp2Session, type IncomingHttpHeaders, connect, constants } from 'node:http2';

import { percentDecoded } from './error-text';
import { type Msg, type Service, unaryMethod } from './grpc-client';

const { HTTP2_HEADER_METHOD, HTTP2_HEADER_PATH, HTTP2_HEADER_CONTENT_TYPE, HTTP2_HEADER_TE } =
  constants;

/** A gRPC error status as the load clients count it. */
export class GrpcStatusError extends Error {
  constructor(
    readonly code: number,
    details: string,
  ) {
    super(`gRPC status ${code}: ${details}`);
  }
}

/** One length-prefixed, uncompressed gRPC message. */
export function grpcFrame(message: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(5 + message.length);
  frame.writeUInt8(0, 0);
  frame.writeUInt32BE(message.length, 1);
  frame.set(message, 5);
  return frame;
}

function statusOf(headers: IncomingHttpHeaders): GrpcStatusError | 'ok' | undefined {
  const status = headers['grpc-status'];
  if (status === undefined) return undefined;
  if (Number(status) === 0) return 'ok';
  const message = headers['grpc-message'];
  return new GrpcStatusError(
    Number(status),
    typeof message === 'string' ? percentDecoded(message) : '',
  );
}

/** A call ready to send: its method's path and its request, encoded and framed. */
export interface EncodedCall {
  path: string;
  frame: Buffer;
}

/** Encodes `request` once, with the same .proto definitions as the grpc-js clients. */
export function encodeCall(service: Service, method: string, request: Msg): EncodedCall {
  const { path, serialize } = unaryMethod(service, method);
  return { path, frame: grpcFrame(serialize(request)) };
}

export interface H2Unary {
  /**
   * Sends one call on this client's connection (opened on first use); resolves with the size of
   * the answer's bytes after the first message prefix, rejects with its error status.
   */
  call(encoded: EncodedCall, timeoutMs?: number): Promise<number>;
  close(): void;
}

export function h2Unary(port: number): H2Unary {
  let session: ClientHttp2Session | undefined;
  const open = () => {
    if (!session || session.closed || session.destroyed) {
      session = connect(`http://127.0.0.1:${port}`);
      // A connection error fails the calls on it (each stream gets its own error event).
      session.on('error', () => undefined);
    }
    return session;
  };
  return {
    call: ({ path, frame }, timeoutMs = 60_000) =>
      new Promise<number>((resolve, reject) => {
        const stream = open().request({
          [HTTP2_HEADER_METHOD]: 'POST',
          [HTTP2_HEADER_PATH]: path,
          [HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
          [HTTP2_HEADER_TE]: 'trailers',
          'grpc-timeout': `${timeoutMs}m`,
        });
        let bytes = 0;
        let outcome: GrpcStatusError | 'ok' | undefined;
        stream.on('response', (headers) => (outcome ??= statusOf(headers)));
        stream.on('trailers', (trailers: IncomingHttpHeaders) => (outcome ??= statusOf(trailers)));
        stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
        stream.on('error', reject);
        stream.on('close', () => {
          if (outcome === 'ok') resolve(Math.max(0, bytes - 5));
          else reject(outcome ?? new Error(`stream closed without a gRPC status (${path})`));
        });
        stream.end(frame);
      }),
    close: () => session?.close(),
  };
}
