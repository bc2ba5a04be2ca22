import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';

import type { HttpRequest, HttpResponse } from './http-types';
import { createStaticFiles } from './static-files';

/** A response that records what the handler sent (a real Writable, so files can be piped to it). */
function recorder() {
  const chunks: Buffer[] = [];
  const sent = {
    status: 0,
    headers: {} as Record<string, string>,
    body: () => Buffer.concat(chunks),
  };
  const res = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    }),
    {
      headersSent: false,
      writeHead: (status: number, headers: Record<string, string> = {}) =>
        Object.assign(sent, { status, headers }),
      setHeader: () => undefined,
    },
  );
  return { res: res as unknown as HttpResponse, sent, finished: () => finished(res) };
}

const request = (url: string, headers: Record<string, string> = {}) =>
  ({ method: 'GET', url, headers }) as unknown as HttpRequest;

describe('static files of a built console', () => {
  const root = mkdtempSync(join(tmpdir(), 'static-'));
  const script = 'console.log("session console");'.repeat(50);
  writeFileSync(join(root, 'index.html'), '<!doctype html><app-root></app-root>');
  writeFileSync(join(root, 'main-ABCDEFGH.js'), script);
  const serve = createStaticFiles(root);

  it('sends text files gzipped to a browser that accepts it, and they unzip to the file', () => {
    const { res, sent } = recorder();
    serve(request('/main-ABCDEFGH.js', { 'accept-encoding': 'gzip, deflate, br' }), res);
    expect(sent.status).toBe(200);
    expect(sent.headers['content-encoding']).toBe('gzip');
    expect(Number(sent.headers['content-length'])).toBe(sent.body().length);
    expect(gunzipSync(sent.body()).toString()).toBe(script);
    expect(sent.headers['cache-control']).toContain('immutable');
  });

  it('sends the plain file to a client that does not accept gzip', async () => {
    const { res, sent, finished: done } = recorder();
    serve(request('/index.html'), res);
    await done();
    expect(sent.headers['content-encoding']).toBeUndefined();
    expect(sent.body().toString()).toBe('<!doctype html><app-root></app-root>');
    expect(sent.headers['content-length']).toBe(
      String('<!doctype html><app-root></app-root>'.length),
    );
  });

  it('answers a client route with index.html so deep links work', () => {
    const { res, sent } = recorder();
    serve(request('/sessions/0000-unknown', { 'accept-encoding': 'gzip' }), res);
    expect(sent.status).toBe(200);
    expect(gunzipSync(sent.body()).toString()).toContain('<app-root>');
  });

  it('never serves a file outside its folder', () => {
    const { res, sent } = recorder();
    serve(request('/..%2f..%2fetc%2fpasswd.txt'), res);
    expect(sent.status).toBe(404);
  });
});
