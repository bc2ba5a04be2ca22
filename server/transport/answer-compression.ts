import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { type UniversalServerResponse, createAsyncIterable } from '@connectrpc/connect/protocol';

/**
 * HTTP compression (Content-Encoding) of the browser protocols' unary answers: gRPC-web (binary
 * and text) and Connect unary. A browser decodes it itself, for fetch and XHR alike, so the
 * console's client and ArmoniK's Admin GUI need nothing; a 100-row ListSessions page shrinks to
 * about a fifth. Native gRPC (`application/grpc`, HTTP/2 clients with their own per-message
 * `grpc-encoding`) and streaming answers (live events, which must go out as they come) are left
 * as they are. For Connect unary, Content-Encoding/Accept-Encoding are the protocol's own
 * compression headers and mean the same thing, so a Connect client decodes it too.
 */

/** Below this, compression saves less than it costs (a CountTasksByStatus answer is ~100 B). */
export const COMPRESS_MIN_BYTES = 1024;

/** Answer content types that get compressed: gRPC-web (+proto, -text) and Connect unary. */
const BROWSER_UNARY_TYPE = /^application\/(grpc-web|proto|json)\b/i;

type Encoding = 'br' | 'gzip';

const compressors: Record<Encoding, (body: Uint8Array) => Promise<Uint8Array>> = {
  // Quality 5: most of brotli's gain at a few times gzip's speed (11 is for static files).
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 6 }),
};

/**
 * The encoding to answer with for an Accept-Encoding header: brotli when allowed, else gzip,
 * else none. A `q=0` refuses a coding; `*` allows both.
 */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const allowed = (coding: Encoding) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return undefined;
}

/**
 * The same answer, compressed when the request allows it, the answer is a browser protocol's
 * unary answer with no encoding yet, and its body is at least COMPRESS_MIN_BYTES. The body is
 * read whole: a unary answer is one message and its status, already in memory.
 */
export async function compressedAnswer(
  response: UniversalServerResponse,
  request: {
    readonly acceptEncoding: string | null | undefined;
    readonly unary: boolean;
    /** A Vary already set on the response (CORS's Origin): the answer's headers replace it. */
    readonly vary?: string;
  },
): Promise<UniversalServerResponse> {
  const { header: original, body } = response;
  const type = original?.get('content-type') ?? '';
  if (!request.unary || !BROWSER_UNARY_TYPE.test(type) || !original || body === undefined) {
    return response;
  }
  // Whatever the outcome, the answer depends on Accept-Encoding (for caches: Connect GET).
  const header = new Headers(original);
  header.set('vary', request.vary ? `${request.vary}, Accept-Encoding` : 'Accept-Encoding');
  const encoding = chooseEncoding(request.acceptEncoding);
  if (encoding === undefined || original.has('content-encoding')) return { ...response, header };
  const bytes = await bytesOf(body);
  if (bytes.length < COMPRESS_MIN_BYTES)
    return { ...response, header, body: createAsyncIterable([bytes]) };
  const compressed = await compressors[encoding](bytes);
  header.set('content-encoding', encoding);
  header.set('content-length', String(compressed.length));
  return { ...response, header, body: createAsyncIterable([compressed]) };
}

async function bytesOf(body: AsyncIterable<Uint8Array> | Uint8Array): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}
