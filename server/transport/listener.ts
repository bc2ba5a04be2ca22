import * as http from 'node:http';
import * as http2 from 'node:http2';
import * as net from 'node:net';
import type { HttpHandler } from './http-types';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
/** Connections that send nothing for this long are dropped before protocol detection. */
const SNIFF_TIMEOUT_MS = 30_000;

export interface Listener {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * One cleartext port for HTTP/1.1 (browsers: gRPC-web, Connect, static files) and HTTP/2
 * (native gRPC). Node's `allowHTTP1` only works with TLS, so each connection's first bytes are
 * sniffed: the HTTP/2 client preface goes to an http2 server, anything else to an http server;
 * the bytes already read are pushed back (`unshift`) so the chosen server sees the whole stream.
 */
export async function listen(host: string, port: number, handler: HttpHandler): Promise<Listener> {
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();

  const h1 = http.createServer(
    { requestTimeout: 0, keepAliveTimeout: 65_000 },
    handler as http.RequestListener,
  );
  h1.on('clientError', (_error, socket) => {
    // Malformed HTTP/1.1: answer 400 if still possible, never crash.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });

  const h2 = http2.createServer(
    { maxSessionMemory: 64 },
    handler as unknown as (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void,
  );
  h2.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => session.destroy());
  });
  h2.on('sessionError', () => {});

  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(SNIFF_TIMEOUT_MS, () => socket.destroy());
    let seen = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      const n = Math.min(seen.length, PREFACE.length);
      const matchesSoFar = seen.subarray(0, n).equals(PREFACE.subarray(0, n));
      if (matchesSoFar && seen.length < PREFACE.length) return; // need more bytes to decide
      socket.off('data', onData);
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(seen);
      if (matchesSoFar) {
        // Http2Session reads what is already buffered on the socket, then takes over its handle.
        h2.emit('connection', socket);
      } else {
        // The http server listens for 'data' but does not undo our explicit pause().
        h1.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', onData);
  });

  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, host, () => {
      tcp.off('error', reject);
      resolve();
    });
  });
  const address = tcp.address() as net.AddressInfo;

  return {
    port: address.port,
    async close() {
      const closed = new Promise<void>((resolve) => tcp.close(() => resolve()));
      // Keep-alive connections and HTTP/2 sessions (live event streams) would keep the
      // process — and test runners — alive: end them all.
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      h1.closeAllConnections();
      await closed;
    },
  };
}
