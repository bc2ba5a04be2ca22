/**
 * A second web origin in front of the bench's one control plane: a built web client's files,
 * served by the control plane's own static handler (server/transport/static-files.ts: the same
 * compression, caching and index.html fallback as `--static`), and every `/armonik.` path
 * forwarded unchanged to the control plane over HTTP/1.1, as a browser would send it there.
 *
 * Why: a client that calls gRPC-web on its own origin (ArmoniK's Admin GUI) needs its own
 * origin, and a comparison "on the same cluster" needs the same plane, not a second one with
 * the same seed whose simulation drifts apart. Both consoles the comparison measures are served
 * this way, so each pays the same extra loopback hop.
 */
import {
  Agent,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
  createServer,
  request,
} from 'node:http';
import { cpSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { createStaticFiles } from '../server/transport/static-files';

export interface OriginBeside {
  url: string;
  close(): Promise<void>;
}

const API_PATH = '/armonik.';

/** Hop-by-hop headers (RFC 9110 §7.6.1): each side of the hop sets its own. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function endToEnd(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())),
  );
}

/**
 * The files are served from a copy taken now (timestamps kept, so the compressed copies made
 * by an earlier run stay valid): a rebuild of the source folder during the run cannot remove a
 * file under the server, which would end the bench process.
 */
function snapshot(staticDir: string, name: string): string {
  const copy = join(tmpdir(), 'session-console-bench-beside', name || basename(staticDir));
  rmSync(copy, { recursive: true, force: true });
  cpSync(staticDir, copy, { recursive: true, preserveTimestamps: true });
  return copy;
}

/** `name` keeps each client's copy apart (e.g. `console`, `armonik-gui`). */
export async function serveBeside(
  staticDir: string,
  planeUrl: string,
  name: string,
): Promise<OriginBeside> {
  const plane = new URL(planeUrl);
  const agent = new Agent({ keepAlive: true });
  const files = createStaticFiles(
    snapshot(staticDir, name),
    join(tmpdir(), 'session-console-bench-static'),
  );

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = request(
      {
        agent,
        hostname: plane.hostname,
        port: plane.port,
        method: req.method,
        path: req.url,
        headers: { ...endToEnd(req.headers), host: plane.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`control plane unreachable: ${error.message}\n`);
    });
    // A client that goes away (a closed page, an aborted stream) ends the upstream call too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    if ((req.url ?? '').startsWith(API_PATH)) return forward(req, res);
    if (files(req, res)) return;
    res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
