/**
 * The load mix's HTTP/2 client counts what the server answered: a call that ends with an error
 * status, or with no status at all, is a failure, never a success the bench would report as
 * throughput. A peer that answers in each of the wire's shapes stands in for the server; the
 * control plane itself answers the last test.
 */
import { type Http2Server, createServer } from 'node:http2';
import { type AddressInfo } from 'node:net';

import { startControlPlane } from '../server/control-plane';
import { grpcClients } from './grpc-client';
import { GrpcStatusError, encodeCall, grpcFrame, h2Unary } from './h2-unary';

type Answer =
  'ok' | 'trailers-only error' | 'malformed message' | 'error in trailers' | 'no status' | 'reset';

/** A peer that answers every call in one shape, and remembers what it was sent. */
async function peer(answer: Answer) {
  const received: { headers: Record<string, unknown>; body: Buffer }[] = [];
  const server: Http2Server = createServer();
  let connections = 0;
  server.on('session', () => connections++);
  server.on('stream', (stream, headers) => {
    // The reset answer ends the peer's own stream with an error too.
    stream.on('error', () => undefined);
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({ headers, body: Buffer.concat(chunks) });
      const ok = { ':status': 200, 'content-type': 'application/grpc' };
      switch (answer) {
        case 'ok':
          stream.respond(ok, { waitForTrailers: true });
          stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
          return stream.end(grpcFrame(Buffer.from('twelve bytes')));
        case 'trailers-only error':
          stream.respond(
            { ...ok, 'grpc-status': '5', 'grpc-message': 'session%20not%20found' },
            { endStream: true },
          );
          return;
        case 'malformed message':
          stream.respond(
            { ...ok, 'grpc-status': '13', 'grpc-message': '100% broken' },
            { endStream: true },
          );
          return;
        case 'error in trailers':
          stream.respond(ok, { waitForTrailers: true });
          stream.on('wantTrailers', () =>
            stream.sendTrailers({ 'grpc-status': '8', 'grpc-message': 'quota' }),
          );
          return stream.end(grpcFrame(Buffer.from('partial')));
        case 'no status':
          stream.respond(ok);
          return stream.end(grpcFrame(Buffer.from('x')));
        case 'reset':
          return stream.close(2);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the load clients over HTTP/2', () => {
  let current: Awaited<ReturnType<typeof peer>> | undefined;
  let client: ReturnType<typeof h2Unary> | undefined;
  afterEach(async () => {
    client?.close();
    await current?.close();
  });
  const callAgainst = async (answer: Answer) => {
    current = await peer(answer);
    client = h2Unary(current.port);
    const call = { path: '/pkg.Service/Method', frame: grpcFrame(Buffer.from('request')) };
    return client.call(call, 5_000);
  };

  it('sends one framed gRPC request and resolves with the answer message’s size', async () => {
    await expect(callAgainst('ok')).resolves.toBe('twelve bytes'.length);
    const [sent] = current!.received;
    expect(sent?.headers).toMatchObject({
      ':method': 'POST',
      ':path': '/pkg.Service/Method',
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-timeout': '5000m',
    });
    expect(sent?.body).toEqual(grpcFrame(Buffer.from('request')));
  });

  it('fails a trailers-only error answer with its code and decoded message', async () => {
    const failure = callAgainst('trailers-only error');
    await expect(failure).rejects.toBeInstanceOf(GrpcStatusError);
    await expect(failure).rejects.toMatchObject({
      code: 5,
      message: 'gRPC status 5: session not found',
    });
  });

  it('keeps a grpc-message that is not valid percent-encoding as it is', async () => {
    await expect(callAgainst('malformed message')).rejects.toMatchObject({
      code: 13,
      message: 'gRPC status 13: 100% broken',
    });
  });

  it('fails an answer whose trailers carry an error, whatever data came first', async () => {
    await expect(callAgainst('error in trailers')).rejects.toMatchObject({ code: 8 });
  });

  it('fails an answer without a gRPC status, and a reset stream', async () => {
    await expect(callAgainst('no status')).rejects.toThrow('without a gRPC status');
    await client?.close();
    await current?.close();
    await expect(callAgainst('reset')).rejects.toThrow();
  });

  it('reuses one connection for consecutive calls', async () => {
    current = await peer('ok');
    client = h2Unary(current.port);
    const call = { path: '/pkg.Service/Method', frame: grpcFrame(Buffer.alloc(0)) };
    for (let i = 0; i < 3; i++) await client.call(call);
    expect(current.received).toHaveLength(3);
    expect(current.connections()).toBe(1);
  });
});

describe('the load clients against the control plane', () => {
  it('get a session’s answer, and NOT_FOUND for an unknown id', async () => {
    const cluster = await startControlPlane({
      port: 0,
      simulation: false,
      seed: 7,
      sessions: 3,
      tasks: 30,
    });
    const client = h2Unary(cluster.port);
    const native = grpcClients(cluster.port);
    try {
      const [first] = (await native.listSessions({ page: 0, page_size: 1 })).sessions;
      const id = first!.session_id;
      const size = await client.call(encodeCall('sessions', 'GetSession', { session_id: id }));
      expect(size).toBeGreaterThan(id.length);
      await expect(
        client.call(encodeCall('sessions', 'GetSession', { session_id: 'no-such-session' })),
      ).rejects.toMatchObject({ code: 5 });
    } finally {
      client.close();
      native.close();
      await cluster.close();
    }
  });
});
