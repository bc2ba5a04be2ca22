import { type DescMessage, fromBinary } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import type { UniversalServerRequest } from '@connectrpc/connect/protocol';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** Binary protobuf in 5-byte envelopes: gRPC, gRPC-web and Connect streaming. */
const ENVELOPED = /^application\/(grpc(-web)?(\+proto)?|connect\+proto)\s*(;|$)/i;
/** Connect unary: the body is the message. */
const CONNECT_UNARY = /^application\/proto\s*(;|$)/i;
const COMPRESSED = 0x01;

/**
 * connect-es reports a request it cannot parse (bytes that are no protobuf message, invalid
 * UTF-8 in a string field, a frame flagged compressed with no encoding, unknown frame flags)
 * as INTERNAL (HTTP 500 over Connect). They are the client's fault: this check runs first, on
 * the same bytes, and refuses them with INVALID_ARGUMENT. Each envelope is checked as soon as
 * it is complete, before connect sees its last chunk; JSON bodies are left to connect, which
 * already answers INVALID_ARGUMENT for them.
 */
export function checkedRequest(
  request: UniversalServerRequest & { body: AsyncIterable<Uint8Array> },
  schema: DescMessage,
  readMaxBytes: number,
): UniversalServerRequest {
  const type = request.header.get('content-type') ?? '';
  if (ENVELOPED.test(type)) {
    const encoding =
      request.header.get('grpc-encoding') ?? request.header.get('connect-content-encoding');
    return { ...request, body: checkEnvelopes(request.body, schema, encoding, readMaxBytes) };
  }
  if (CONNECT_UNARY.test(type) && !request.header.get('content-encoding')) {
    return { ...request, body: checkWhole(request.body, schema) };
  }
  return request;
}

/**
 * A gzip / brotli frame's message, at most `maxInflated` bytes (connect-node applies the same
 * bound after us); other encodings are left to connect, which answers UNIMPLEMENTED.
 */
function inflate(data: Uint8Array, encoding: 'gzip' | 'br', maxInflated: number): Uint8Array {
  try {
    return encoding === 'gzip'
      ? gunzipSync(data, { maxOutputLength: maxInflated })
      : brotliDecompressSync(data, { maxOutputLength: maxInflated });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ConnectError(
        `decompressed message larger than ${maxInflated} bytes`,
        Code.ResourceExhausted,
      );
    throw malformed(`a ${encoding} frame does not decompress`);
  }
}

function malformed(detail: string): ConnectError {
  return new ConnectError(`malformed request: ${detail}`, Code.InvalidArgument);
}

function parse(schema: DescMessage, data: Uint8Array): void {
  try {
    fromBinary(schema, data);
  } catch (error) {
    throw malformed(
      `not a valid ${schema.typeName} message (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

async function* checkEnvelopes(
  body: AsyncIterable<Uint8Array>,
  schema: DescMessage,
  encoding: string | null,
  maxInflated: number,
): AsyncGenerator<Uint8Array> {
  const identity = encoding === null || encoding === '' || encoding === 'identity';
  // Bytes not yet checked, kept as chunks: joined once per complete frame, not per chunk.
  let parts: Uint8Array[] = [];
  let size = 0;
  /** Bytes needed before the next check: a header, or a header and its message. */
  let needed = 5;
  for await (const chunk of body) {
    parts.push(chunk);
    size += chunk.length;
    while (size >= needed) {
      const joined = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
      parts = [joined];
      const flags = joined[0] ?? 0;
      const length = new DataView(joined.buffer, joined.byteOffset + 1, 4).getUint32(0);
      if ((flags & ~COMPRESSED) !== 0)
        throw malformed(`unknown frame flags 0x${flags.toString(16)}`);
      if (flags & COMPRESSED && identity)
        throw malformed('a frame is flagged compressed but the request names no encoding');
      if (size < 5 + length) {
        // Oversized frames are refused by connect-node itself (RESOURCE_EXHAUSTED) from the header.
        needed = 5 + length;
        break;
      }
      const data = joined.subarray(5, 5 + length);
      if (!(flags & COMPRESSED)) parse(schema, data);
      else if (encoding === 'gzip' || encoding === 'br')
        parse(schema, inflate(data, encoding, maxInflated));
      const rest = joined.subarray(5 + length);
      parts = rest.length > 0 ? [rest] : [];
      size = rest.length;
      needed = 5;
    }
    yield chunk;
  }
}

async function* checkWhole(
  body: AsyncIterable<Uint8Array>,
  schema: DescMessage,
): AsyncGenerator<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let last: Uint8Array | undefined;
  for await (const chunk of body) {
    if (last) yield last;
    chunks.push(chunk);
    last = chunk;
  }
  parse(schema, Buffer.concat(chunks));
  if (last) yield last;
}
