import { encodeGrpcMessage, normalizeGrpcMessage } from './grpc-message';

describe('grpc-message encoding (gRPC spec percent-encoding)', () => {
  it('leaves printable ASCII alone, escapes % and non-ASCII', () => {
    expect(encodeGrpcMessage('Session was not found: Session a/b not found.')).toBe(
      'Session was not found: Session a/b not found.',
    );
    expect(encodeGrpcMessage('100% é\n')).toBe('100%25 %C3%A9%0A');
  });
  it('rewrites connect-es encodeURIComponent output in headers, trailers and gRPC-web trailer frames', async () => {
    const trailerText = `grpc-status: 5\r\ngrpc-message: ${encodeURIComponent('Not found: x')}\r\n`;
    const payload = Buffer.from(trailerText, 'latin1');
    const frame = Buffer.concat([Buffer.from([0x80, 0, 0, 0, payload.length]), payload]);
    const data = Buffer.from([0, 0, 0, 0, 1, 42]);
    const response = normalizeGrpcMessage({
      status: 200,
      header: new Headers({
        'content-type': 'application/grpc-web+proto',
        'grpc-message': encodeURIComponent('a: b'),
      }),
      trailer: new Headers({ 'grpc-message': encodeURIComponent('c: d') }),
      body: (async function* () {
        yield data.subarray(0, 3);
        yield Buffer.concat([data.subarray(3), frame.subarray(0, 7)]);
        yield frame.subarray(7);
      })(),
    });
    expect(response.header!.get('grpc-message')).toBe('a: b');
    expect(response.trailer!.get('grpc-message')).toBe('c: d');
    const out: Uint8Array[] = [];
    for await (const c of response.body!) out.push(c);
    const all = Buffer.concat(out);
    expect(all.subarray(0, 6)).toEqual(data);
    expect(all.subarray(11).toString('latin1')).toBe(
      'grpc-status: 5\r\ngrpc-message: Not found: x\r\n',
    );
  });
});
