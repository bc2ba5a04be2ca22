import type { HttpRequest, HttpResponse } from './http-types';

export type CorsOrigins = readonly string[] | '*';

const ALLOW_HEADERS = [
  'content-type',
  'x-grpc-web',
  'x-user-agent',
  'grpc-timeout',
  'grpc-accept-encoding',
  'connect-protocol-version',
  'connect-timeout-ms',
  'connect-accept-encoding',
  'connect-content-encoding',
  'authorization',
].join(', ');

const EXPOSE_HEADERS = [
  'grpc-status',
  'grpc-message',
  'grpc-status-details-bin',
  'grpc-encoding',
  'connect-content-encoding',
].join(', ');

/**
 * CORS for browsers calling gRPC-web/Connect from another origin (e.g. a dev server). Returns
 * true when the request was a preflight and has been answered.
 */
export function handleCors(req: HttpRequest, res: HttpResponse, origins: CorsOrigins): boolean {
  const origin = req.headers.origin;
  const allowed = typeof origin === 'string' && (origins === '*' || origins.includes(origin));
  if (allowed) {
    res.setHeader('access-control-allow-origin', origins === '*' ? '*' : origin);
    if (origins !== '*') res.setHeader('vary', 'Origin');
    res.setHeader('access-control-expose-headers', EXPOSE_HEADERS);
  }
  const preflight =
    req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!preflight) return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS');
    res.setHeader('access-control-allow-headers', ALLOW_HEADERS);
    res.setHeader('access-control-max-age', '7200');
  }
  res.writeHead(allowed ? 204 : 403);
  res.end();
  return true;
}
