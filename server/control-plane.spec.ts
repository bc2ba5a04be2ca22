import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { createGrpcWebTransport } from '@connectrpc/connect-web';
import * as http from 'node:http';
import { Authentication } from '../proto/gen/armonik/api/grpc/v1/auth_service_pb';
import { Events } from '../proto/gen/armonik/api/grpc/v1/events_service_pb';
import {
  ListSessionsRequestSchema,
  ListSessionsResponseSchema,
} from '../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionRawEnumField } from '../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { Sessions } from '../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { SortDirection } from '../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import { type ControlPlane, startControlPlane } from './control-plane';

const LIST = {
  page: 0,
  pageSize: 5,
  filters: { or: [] },
  sort: {
    field: {
      field: { case: 'sessionRawField' as const, value: { field: SessionRawEnumField.SESSION_ID } },
    },
    direction: SortDirection.ASC,
  },
};

describe('one port, three protocols', () => {
  let plane: ControlPlane;
  beforeAll(async () => {
    plane = await startControlPlane({
      port: 0,
      seed: 9,
      sessions: 12,
      tasks: 300,
      simulation: false,
    });
  });
  afterAll(() => plane.close());

  it('serves HTTP/1.1, gRPC-web binary and native gRPC (HTTP/2) with the same answers', async () => {
    const hint = await fetch(`${plane.url}/`);
    expect(hint.status).toBe(200);
    const web = await createClient(
      Sessions,
      createGrpcWebTransport({ baseUrl: plane.url, useBinaryFormat: true }),
    ).listSessions(LIST);
    const native = await createClient(
      Sessions,
      createGrpcTransport({ baseUrl: plane.url }),
    ).listSessions(LIST);
    expect(web.total).toBe(12);
    expect(native.sessions.map((s) => s.sessionId)).toEqual(web.sessions.map((s) => s.sessionId));
  });

  it('answers the gRPC-web text form in text', async () => {
    const message = toBinary(ListSessionsRequestSchema, create(ListSessionsRequestSchema, LIST));
    const frame = Buffer.concat([Buffer.from([0, 0, 0, 0, message.length]), message]);
    const response = await fetch(
      `${plane.url}/armonik.api.grpc.v1.sessions.Sessions/ListSessions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/grpc-web-text', 'x-grpc-web': '1' },
        body: frame.toString('base64'),
      },
    );
    expect(response.headers.get('content-type')).toMatch(/^application\/grpc-web-text/);
    const body = Buffer.from(await response.text(), 'base64');
    const length = body.readUInt32BE(1);
    expect(fromBinary(ListSessionsResponseSchema, body.subarray(5, 5 + length)).total).toBe(12);
    expect(body.subarray(5 + length + 5).toString()).toContain('grpc-status: 0');
  });

  it('close() ends open event streams and keep-alive connections promptly', async () => {
    const other = await startControlPlane({ port: 0, sessions: 3, tasks: 30, simulation: false });
    const [session] = (
      await createClient(Sessions, createGrpcTransport({ baseUrl: other.url })).listSessions(LIST)
    ).sessions;
    const stream = createClient(Events, createGrpcTransport({ baseUrl: other.url })).getEvents({
      sessionId: session!.sessionId,
    });
    const reading = (async () => {
      for await (const _ of stream) void _;
    })().catch(() => 'ended');
    const agent = new http.Agent({ keepAlive: true });
    await new Promise((resolve) =>
      http.get(`${other.url}/`, { agent }, (res) => res.resume().on('end', resolve)),
    );
    const started = Date.now();
    await other.close();
    await reading;
    expect(Date.now() - started).toBeLessThan(2000);
    agent.destroy();
  });
});

describe('permissions', () => {
  let plane: ControlPlane;
  beforeAll(async () => {
    plane = await startControlPlane({
      port: 0,
      sessions: 5,
      tasks: 50,
      simulation: false,
      username: 'viewer',
      permissions: 'read-only',
    });
  });
  afterAll(() => plane.close());

  it('refuses an RPC without its permission, names it, and still answers GetCurrentUser', async () => {
    const transport = createGrpcWebTransport({ baseUrl: plane.url, useBinaryFormat: true });
    const sessions = createClient(Sessions, transport);
    const [first] = (await sessions.listSessions(LIST)).sessions;
    const error = await sessions
      .pauseSession({ sessionId: first!.sessionId })
      .catch((e: unknown) => ConnectError.from(e));
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe(Code.PermissionDenied);
    expect((error as ConnectError).rawMessage).toContain('Sessions:PauseSession');
    const { user } = await createClient(Authentication, transport).getCurrentUser({});
    expect(user!.username).toBe('viewer');
    expect(user!.permissions).toContain('Sessions:ListSessions');
    expect(user!.permissions).not.toContain('Sessions:PauseSession');
  });
});
