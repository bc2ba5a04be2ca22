import { Code, ConnectError } from '@connectrpc/connect';
import type { UniversalServerRequest, UniversalServerResponse } from '@connectrpc/connect/protocol';

/**
 * gRPC-web's base64 "text" form (application/grpc-web-text[+proto]), which ArmoniK's own Admin
 * GUI sends by default. connect-node speaks only the binary form, so requests are decoded and
 * responses re-encoded here, around the unchanged handler.
 */

const TEXT_TYPE = /^application\/grpc-web-text(\+proto)?\s*(;.*)?$/i;

export function isGrpcWebText(contentType: string | null): boolean {
  return contentType !== null && TEXT_TYPE.test(contentType);
}

/** application/grpc-web-text(+proto) → application/grpc-web(+proto), parameters kept. */
export function binaryContentType(textType: string): string {
  return textType.replace(/^application\/grpc-web-text/i, 'application/grpc-web');
}

/** application/grpc-web(+proto) → application/grpc-web-text(+proto). */
export function textContentType(binaryType: string): string {
  return binaryType.replace(/^application\/grpc-web(?!-text)/i, 'application/grpc-web-text');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d; // '='

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Decodes a base64 byte stream incrementally. Quads are decoded one by one, so a padded quad
 * may appear mid-stream (clients that encode each message separately produce "…==AAAA…").
 * Anything that is not base64 is INVALID_ARGUMENT.
 */
export async function* decodeBase64Stream(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const quad = new Uint8Array(4);
  let filled = 0;
  for await (const chunk of source) {
    const out = new Uint8Array(Math.ceil(chunk.length / 4) * 3 + 3);
    let n = 0;
    for (const c of chunk) {
      if (isSpace(c)) continue;
      if (c !== PAD && sextet(c) < 0) throw notBase64();
      quad[filled++] = c;
      if (filled < 4) continue;
      filled = 0;
      n = decodeQuad(quad, out, n);
    }
    if (n > 0) yield out.subarray(0, n);
  }
  if (filled !== 0) throw notBase64();
}

/** The 6-bit value of a base64 character, -1 for anything else (a byte always has an entry). */
function sextet(byte: number): number {
  return DECODE[byte] ?? -1;
}

function decodeQuad(quad: Uint8Array, out: Uint8Array, n: number): number {
  const [q0 = 0, q1 = 0, q2 = 0, q3 = 0] = quad;
  const pads = (q3 === PAD ? 1 : 0) + (q2 === PAD ? 1 : 0);
  // Padding only at the end of a quad, and at most two characters of it.
  if (q0 === PAD || q1 === PAD || (q2 === PAD && q3 !== PAD)) throw notBase64();
  const a = sextet(q0);
  const b = sextet(q1);
  const c = pads >= 2 ? 0 : sextet(q2);
  const d = pads >= 1 ? 0 : sextet(q3);
  const bits = (a << 18) | (b << 12) | (c << 6) | d;
  out[n++] = (bits >> 16) & 0xff;
  if (pads < 2) out[n++] = (bits >> 8) & 0xff;
  if (pads < 1) out[n++] = bits & 0xff;
  return n;
}

function notBase64(): ConnectError {
  return new ConnectError('grpc-web-text request body is not valid base64', Code.InvalidArgument);
}

/** Base64 text of the bytes, as ASCII bytes. */
function ascii(bytes: Uint8Array): Uint8Array {
  return Buffer.from(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    'latin1',
  );
}

/**
 * Base64-encodes a byte stream so that the concatenated output is one valid base64 text: each
 * chunk is encoded up to a multiple of 3 bytes and the remainder carried into the next chunk,
 * flushed at the end. If the source stalls (a live event stream) while a remainder is held, the
 * remainder is flushed padded after `idleFlushMs`, so a message is never held back waiting for
 * the next one; gRPC-web clients decode base64 quad by quad, which accepts such padding (Envoy's
 * gRPC-web filter pads every chunk the same way).
 */
export async function* encodeBase64Stream(
  source: AsyncIterable<Uint8Array>,
  idleFlushMs = 25,
): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  let carry: Uint8Array = new Uint8Array(0);
  try {
    let pending = it.next();
    for (;;) {
      let result =
        carry.length > 0 && idleFlushMs > 0 ? await raceIdle(pending, idleFlushMs) : await pending;
      if (result === 'idle') {
        yield ascii(carry);
        carry = new Uint8Array(0);
        result = await pending;
      }
      if (result.done) break;
      const data = carry.length > 0 ? concat(carry, result.value) : result.value;
      const cut = data.length - (data.length % 3);
      carry = data.slice(cut);
      pending = it.next();
      if (cut > 0) yield ascii(data.subarray(0, cut));
    }
    if (carry.length > 0) yield ascii(carry);
  } finally {
    await it.return?.();
  }
}

async function raceIdle<T>(pending: Promise<T>, ms: number): Promise<T | 'idle'> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<'idle'>((resolve) => {
    timer = setTimeout(() => resolve('idle'), ms);
  });
  try {
    return await Promise.race([pending, idle]);
  } finally {
    clearTimeout(timer);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The request as the binary gRPC-web handler expects it. */
export function decodeTextRequest(
  request: UniversalServerRequest & { body: AsyncIterable<Uint8Array> },
): UniversalServerRequest {
  const header = new Headers(request.header);
  header.set('content-type', binaryContentType(request.header.get('content-type') ?? ''));
  return { ...request, header, body: decodeBase64Stream(request.body) };
}

/** The handler's binary gRPC-web response in text form. */
export function encodeTextResponse(response: UniversalServerResponse): UniversalServerResponse {
  const header = new Headers(response.header);
  const type = header.get('content-type');
  if (type) header.set('content-type', textContentType(type));
  header.delete('content-length');
  return {
    ...response,
    header,
    body: response.body ? encodeBase64Stream(response.body) : undefined,
  };
}
