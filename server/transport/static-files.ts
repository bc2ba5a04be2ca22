import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
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

function send(req: HttpRequest, res: HttpResponse, file: string): void {
  const { size } = statSync(file);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(size),
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res as unknown as NodeJS.WritableStream);
}
