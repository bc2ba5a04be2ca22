import { Code, ConnectError } from '@connectrpc/connect';
import { EventEmitter } from 'node:events';

import { directRequest, nodeRequestView } from './direct-request';
import type { HttpRequest } from './http-types';

/** An HTTP/2 compat request as far as directRequest reads one. */
function nodeRequest(headers: Record<string, string | string[]>) {
  const stream = { rstCode: 0 };
  const req = Object.assign(new EventEmitter(), {
    method: 'POST',
    httpVersion: '2.0',
    url: '/armonik.api.grpc.v1.sessions.Sessions/GetSession',
    headers: {
      ':method': 'POST',
      ':path': '/armonik.api.grpc.v1.sessions.Sessions/GetSession',
      ':authority': 'localhost:5001',
      ...headers,
    },
    stream,
  });
  return { req: req as unknown as HttpRequest, close: () => req.emit('close'), stream };
}

describe('the direct path’s view of a request', () => {
  it('has the headers without the HTTP/2 pseudo-headers, and the url with its authority', () => {
    const { req } = nodeRequest({
      'content-type': 'application/grpc',
      'x-tags': ['a', 'b'],
      authorization: 'Bearer t',
    });
    const request = directRequest(req);
    expect([...request.header.keys()].sort()).toEqual(['authorization', 'content-type', 'x-tags']);
    expect(request.header.get('x-tags')).toBe('a, b');
    expect(request.url).toBe(
      'http://localhost:5001/armonik.api.grpc.v1.sessions.Sessions/GetSession',
    );
    expect(nodeRequestView(req).header.get('content-type')).toBe('application/grpc');
    expect(nodeRequestView(req).header.get('grpc-encoding')).toBeNull();
  });

  it('keeps its signal unaborted while the stream is open', () => {
    const { req } = nodeRequest({});
    expect(directRequest(req).signal.aborted).toBe(false);
  });

  it('aborts its signal when the stream ends, with a ConnectError rather than a DOMException', () => {
    const { req, close } = nodeRequest({});
    const { signal } = directRequest(req);
    close();
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(ConnectError);
    expect((signal.reason as ConnectError).code).toBe(Code.Canceled);
  });

  it('names the HTTP/2 code when the client reset the stream', () => {
    const { req, close, stream } = nodeRequest({});
    const { signal } = directRequest(req);
    stream.rstCode = 8; // CANCEL
    close();
    expect((signal.reason as ConnectError).code).toBe(Code.Canceled);
    expect((signal.reason as ConnectError).rawMessage).toBe(
      'http/2 stream closed with error code 0x8',
    );
  });
});
