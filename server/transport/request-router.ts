import type { ApiHandler } from './api-handler';
import { type CorsOrigins, handleCors } from './cors';
import type { HttpRequest, HttpResponse } from './http-types';

export interface RequestRouterOptions {
  readonly api: ApiHandler;
  readonly corsOrigins: CorsOrigins;
  /** Serves the SPA; returns false for requests it does not serve. */
  readonly staticFiles?: (req: HttpRequest, res: HttpResponse) => boolean;
}

const HINT =
  'ArmoniK-compatible control plane (embedded).\n' +
  'gRPC (HTTP/2), gRPC-web (binary and text) and Connect are served on this port at /armonik.api.grpc.v1.<Service>/<Method>.\n';

/** Every HTTP request on the port: CORS, then the API, then the console's files. */
export function createRequestRouter(options: RequestRouterOptions) {
  return (req: HttpRequest, res: HttpResponse): void => {
    try {
      if (handleCors(req, res, options.corsOrigins)) return;
      if (options.api.accepts(req)) {
        options.api.handle(req, res);
        return;
      }
      if (options.staticFiles?.(req, res)) return;
      if ((req.method === 'GET' || req.method === 'HEAD') && (req.url === '/' || req.url === '')) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(HINT);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    } catch (error) {
      // A bug in routing must cost one request, never the process.
      console.error('request failed:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  };
}
