import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { rawHttp } from '../test/contract/helpers/raw-http1';
import type { HttpRequest, HttpResponse } from './http-types';
import { createConfigOnly, createStaticFiles } from './static-files';

/** A raw HTTP exchange (no automatic decompression, so the bytes on the wire are checked). */
const get = (port: number, path: string, headers: Record<string, string> = {}, method = 'GET') =>
  rawHttp(`http://127.0.0.1:${port}${path}`, { method, headers });

const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('static files of a built console', () => {
  const root = mkdtempSync(join(tmpdir(), 'static-'));
  const cache = mkdtempSync(join(tmpdir(), 'static-cache-'));
  const script = 'console.log("session console");\n'.repeat(100);
  const page = `<!doctype html><base href="/"><app-root></app-root>${' '.repeat(2000)}`;
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, 'main-ABCDEFGH.js'), script);
  writeFileSync(join(root, 'config.json'), '{ "apiBaseUrl": "", "callTimeoutMs": 15000 }');
  let server: http.Server;
  let port: number;
  let handled: boolean[] = [];

  const start = async () => {
    const serve = createStaticFiles(root, cache);
    server = http.createServer((req, res) => {
      const served = serve(req as HttpRequest, res as unknown as HttpResponse);
      handled.push(served);
      if (!served) res.writeHead(405).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));

  beforeAll(start);
  afterAll(async () => {
    await stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, gzip to one that only accepts gzip, else the file', async () => {
    const br = await get(port, '/main-ABCDEFGH.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get(port, '/main-ABCDEFGH.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get(port, '/main-ABCDEFGH.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('caches hashed files for a year as immutable, and revalidates index.html and config.json', async () => {
    const hashed = await get(port, '/main-ABCDEFGH.js');
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await get(port, '/index.html', BROWSER);
    expect(index.headers['cache-control']).toBe('no-cache');
    const config = await get(port, '/config.json', { accept: 'application/json' });
    expect(config.headers['cache-control']).toBe('no-cache');
  });

  it('answers a revalidation with 304 and no body while the file is unchanged', async () => {
    const first = await get(port, '/index.html', { 'accept-encoding': 'br' });
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['last-modified']).toBeTruthy();
    const again = await get(port, '/index.html', {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers a navigation to a client route (deep link, reload) with index.html', async () => {
    const deep = await get(port, '/sessions/0000-unknown?page=2', BROWSER);
    expect(deep.status).toBe(200);
    expect(deep.headers['content-type']).toMatch(/^text\/html/);
    expect(deep.body.toString()).toBe(page);
  });

  it('answers 404, never the page, to an asset or JSON request for something that does not exist', async () => {
    for (const [path, accept] of [
      ['/static/gui_configuration', 'application/json, text/plain, */*'],
      ['/missing-ABCDEFGH.js', '*/*'],
      ['/sessions/1', 'application/json'],
      ['/assets/logo.svg', 'image/avif,image/webp,*/*'],
    ] as const) {
      const reply = await get(port, path, { accept });
      expect([path, reply.status]).toEqual([path, 404]);
      expect(reply.body.toString()).not.toContain('<app-root>');
    }
  });

  it('never serves a file outside its folder', async () => {
    for (const path of [
      '/..%2f..%2fetc%2fpasswd',
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const reply = await get(port, path, { accept: '*/*' });
      expect([path, reply.status]).toEqual([path, 404]);
    }
  });

  it('fills config.json’s empty grpcEndpoint with the address the page was served from', async () => {
    const reply = await get(port, '/config.json', { accept: 'application/json' });
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body.toString())).toEqual({
      apiBaseUrl: '',
      callTimeoutMs: 15000,
      grpcEndpoint: `http://127.0.0.1:${port}`,
    });
    const forged = await get(port, '/config.json', { host: 'evil"host/<x>' });
    expect(JSON.parse(forged.body.toString()).grpcEndpoint).toBeUndefined();
  });

  it('keeps the grpcEndpoint a deployment wrote into config.json, read at every request', async () => {
    writeFileSync(join(root, 'config.json'), '{ "grpcEndpoint": "https://armonik.example:5001" }');
    const reply = await get(port, '/config.json');
    expect(JSON.parse(reply.body.toString())).toEqual({
      grpcEndpoint: 'https://armonik.example:5001',
    });
  });

  it('leaves other methods to the next handler', async () => {
    handled = [];
    const reply = await get(port, '/index.html', {}, 'POST');
    expect(reply.status).toBe(405);
    expect(handled).toEqual([false]);
  });

  it('after a rebuild serves the new file, never a stale compressed copy', async () => {
    await stop();
    const rebuilt = 'console.log("rebuilt");\n'.repeat(100);
    writeFileSync(join(root, 'main-ABCDEFGH.js'), rebuilt);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'main-ABCDEFGH.js'), later, later);
    rmSync(join(root, 'index.html'));
    await start();
    const br = await get(port, '/main-ABCDEFGH.js', { 'accept-encoding': 'br' });
    expect(brotliDecompressSync(br.body).toString()).toBe(rebuilt);
    const gone = await get(port, '/index.html', { 'accept-encoding': 'br', accept: '*/*' });
    expect(gone.status).toBe(404);
  });
});

describe('config.json of a control plane that serves no build (npm start)', () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    const serve = createConfigOnly();
    server = http.createServer((req, res) => {
      if (!serve(req as HttpRequest, res as unknown as HttpResponse)) res.writeHead(405).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers its own address as grpcEndpoint, for the Connect panel behind the dev server', async () => {
    const reply = await get(port, '/config.json', { accept: 'application/json' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body.toString())).toEqual({ grpcEndpoint: `http://127.0.0.1:${port}` });
  });

  it('serves nothing else: the page and assets are the dev server’s', async () => {
    expect((await get(port, '/index.html', BROWSER)).status).toBe(405);
    expect((await get(port, '/config.json', {}, 'POST')).status).toBe(405);
  });
});
