import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { HttpRequest, HttpResponse } from './http-types';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Text files worth compressing; fonts and images are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.txt',
  '.xml',
  '.svg',
  '.webmanifest',
]);

/** Angular's production file names carry a content hash: those may be cached forever. */
const HASHED = /-[A-Za-z0-9_-]{8}\.(js|mjs|css|woff2?|ttf|svg|png)$/;

/**
 * Serves a built single-page app: files from `root` (config.json included), and index.html for
 * any other GET that looks like a client route (no file extension, or HTML accepted), so deep
 * links work. Returns false when the request is not one it serves.
 */
export function createStaticFiles(root: string): (req: HttpRequest, res: HttpResponse) => boolean {
  const base = resolve(root);
  const index = join(base, 'index.html');
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return true;
    }
    const file = resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(404);
      res.end();
      return true;
    }
    if (isFile(file)) {
      send(req, res, file);
      return true;
    }
    const accept = String(req.headers.accept ?? '');
    if ((extname(pathname) === '' || accept.includes('text/html')) && isFile(index)) {
      send(req, res, index);
      return true;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
    return true;
  };
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * gzip bodies by path and modification time: a build's files are compressed once, as a web server
 * in front of a real cluster would serve them (the bench's first view measures this).
 */
const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>();

function gzipped(file: string, mtimeMs: number): Buffer {
  const cached = gzipCache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.body;
  const body = gzipSync(readFileSync(file));
  gzipCache.set(file, { mtimeMs, body });
  return body;
}

function send(req: HttpRequest, res: HttpResponse, file: string): void {
  const { size, mtimeMs } = statSync(file);
  const headers = {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
  };
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (acceptsGzip && COMPRESSIBLE.has(extname(file).toLowerCase())) {
    const body = gzipped(file, mtimeMs);
    res.writeHead(200, {
      ...headers,
      'content-encoding': 'gzip',
      'content-length': String(body.length),
    });
    if (req.method !== 'HEAD') res.write(body);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res as unknown as NodeJS.WritableStream);
}
