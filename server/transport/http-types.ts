import type * as http from 'node:http';
import type * as http2 from 'node:http2';

/** A request on either side of the port (HTTP/1.1 or HTTP/2 compatibility API). */
export type HttpRequest = http.IncomingMessage | http2.Http2ServerRequest;

/**
 * The part of a response both Node response classes share. (Their union is not callable in
 * TypeScript because the overloads differ; this interface is.)
 */
export interface HttpResponse {
  readonly headersSent: boolean;
  writeHead(status: number, headers?: Record<string, string>): unknown;
  setHeader(name: string, value: string): unknown;
  getHeader(name: string): number | string | string[] | undefined;
  write(chunk: string | Uint8Array): unknown;
  end(chunk?: string | Uint8Array): unknown;
  /** HTTP/2 (gRPC) trailers, sent by end(). */
  addTrailers(headers: Record<string, string>): unknown;
  destroy(): unknown;
}

export type HttpHandler = (req: HttpRequest, res: HttpResponse) => void;
