import { Code, ConnectError } from '@connectrpc/connect';
import type * as http2 from 'node:http2';

import type { DirectRequest } from './grpc-unary';
import type { HttpRequest } from './http-types';

/** The reason a stream's signal aborts with when it closes without an error code. */
const STREAM_CLOSED = new ConnectError('the stream has closed', Code.Canceled);

/**
 * What the direct unary path reads of a request, straight from Node's: connect-node's universal
 * request wraps the body in async generators and, when every stream closes, aborts a signal
 * without a reason, which builds a DOMException and its stack trace, several per cent of the
 * server's CPU under the load mix (server/README.md, "The direct unary path").
 *
 * The signal aborts when the stream closes: with a CANCELLED ConnectError naming the HTTP/2
 * code when the client reset it, as connect's does (it also maps a few codes to other
 * statuses; nobody is left to see the status of a reset call), and with a fixed reason after a
 * normal end.
 */
export function directRequest(req: HttpRequest): DirectRequest {
  const controller = new AbortController();
  const stream = (req as http2.Http2ServerRequest).stream as http2.ServerHttp2Stream | undefined;
  req.once('close', () => {
    const code = stream?.rstCode ?? 0;
    // NO_ERROR (0) and STREAM_CLOSED (5) are how an answered stream ends (gRPC's HTTP/2 spec).
    controller.abort(
      code === 0 || code === 5
        ? STREAM_CLOSED
        : new ConnectError(
            `http/2 stream closed with error code 0x${code.toString(16)}`,
            Code.Canceled,
          ),
    );
  });
  return {
    method: req.method ?? '',
    httpVersion: req.httpVersion,
    url: `http://${headerOf(req, ':authority') ?? headerOf(req, 'host') ?? ''}${req.url ?? ''}`,
    header: webHeaders(req.headers),
    body: req as AsyncIterable<Uint8Array>,
    signal: controller.signal,
  };
}

/** The request line and headers as `isPlainGrpcUnary` reads them, without copying anything. */
export function nodeRequestView(req: HttpRequest) {
  return {
    method: req.method,
    httpVersion: req.httpVersion,
    header: { get: (name: string) => headerOf(req, name) ?? null },
  };
}

function headerOf(req: HttpRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Node's headers as fetch Headers, HTTP/2 pseudo-headers left out (as connect-node does). */
function webHeaders(headers: HttpRequest['headers']): Headers {
  const out = new Headers();
  for (const key in headers) {
    if (key.startsWith(':')) continue;
    const value = headers[key];
    if (typeof value === 'string') out.append(key, value);
    else if (Array.isArray(value)) for (const v of value) out.append(key, v);
  }
  return out;
}
