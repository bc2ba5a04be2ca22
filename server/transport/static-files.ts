import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

import type { HttpRequest, HttpResponse } from './http-types';
import { precompress } from './precompress';

/** Angular's production file names carry a content hash: those may be cached forever. */
const HASHED = /-[A-Za-z0-9_-]{8}\.(js|mjs|css|woff2?|ttf|svg|png)$/;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A Host / :authority we are willing to repeat in config.json: a name or address, a port. */
const AUTHORITY = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Serves a built single-page app with sirv: ETag (304 on If-None-Match) and Last-Modified,
 * hashed files cached for a year as immutable, everything else `no-cache`; brotli or gzip
 * copies made once by `precompress`. A navigation (a GET that accepts text/html) to a path that
 * is no file gets index.html, so deep links and reloads work; any other miss is a 404 (an asset
 * or JSON request never receives the page). `config.json` is answered by the server itself: the
 * build's file, with `grpcEndpoint` filled with this server's own address when the file leaves
 * it empty (the embedded control plane speaks native gRPC on the port that serves the page).
 * Returns false for requests it does not serve (other methods).
 */
export function createStaticFiles(
  root: string,
  cacheBase?: string,
): (req: HttpRequest, res: HttpResponse) => boolean {
  const base = resolve(root);
  const options = {
    etag: true,
    extensions: ['html'],
    setHeaders: (res: ServerResponse, pathname: string) =>
      res.setHeader('Cache-Control', HASHED.test(pathname) ? IMMUTABLE : 'no-cache'),
  };
  const compressed = sirv(precompress(base, cacheBase), { ...options, brotli: true, gzip: true });
  const plain = sirv(base, options);
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) =>
    compressed(req, res, () => plain(req, res, next));
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const request = req as IncomingMessage;
    const response = res as unknown as ServerResponse;
    if (pathOf(req) === '/config.json') {
      sendConfig(base, req, res);
      return true;
    }
    serve(request, response, () => {
      if (!String(req.headers.accept ?? '').includes('text/html')) return notFound(res);
      request.url = '/index.html';
      serve(request, response, () => notFound(res));
    });
    return true;
  };
}

/**
 * For a control plane that serves no build (`npm start`: the dev server serves the console and
 * forwards `/config.json` here): answers only `config.json`, with this server's own address as
 * `grpcEndpoint`, so the Connect panel shows an endpoint a native client can use.
 */
export function createConfigOnly(): (req: HttpRequest, res: HttpResponse) => boolean {
  return (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || pathOf(req) !== '/config.json')
      return false;
    sendConfig(undefined, req, res);
    return true;
  };
}

function pathOf(req: HttpRequest): string {
  try {
    return new URL(req.url ?? '/', 'http://x').pathname;
  } catch {
    return '';
  }
}

function notFound(res: HttpResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
  res.end('Not found\n');
}

/** The build's config.json, or none; completed with this server's address as `grpcEndpoint`. */
function sendConfig(base: string | undefined, req: HttpRequest, res: HttpResponse): void {
  let config = base === undefined ? {} : buildConfig(base);
  const authority = String(req.headers[':authority'] ?? req.headers.host ?? '');
  if (!config['grpcEndpoint'] && AUTHORITY.test(authority))
    config = { ...config, grpcEndpoint: `http://${authority}` };
  const body = `${JSON.stringify(config, null, 2)}\n`;
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-cache',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The build's own config.json; no file, or not a JSON object, means the console's defaults. */
function buildConfig(base: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(base, 'config.json'), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // Falls through to the defaults.
  }
  return {};
}
