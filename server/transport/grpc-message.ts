import type { UniversalServerResponse } from '@connectrpc/connect/protocol';

/**
 * gRPC's own percent-encoding of grpc-message: only bytes outside printable ASCII (and '%')
 * are escaped. connect-es escapes with encodeURIComponent, which also turns ':' or '/' into
 * %3A / %2F — and @grpc/grpc-js decodes with decodeURI, so ArmoniK's messages ("Session was not
 * found: …") would reach native clients with a literal "%3A". Re-encoding per the spec gives
 * the exact text to every decoder (decodeURI, decodeURIComponent, or none for plain ASCII).
 */
export function encodeGrpcMessage(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Longest grpc-message text sent: a header that grows with the input (a 1 MB id echoed back)
 * makes HTTP/2 clients reset the stream, and the client then sees INTERNAL instead of the status.
 */
export const MAX_GRPC_MESSAGE_CHARS = 1024;

function truncated(text: string): string {
  return text.length <= MAX_GRPC_MESSAGE_CHARS
    ? text
    : `${text.slice(0, MAX_GRPC_MESSAGE_CHARS)}… (message truncated)`;
}

function reencode(value: string): string {
  try {
    return encodeGrpcMessage(truncated(decodeURIComponent(value)));
  } catch {
    return value.length <= MAX_GRPC_MESSAGE_CHARS * 3
      ? value
      : value.slice(0, MAX_GRPC_MESSAGE_CHARS);
  }
}

function fixHeaders(headers: Headers | undefined): Headers | undefined {
  const value = headers?.get('grpc-message');
  if (!headers || value === null || value === undefined) return headers;
  const copy = new Headers(headers);
  copy.set('grpc-message', reencode(value));
  return copy;
}

/** Rewrites grpc-message in headers (trailers-only), HTTP trailers (gRPC) and gRPC-web trailer frames. */
export function normalizeGrpcMessage(response: UniversalServerResponse): UniversalServerResponse {
  const grpcWeb = /^application\/grpc-web/i.test(response.header?.get('content-type') ?? '');
  return {
    ...response,
    header: fixHeaders(response.header),
    trailer: fixHeaders(response.trailer),
    body: grpcWeb && response.body ? rewriteTrailerFrames(response.body) : response.body,
  };
}

/** Passes gRPC-web frames through, re-encoding grpc-message inside trailer frames (flag 0x80). */
async function* rewriteTrailerFrames(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array = new Uint8Array(0);
  for await (const chunk of body) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let offset = 0;
    while (pending.length - offset >= 5) {
      const length = new DataView(pending.buffer, pending.byteOffset + offset + 1, 4).getUint32(0);
      if (pending.length - offset < 5 + length) break;
      const frame = pending.subarray(offset, offset + 5 + length);
      const flags = frame[0] ?? 0;
      yield (flags & 0x80) === 0 ? frame : rewriteTrailerFrame(frame);
      offset += 5 + length;
    }
    pending = pending.subarray(offset);
  }
  if (pending.length > 0) yield pending;
}

function rewriteTrailerFrame(frame: Uint8Array): Uint8Array {
  const text = Buffer.from(frame.subarray(5)).toString('latin1');
  const rewritten = text.replace(
    /^(grpc-message:\s*)(.*)$/im,
    (_, key: string, value: string) => key + reencode(value.trim()),
  );
  const payload = Buffer.from(rewritten, 'latin1');
  const out = new Uint8Array(5 + payload.length);
  out[0] = frame[0]!;
  new DataView(out.buffer).setUint32(1, payload.length);
  out.set(payload, 5);
  return out;
}
