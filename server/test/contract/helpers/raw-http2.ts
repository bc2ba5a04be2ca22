import * as http2 from 'node:http2';

export interface RawReply {
  httpStatus: number;
  grpcStatus: number | null;
  grpcMessage: string;
  body: Buffer;
  /** The response's headers and trailers as received. */
  headers: http2.IncomingHttpHeaders;
  trailers: http2.IncomingHttpHeaders;
}

/** POSTs `body` as-is on a fresh HTTP/2 connection, like a gRPC client would frame a call. */
export function rawGrpcPost(
  port: number,
  path: string,
  body: Uint8Array,
  contentType = 'application/grpc',
  extraHeaders: Record<string, string> = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://127.0.0.1:${port}`);
    session.on('error', reject);
    const request = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': contentType,
      te: 'trailers',
      ...extraHeaders,
    });
    let headers: http2.IncomingHttpHeaders = {};
    let trailers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    request.on('response', (h) => (headers = h));
    request.on('trailers', (t: http2.IncomingHttpHeaders) => (trailers = t));
    request.on('data', (d: Buffer) => chunks.push(d));
    request.on('error', (error: Error) => {
      session.close();
      reject(error);
    });
    request.on('end', () => {
      session.close();
      const status = trailers['grpc-status'] ?? headers['grpc-status'];
      const message = trailers['grpc-message'] ?? headers['grpc-message'] ?? '';
      resolve({
        httpStatus: Number(headers[':status']),
        grpcStatus: status === undefined ? null : Number(status),
        grpcMessage: decodeURIComponent(String(message)),
        body: Buffer.concat(chunks),
        headers,
        trailers,
      });
    });
    request.end(Buffer.from(body));
  });
}
