import { Code, ConnectError } from '@connectrpc/connect';
import {
  binaryContentType,
  decodeBase64Stream,
  encodeBase64Stream,
  isGrpcWebText,
  textContentType,
} from './grpc-web-text';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p, 'latin1') : p;
}
async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const c of source) out.push(c);
  return out;
}
const text = (list: Uint8Array[]) => Buffer.concat(list).toString('latin1');
const bytes = (n: number, seed = 1) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 37 + seed) & 0xff);

describe('content types', () => {
  it('recognises the text form with or without +proto and parameters', () => {
    expect(
      [
        'application/grpc-web-text',
        'application/grpc-web-text+proto',
        'application/grpc-web-text; charset=utf-8',
      ].map(isGrpcWebText),
    ).toEqual([true, true, true]);
    expect(
      ['application/grpc-web', 'application/grpc-web+proto', 'application/grpc', null].map(
        isGrpcWebText,
      ),
    ).toEqual([false, false, false, false]);
  });
  it('maps text ↔ binary both ways', () => {
    expect(binaryContentType('application/grpc-web-text+proto')).toBe('application/grpc-web+proto');
    expect(binaryContentType('application/grpc-web-text')).toBe('application/grpc-web');
    expect(textContentType('application/grpc-web+proto')).toBe('application/grpc-web-text+proto');
    expect(textContentType('application/grpc-web')).toBe('application/grpc-web-text');
  });
});

describe('request decoding', () => {
  it('decodes base64 split at arbitrary points, ignoring whitespace', async () => {
    const data = bytes(1000);
    const b64 = Buffer.from(data).toString('base64');
    const parts = [b64.slice(0, 1), b64.slice(1, 7), `${b64.slice(7, 500)}\r\n`, b64.slice(500)];
    expect(Buffer.concat(await collect(decodeBase64Stream(chunks(...parts))))).toEqual(
      Buffer.from(data),
    );
  });
  it('accepts padded groups in the middle (messages encoded one by one)', async () => {
    const a = bytes(4, 1);
    const b = bytes(5, 2);
    const body = Buffer.from(a).toString('base64') + Buffer.from(b).toString('base64');
    expect(body).toContain('==');
    expect(Buffer.concat(await collect(decodeBase64Stream(chunks(body))))).toEqual(
      Buffer.concat([a, b]),
    );
  });
  it.each([
    ['a character outside the alphabet', 'AAA!'],
    ['a truncated group', 'AAAAA'],
    ['padding at the start of a group', '=AAA'],
    ['padding followed by data in a group', 'AA=A'],
  ])('refuses %s with INVALID_ARGUMENT', async (_, body) => {
    const error = await collect(decodeBase64Stream(chunks(body))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe(Code.InvalidArgument);
  });
});

describe('response encoding', () => {
  it('keeps the concatenation one valid base64 text (3-byte aligned pieces, remainder flushed at the end)', async () => {
    const pieces = [bytes(5, 1), bytes(7, 2), bytes(1, 3), bytes(11, 4)];
    const out = await collect(encodeBase64Stream(chunks(...pieces), 0));
    const joined = text(out);
    // Only the very last piece may carry padding.
    out.slice(0, -1).forEach((c) => expect(Buffer.from(c).toString('latin1')).not.toContain('='));
    expect(/^[A-Za-z0-9+/]*={0,2}$/.test(joined)).toBe(true);
    expect(Buffer.from(joined, 'base64')).toEqual(Buffer.concat(pieces));
  });
  it('emits each aligned part as soon as its chunk arrives', async () => {
    const out = await collect(encodeBase64Stream(chunks(bytes(6), bytes(3)), 0));
    expect(out.map((c) => c.length)).toEqual([8, 4]);
  });
  it('flushes a held remainder (padded) when the source goes idle, so live messages are not held back', async () => {
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield bytes(4, 1);
      await new Promise((r) => setTimeout(r, 80));
      yield bytes(3, 2);
    }
    const out = await collect(encodeBase64Stream(slow(), 10));
    expect(out.map((c) => Buffer.from(c).toString('latin1'))).toEqual([
      Buffer.from(bytes(3, 1)).toString('base64'),
      Buffer.from(bytes(4, 1).subarray(3)).toString('base64'), // the idle flush, padded
      Buffer.from(bytes(3, 2)).toString('base64'),
    ]);
  });
  it('round-trips through the decoder', async () => {
    const data = bytes(100_003, 9);
    const encoded = await collect(
      encodeBase64Stream(chunks(data.subarray(0, 40_000), data.subarray(40_000)), 0),
    );
    expect(Buffer.concat(await collect(decodeBase64Stream(chunks(...encoded))))).toEqual(
      Buffer.from(data),
    );
  });
});
