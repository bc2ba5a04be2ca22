import * as http from 'node:http';

export interface RawHttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as sent on the wire (no automatic decompression, unlike fetch). */
  body: Buffer;
}

/** One raw HTTP/1.1 exchange, so tests can check the bytes and the encoding on the wire. */
export function rawHttp(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {},
): Promise<RawHttpReply> {
  const { method = 'GET', body } = options;
  const headers = body
    ? { ...options.headers, 'content-length': String(body.length) }
    : (options.headers ?? {});
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body ? Buffer.from(body) : undefined);
  });
}
