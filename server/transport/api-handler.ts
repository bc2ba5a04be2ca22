import {
  Code,
  ConnectError,
  type ConnectRouter,
  type Interceptor,
  createConnectRouter,
  createServiceImplSpec,
} from '@connectrpc/connect';
import {
  compressionBrotli,
  compressionGzip,
  universalRequestFromNodeRequest,
  universalResponseToNodeResponse,
} from '@connectrpc/connect-node';
import {
  type UniversalHandler,
  type UniversalServerRequest,
  type UniversalServerResponse,
  createMethodUrl,
} from '@connectrpc/connect/protocol';
import { compressedAnswer } from './answer-compression';
import { checkedRequest } from './checked-body';
import { normalizeGrpcMessage } from './grpc-message';
import { directRequest, nodeRequestView } from './direct-request';
import { type UnarySpec, answerGrpcUnary, isPlainGrpcUnary } from './grpc-unary';
import { decodeTextRequest, encodeTextResponse, isGrpcWebText } from './grpc-web-text';
import type { HttpRequest, HttpResponse } from './http-types';

/** connect-node's response type (not exported by name). */
type NodeServerResponse = Parameters<typeof universalResponseToNodeResponse>[1];

export interface ApiHandlerOptions {
  readonly routes: (router: ConnectRouter) => void;
  readonly interceptors: Interceptor[];
  /** Largest accepted message, and (with a little framing slack) request body. */
  readonly readMaxBytes: number;
  /** Aborted on shutdown: ends server streams (live events) so close() does not wait for them. */
  readonly shutdownSignal: AbortSignal;
}

export interface ApiHandler {
  /** Requests that belong to the API: known RPC paths and anything sent with an RPC content type. */
  accepts(req: HttpRequest): boolean;
  handle(req: HttpRequest, res: HttpResponse): void;
}

const RPC_CONTENT_TYPE = /^application\/(grpc|connect\+|proto|json)/i;

/**
 * The RPC side of the port, on connect-node's universal request/response layer (what
 * connectNodeAdapter is built on): gRPC, gRPC-web (binary) and Connect come for free; the
 * gRPC-web text form is translated around the handler, where bodies are plain async iterables.
 */
export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const router = createConnectRouter({
    grpc: true,
    grpcWeb: true,
    connect: true,
    readMaxBytes: options.readMaxBytes,
    // Clients may compress requests (grpc-encoding: gzip). Per-message reply compression stays
    // off (native gRPC: on loopback and behind an ingress it costs the one event loop more than
    // it saves); browsers' unary answers get HTTP compression instead (answer-compression.ts).
    acceptCompression: [compressionGzip, compressionBrotli],
    compressMinBytes: Number.MAX_SAFE_INTEGER,
    interceptors: options.interceptors,
    shutdownSignal: options.shutdownSignal,
  });
  const unary = new Map<string, UnarySpec>();
  options.routes(recordingUnary(router, unary));
  const handlers = new Map<string, UniversalHandler>(
    router.handlers.map((h) => [h.requestPath, h]),
  );
  const bodyCap = options.readMaxBytes + 64 * 1024;

  const viaConnect = (
    handler: UniversalHandler,
    uReq: UniversalServerRequest,
    req: HttpRequest,
    res: HttpResponse,
  ) => {
    const text = isGrpcWebText(uReq.header.get('content-type'));
    const body = capped(
      uReq.body as AsyncIterable<Uint8Array>,
      text ? Math.ceil((bodyCap * 4) / 3) : bodyCap,
    );
    const decoded = text ? decodeTextRequest({ ...uReq, body }) : { ...uReq, body };
    const request = checkedRequest(
      decoded as UniversalServerRequest & { body: AsyncIterable<Uint8Array> },
      handler.method.input,
      options.readMaxBytes,
    );
    handler(request)
      .then(async (uRes) => {
        const normalized = normalizeGrpcMessage(uRes);
        const encoded = text ? encodeTextResponse(normalized) : normalized;
        const kind = handler.method.methodKind;
        const answer =
          kind === 'server_streaming'
            ? sendHeadersFirst(encoded)
            : await compressedAnswer(encoded, {
                acceptEncoding: uReq.header.get('accept-encoding'),
                unary: kind === 'unary',
                vary: headerText(res.getHeader('vary')),
              });
        return universalResponseToNodeResponse(answer, res as unknown as NodeServerResponse);
      })
      .catch((reason: unknown) => failedWrite(handler, reason, req, res));
  };

  /** The answer could not be written: log it unless the client (or our shutdown) went away. */
  const failedWrite = (
    handler: UniversalHandler,
    reason: unknown,
    req: HttpRequest,
    res: HttpResponse,
  ) => {
    // Usually the client went away mid-response (cancelled stream): nothing left to answer.
    const gone =
      options.shutdownSignal.aborted ||
      req.destroyed ||
      (res as { destroyed?: boolean }).destroyed === true ||
      isConnectionError(reason);
    if (!gone && ConnectError.from(reason).code !== Code.Aborted) {
      console.error(
        `rpc ${handler.method.name} failed while writing its response:`,
        ConnectError.from(reason).message,
      );
    }
    if (!res.headersSent) res.writeHead(500);
    res.destroy();
  };

  /** connect-node's view of the request, or undefined after a 400 when it has none. */
  const connectRequest = (req: HttpRequest, res: HttpResponse) => {
    try {
      return universalRequestFromNodeRequest(
        req,
        res as unknown as NodeServerResponse,
        undefined,
        undefined,
      );
    } catch {
      res.writeHead(400);
      res.end();
      return undefined;
    }
  };

  return {
    accepts(req) {
      const path = pathOf(req);
      if (handlers.has(path) || path.startsWith('/armonik.')) return true;
      // Any other POST speaking an RPC protocol gets the API's answer (e.g. UNIMPLEMENTED).
      return (
        req.method === 'POST' && RPC_CONTENT_TYPE.test(String(req.headers['content-type'] ?? ''))
      );
    },
    handle(req, res) {
      const handler = handlers.get(pathOf(req));
      if (!handler) {
        unknownMethod(req, res);
        return;
      }
      const spec = unary.get(handler.requestPath);
      if (spec && isPlainGrpcUnary(nodeRequestView(req))) {
        answerGrpcUnary(spec, directRequest(req), res, options, (body) => {
          const uReq = connectRequest(req, res);
          if (uReq) viaConnect(handler, { ...uReq, body }, req, res);
        }).catch((reason: unknown) => failedWrite(handler, reason, req, res));
        return;
      }
      const uReq = connectRequest(req, res);
      if (!uReq) return;
      viaConnect(handler, uReq, req, res);
    },
  };
}

