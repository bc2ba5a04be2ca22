import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

import { CALL_DEADLINE_MS, PROTO_ROOT } from './settings';
import {
  ApplicationRaw,
  EventSubscriptionResponse,
  Msg,
  Paged,
  PartitionRaw,
  ResultRaw,
  SessionRaw,
  StatusCount,
  TaskDetailed,
  TaskSummary,
} from './messages';

export type Unary<Res> = (request?: Msg, metadata?: grpc.Metadata) => Promise<Res>;
export type ServerStream<Res> = (request?: Msg) => grpc.ClientReadableStream<Res>;
type SessionReply = Promise<{ session: SessionRaw }>;
type SessionAction = (request?: Msg) => SessionReply;

export interface NativeClients {
  sessions: {
    ListSessions: Unary<Paged & { sessions: SessionRaw[] }>;
    GetSession: SessionAction;
    CancelSession: SessionAction;
    PauseSession: SessionAction;
    ResumeSession: SessionAction;
    CloseSession: SessionAction;
    PurgeSession: SessionAction;
    DeleteSession: SessionAction;
    StopSubmission: SessionAction;
    CreateSession: Unary<{ session_id: string }>;
  };
  tasks: {
    ListTasks: Unary<Paged & { tasks: TaskSummary[] }>;
    ListTasksDetailed: Unary<Paged & { tasks: TaskDetailed[] }>;
    GetTask: Unary<{ task: TaskDetailed }>;
    CancelTasks: Unary<{ tasks: TaskSummary[] }>;
    GetResultIds: Unary<{ task_results: { task_id: string; result_ids: string[] }[] }>;
    CountTasksByStatus: Unary<{ status: StatusCount[] }>;
  };
  results: {
    ListResults: Unary<Paged & { results: ResultRaw[] }>;
    GetResult: Unary<{ result: ResultRaw }>;
    GetOwnerTaskId: Unary<{
      result_task: { result_id: string; task_id: string }[];
      session_id: string;
    }>;
    DownloadResultData: ServerStream<{ data_chunk: Buffer }>;
    GetServiceConfiguration: Unary<{ data_chunk_max_size: number }>;
  };
  partitions: {
    ListPartitions: Unary<Paged & { partitions: PartitionRaw[] }>;
    GetPartition: Unary<{ partition: PartitionRaw }>;
  };
  applications: {
    ListApplications: Unary<Paged & { applications: ApplicationRaw[] }>;
  };
  events: {
    GetEvents: ServerStream<EventSubscriptionResponse>;
  };
  auth: {
    GetCurrentUser: Unary<{ user: { username: string; roles: string[]; permissions: string[] } }>;
  };
  versions: {
    ListVersions: Unary<{ core: string; api: string }>;
  };
  health: {
    CheckHealth: Unary<{ services: { name: string; message: string; healthy: string }[] }>;
  };
  /** Closes every channel (call in afterAll, or Jest never exits). */
  close(): void;
}

const SERVICES = {
  sessions: ['sessions_service.proto', 'armonik.api.grpc.v1.sessions.Sessions'],
  tasks: ['tasks_service.proto', 'armonik.api.grpc.v1.tasks.Tasks'],
  results: ['results_service.proto', 'armonik.api.grpc.v1.results.Results'],
  partitions: ['partitions_service.proto', 'armonik.api.grpc.v1.partitions.Partitions'],
  applications: ['applications_service.proto', 'armonik.api.grpc.v1.applications.Applications'],
  events: ['events_service.proto', 'armonik.api.grpc.v1.events.Events'],
  auth: ['auth_service.proto', 'armonik.api.grpc.v1.auth.Authentication'],
  versions: ['versions_service.proto', 'armonik.api.grpc.v1.versions.Versions'],
  health: ['health_checks_service.proto', 'armonik.api.grpc.v1.health_checks.HealthChecksService'],
} as const;

let loaded: grpc.GrpcObject | undefined;

/** Our .proto files, loaded as an ArmoniK SDK would load ArmoniK's. */
export function protoPackage(): grpc.GrpcObject {
  if (!loaded) {
    const files = Object.values(SERVICES).map(([file]) => `armonik/api/grpc/v1/${file}`);
    const definition = protoLoader.loadSync(files, {
      includeDirs: [PROTO_ROOT],
      keepCase: true,
      longs: String,
      enums: String,
      defaults: true,
      oneofs: true,
    });
    loaded = grpc.loadPackageDefinition(definition);
  }
  return loaded;
}

function lookup(path: string): grpc.ServiceClientConstructor {
  let node: unknown = protoPackage();
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'function') throw new Error(`service ${path} not found in proto/`);
  return node as grpc.ServiceClientConstructor;
}

type AnyMethod = (...args: unknown[]) => unknown;

function bind(client: grpc.Client, definition: grpc.ServiceDefinition): Record<string, unknown> {
  const methods = client as unknown as Record<string, AnyMethod>;
  const out: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(definition)) {
    const fn = methods[name];
    if (!fn) throw new Error(`the generated client has no method ${name}`);
    out[name] = method.responseStream
      ? (request: Msg = {}) => fn.call(client, request, { deadline: Date.now() + CALL_DEADLINE_MS })
      : (request: Msg = {}, metadata = new grpc.Metadata()) =>
          new Promise((resolve, reject) => {
            fn.call(
              client,
              request,
              metadata,
              { deadline: Date.now() + CALL_DEADLINE_MS },
              (error: grpc.ServiceError | null, response: unknown) =>
                error ? reject(error) : resolve(response),
            );
          });
  }
  return out;
}

/** One client per ArmoniK service on a cleartext HTTP/2 channel to `port`. */
export function nativeClients(port: number): NativeClients {
  const channels: grpc.Client[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, [, path]] of Object.entries(SERVICES)) {
    const Ctor = lookup(path);
    const client = new Ctor(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': -1,
      'grpc.max_send_message_length': -1,
    });
    channels.push(client);
    out[key] = bind(client, Ctor.service);
  }
  out['close'] = () => channels.forEach((c) => c.close());
  return out as unknown as NativeClients;
}
