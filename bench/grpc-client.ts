/**
 * A native gRPC client of the control plane (@grpc/grpc-js + our .proto files, as ArmoniK's SDKs
 * call a real cluster): what the server latency section measures and what the bench uses to
 * find its data (largest session, running sessions) and to check outcomes (sessions closed).
 *
 * Messages are proto-loader objects: snake_case fields, enums as strings, int64 as strings.
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { join } from 'node:path';

import { ROOT } from './paths';

export type Msg = Record<string, unknown>;

const PROTO_ROOT = join(ROOT, 'proto');

const SERVICES = {
  sessions: ['sessions_service.proto', 'armonik.api.grpc.v1.sessions.Sessions'],
  tasks: ['tasks_service.proto', 'armonik.api.grpc.v1.tasks.Tasks'],
} as const;
export type Service = keyof typeof SERVICES;

let loaded: grpc.GrpcObject | undefined;
function protoPackage(): grpc.GrpcObject {
  loaded ??= grpc.loadPackageDefinition(
    protoLoader.loadSync(
      Object.values(SERVICES).map(([file]) => `armonik/api/grpc/v1/${file}`),
      {
        includeDirs: [PROTO_ROOT],
        keepCase: true,
        longs: String,
        enums: String,
        defaults: true,
        oneofs: true,
      },
    ),
  );
  return loaded;
}

function lookup(path: string): grpc.ServiceClientConstructor {
  let node: unknown = protoPackage();
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'function') throw new Error(`service ${path} not found in proto/`);
  return node as grpc.ServiceClientConstructor;
}

/** A unary method of our .proto files: its path and its request and answer codecs. */
function methodOf<T>(service: Service, method: string): grpc.MethodDefinition<Msg, T> {
  const definition = lookup(SERVICES[service][1]).service[method] as
    grpc.MethodDefinition<Msg, T> | undefined;
  if (!definition) throw new Error(`no method ${service}.${method}`);
  return definition;
}

/** A unary method's path and request encoder (the HTTP/2 load clients encode with it). */
export function unaryMethod(
  service: Service,
  method: string,
): { path: string; serialize: (request: Msg) => Buffer } {
  const definition = methodOf(service, method);
  return { path: definition.path, serialize: definition.requestSerialize };
}

export interface SessionRaw {
  session_id: string;
  status: string;
  created_at: { seconds: string; nanos: number } | null;
}
export interface StatusCount {
  status: string;
  count: number;
}

export interface GrpcClients {
  call<T = Msg>(service: Service, method: string, request: Msg, timeoutMs?: number): Promise<T>;
  listSessions(
    request: Msg,
    timeoutMs?: number,
  ): Promise<{ sessions: SessionRaw[]; total: number }>;
  countTasksByStatus(
    filters: Msg | undefined,
    timeoutMs?: number,
  ): Promise<{ status: StatusCount[] }>;
  close(): void;
}

export function grpcClients(port: number): GrpcClients {
  const clients = new Map<string, grpc.Client>();
  const get = (service: Service) => {
    let client = clients.get(service);
    if (!client) {
      const Ctor = lookup(SERVICES[service][1]);
      client = new Ctor(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
        'grpc.max_receive_message_length': -1,
        'grpc.max_send_message_length': -1,
      });
      clients.set(service, client);
    }
    return client;
  };
  const call = <T>(service: Service, method: string, request: Msg, timeoutMs = 60_000) =>
    new Promise<T>((resolve, reject) => {
      // An unknown method throws here, which rejects the promise.
      const definition = methodOf<T>(service, method);
      get(service).makeUnaryRequest(
        definition.path,
        definition.requestSerialize,
        definition.responseDeserialize,
        request,
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
        (error: grpc.ServiceError | null, response?: T) =>
          error ? reject(error) : resolve(response as T),
      );
    });
  return {
    call,
    listSessions: (request, timeoutMs) =>
      call(
        'sessions',
        'ListSessions',
        {
          filters: { or: [] },
          sort: { field: sessionField('CREATED_AT'), direction: 'SORT_DIRECTION_ASC' },
          ...request,
        },
        timeoutMs,
      ),
    countTasksByStatus: (filters, timeoutMs) =>
      call('tasks', 'CountTasksByStatus', filters ? { filters } : {}, timeoutMs),
    close: () => {
      for (const c of clients.values()) c.close();
      clients.clear();
    },
  };
}

// ---- filter and field builders (the ArmoniK v1 Filters shape: OR of AND groups) --------------

export const sessionField = (name: string): Msg => ({
  session_raw_field: { field: `SESSION_RAW_ENUM_FIELD_${name}` },
});
export const taskField = (name: string): Msg => ({
  task_summary_field: { field: `TASK_SUMMARY_ENUM_FIELD_${name}` },
});

export const filtersOf = (...groups: Msg[][]): Msg => ({
  or: groups.map((conditions) => ({ and: conditions })),
});

export const stringEquals = (field: Msg, value: string): Msg => ({
  field,
  filter_string: { value, operator: 'FILTER_STRING_OPERATOR_EQUAL' },
});
export const stringNotEquals = (field: Msg, value: string): Msg => ({
  field,
  filter_string: { value, operator: 'FILTER_STRING_OPERATOR_NOT_EQUAL' },
});
export const stringContains = (field: Msg, value: string): Msg => ({
  field,
  filter_string: { value, operator: 'FILTER_STRING_OPERATOR_CONTAINS' },
});
export const statusEquals = (field: Msg, value: string): Msg => ({
  field,
  filter_status: { value, operator: 'FILTER_STATUS_OPERATOR_EQUAL' },
});

export const tasksOfSession = (sessionId: string): Msg =>
  filtersOf([stringEquals(taskField('SESSION_ID'), sessionId)]);