/**
 * The router, recording on the side each unary method's implementation spec (the same one
 * connect builds from the service object) for the direct native-gRPC path.
 */
function recordingUnary(router: ConnectRouter, unary: Map<string, UnarySpec>): ConnectRouter {
  return {
    ...router,
    service(service, implementation, serviceOptions) {
      const spec = createServiceImplSpec(service, implementation);
      for (const method of Object.values(spec.methods)) {
        if (method.kind === 'unary') unary.set(createMethodUrl('/', method.method), method);
      }
      router.service(service, implementation, serviceOptions);
      return this;
    },
  };
}

/** Errors that only mean the peer (or our shutdown) closed the connection under the response. */
function isConnectionError(reason: unknown): boolean {
  const cause = reason instanceof ConnectError ? reason.cause : reason;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
  return /^(ERR_STREAM_(WRITE_AFTER_END|DESTROYED|PREMATURE_CLOSE)|ERR_HTTP2_|EPIPE|ECONNRESET)/.test(
    code,
  );
}

function headerText(value: number | string | string[] | undefined): string | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);
}

function pathOf(req: HttpRequest): string {
  return (req.url ?? '').split('?', 1)[0] ?? '';
}

/**
 * gRPC and gRPC-web clients expect an UNIMPLEMENTED status for an unknown method, sent
 * "trailers-only" (status in the headers); other clients get a plain 404.
 */
function unknownMethod(req: HttpRequest, res: HttpResponse): void {
  const type = String(req.headers['content-type'] ?? '');
  if (/^application\/grpc/i.test(type)) {
    res.writeHead(200, {
      'content-type': type.split(';', 1)[0] ?? type,
      'grpc-status': String(Code.Unimplemented),
      'grpc-message': encodeURIComponent(`Method not found: ${pathOf(req)}`),
    });
  } else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.write(`No RPC at ${pathOf(req)}\n`);
  }
  res.end();
}

/**
 * connect-node writes the response headers together with the first body chunk; a live event
 * stream may have nothing to say for minutes, leaving the client (and any proxy in between)
 * without even a status line. An empty first chunk makes the headers go out at once.
 */
function sendHeadersFirst(response: UniversalServerResponse): UniversalServerResponse {
  const body = response.body;
  if (!body) return response;
  return {
    ...response,
    body: (async function* () {
      yield new Uint8Array(0);
      yield* body;
    })(),
  };
}

/** Refuses bodies larger than `max` bytes (RESOURCE_EXHAUSTED) however they are framed. */
async function* capped(body: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > max)
      throw new ConnectError(`request body larger than ${max} bytes`, Code.ResourceExhausted);
    yield chunk;
  }
}
