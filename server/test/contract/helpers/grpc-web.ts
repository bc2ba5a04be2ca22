/** One gRPC(-web) data frame: 0x00, 4-byte big-endian length, message bytes. */
export function frame(message: Uint8Array, flag = 0x00): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(5 + message.length);
  out[0] = flag;
  new DataView(out.buffer).setUint32(1, message.length, false);
  out.set(message, 5);
  return out;
}

/** Decodes a grpc-web-text body, which may be several independently padded base64 chunks. */
export function decodeBase64Chunks(text: string): Uint8Array {
  const chunks = text.replace(/\s+/g, '').match(/[A-Za-z0-9+/]+={0,2}|={1,2}/g) ?? [];
  return new Uint8Array(Buffer.concat(chunks.map((c) => Buffer.from(c, 'base64'))));
}

export interface GrpcWebReply {
  httpStatus: number;
  headers: Headers;
  /** Data frames' payloads. */
  messages: Uint8Array[];
  /** grpc-status from the trailer frame, or from the headers (trailers-only); null if absent. */
  grpcStatus: number | null;
  grpcMessage: string;
}

/** Splits a gRPC-web body into data frames and the trailer frame (flag 0x80). */
export function parseGrpcWebBody(
  body: Uint8Array,
  headers: Headers,
  httpStatus: number,
): GrpcWebReply {
  const messages: Uint8Array[] = [];
  const trailers = new Map<string, string>();
  let offset = 0;
  while (offset + 5 <= body.length) {
    const flag = body[offset] ?? 0;
    const length = new DataView(body.buffer, body.byteOffset + offset + 1, 4).getUint32(0, false);
    const payload = body.subarray(offset + 5, offset + 5 + length);
    offset += 5 + length;
    if (flag & 0x80) {
      for (const line of Buffer.from(payload).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0)
          trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
    } else {
      messages.push(payload);
    }
  }
  const rawStatus = trailers.get('grpc-status') ?? headers.get('grpc-status');
  const rawMessage = trailers.get('grpc-message') ?? headers.get('grpc-message') ?? '';
  return {
    httpStatus,
    headers,
    messages,
    grpcStatus: rawStatus === null || rawStatus === undefined ? null : Number(rawStatus),
    grpcMessage: decodeURIComponent(rawMessage),
  };
}

/** POSTs one message in the base64 text form, as ArmoniK's Admin GUI does by default. */
export async function grpcWebTextCall(
  baseUrl: string,
  path: string,
  message: Uint8Array,
): Promise<GrpcWebReply> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/grpc-web-text',
      accept: 'application/grpc-web-text',
      'x-grpc-web': '1',
      'x-user-agent': 'grpc-web-javascript/0.1',
    },
    body: Buffer.from(frame(message)).toString('base64'),
  });
  const text = await response.text();
  return parseGrpcWebBody(decodeBase64Chunks(text), response.headers, response.status);
}

/** POSTs raw bytes with a binary gRPC-web content type. */
export async function grpcWebBinaryPost(
  baseUrl: string,
  path: string,
  body: Uint8Array,
  headers: Record<string, string> = {},
): Promise<GrpcWebReply> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/grpc-web+proto', 'x-grpc-web': '1', ...headers },
    body: new Uint8Array(body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return parseGrpcWebBody(bytes, response.headers, response.status);
}
