/**
 * Shared helpers of the API contract tests: start the embedded control plane, talk to it with
 * real gRPC clients (@grpc/grpc-js + our .proto files, as the ArmoniK SDKs do), promisify unary
 * calls, read server streams, build filters, compute expected listings independently, and
 * encode/decode the gRPC-web text form by hand (as ArmoniK's own Admin GUI sends it).
 *
 * Decoded messages follow @grpc/proto-loader with keepCase, longs as String, enums as String,
 * defaults and oneofs on: field names are the proto's snake_case names, int64 and
 * Timestamp/Duration seconds are strings, unset message fields are null.
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { once } from 'node:events';
import * as http2 from 'node:http2';
import { join } from 'node:path';

import { startControlPlane } from '../../control-plane';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const PROTO_ROOT = join(REPO_ROOT, 'proto');

// ---------------------------------------------------------------------------------------------
// The server under test
// ---------------------------------------------------------------------------------------------

export type ControlPlaneOptions = Parameters<typeof startControlPlane>[0];
export type ControlPlane = Awaited<ReturnType<typeof startControlPlane>>;

/** Small, deterministic, still data set: nothing moves unless a test acts on it. */
export const SMALL_CLUSTER = { seed: 20240917, sessions: 60, tasks: 3000 } as const;

export function startCluster(options: Partial<ControlPlaneOptions> = {}): Promise<ControlPlane> {
  return startControlPlane({
    port: 0,
    simulation: false,
    ...SMALL_CLUSTER,
    ...options,
  } as ControlPlaneOptions);
}

/** Generous per-call deadline: the contract tests assert behaviour, never durations. */
export const CALL_DEADLINE_MS = 60_000;
export const TEST_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// Decoded message shapes (proto-loader objects)
// ---------------------------------------------------------------------------------------------

export type Msg = Record<string, unknown>;

export interface Timestamp {
  seconds: string;
  nanos: number;
}
export type Duration = Timestamp;

export interface TaskOptions {
  options: Record<string, string>;
  max_duration: Duration | null;
  max_retries: number;
  priority: number;
  partition_id: string;
  application_name: string;
  application_version: string;
  application_namespace: string;
  application_service: string;
  engine_type: string;
}

export interface SessionRaw {
  session_id: string;
  status: string;
  partition_ids: string[];
  options: TaskOptions | null;
  created_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  duration: Duration | null;
  client_submission: boolean;
  worker_submission: boolean;
  purged_at: Timestamp | null;
  deleted_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface TaskSummary {
  id: string;
  session_id: string;
  options: TaskOptions | null;
  status: string;
  created_at: Timestamp | null;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  error: string;
  status_message: string;
  owner_pod_id: string;
  count_data_dependencies: string;
  submitted_at: Timestamp | null;
  count_expected_output_ids: string;
  count_retry_of_ids: string;
  creation_to_end_duration: Duration | null;
  processing_to_end_duration: Duration | null;
  pod_hostname: string;
  received_at: Timestamp | null;
  acquired_at: Timestamp | null;
  pod_ttl: Timestamp | null;
  count_parent_task_ids: string;
  initial_task_id: string;
  processed_at: Timestamp | null;
  received_to_end_duration: Duration | null;
  fetched_at: Timestamp | null;
  payload_id: string;
  created_by: string;
}

export interface TaskDetailed {
  id: string;
  session_id: string;
  owner_pod_id: string;
  parent_task_ids: string[];
  data_dependencies: string[];
  expected_output_ids: string[];
  retry_of_ids: string[];
  status: string;
  status_message: string;
  options: TaskOptions | null;
  created_at: Timestamp | null;
  submitted_at: Timestamp | null;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  pod_ttl: Timestamp | null;
  output: { success: boolean; error: string } | null;
  pod_hostname: string;
  received_at: Timestamp | null;
  acquired_at: Timestamp | null;
  creation_to_end_duration: Duration | null;
  processing_to_end_duration: Duration | null;
  initial_task_id: string;
  received_to_end_duration: Duration | null;
  processed_at: Timestamp | null;
  fetched_at: Timestamp | null;
  payload_id: string;
  created_by: string;
}

export interface ResultRaw {
  session_id: string;
  name: string;
  owner_task_id: string;
  status: string;
  created_at: Timestamp | null;
  completed_at: Timestamp | null;
  result_id: string;
  size: string;
  created_by: string;
  opaque_id: Buffer;
  manual_deletion: boolean;
}

export interface PartitionRaw {
  id: string;
  parent_partition_ids: string[];
  pod_reserved: string;
  pod_max: string;
  preemption_percentage: string;
  priority: string;
  pod_configuration: Record<string, string>;
}

export interface ApplicationRaw {
  name: string;
  version: string;
  namespace: string;
  service: string;
}

export interface StatusCount {
  status: string;
  count: number;
}

export interface EventSubscriptionResponse {
  session_id: string;
  update?: string;
  task_status_update: { task_id: string; status: string } | null;
  result_status_update: { result_id: string; status: string } | null;
  result_owner_update: {
    result_id: string;
    previous_owner_id: string;
    current_owner_id: string;
  } | null;
  new_task: { task_id: string; status: string } | null;
  new_result: { result_id: string; owner_id: string; status: string } | null;
}

interface Paged {
  page: number;
  page_size: number;
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Native gRPC clients
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Errors, streams, polling
// ---------------------------------------------------------------------------------------------

export function statusName(code: number): string {
  return grpc.status[code] ?? `code ${code}`;
}

/** The error a call failed with; fails the test if the call succeeded. */
export async function callError(promise: Promise<unknown>): Promise<grpc.ServiceError> {
  let response: unknown;
  try {
    response = await promise;
  } catch (error) {
    return error as grpc.ServiceError;
  }
  throw new Error(`expected the call to fail, it answered ${JSON.stringify(response)}`);
}

/** `{ code: 'NOT_FOUND', details: '…' }` of a failed call, for readable toEqual diffs. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; details: string }> {
  const error = await callError(promise);
  return { code: statusName(error.code), details: error.details };
}

/** Every message of a server stream that ends normally. */
export function readAll<T>(call: grpc.ClientReadableStream<T>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const items: T[] = [];
    call.on('data', (item: T) => items.push(item));
    call.on('error', reject);
    call.on('end', () => resolve(items));
  });
}

/** Collects a long-lived stream (Events.GetEvents) in the background. */
export class StreamCollector<T> {
  readonly items: T[] = [];
  error: grpc.ServiceError | undefined;
  ended = false;
  private readonly finished: Promise<void>;

  constructor(readonly call: grpc.ClientReadableStream<T>) {
    call.on('data', (item: T) => this.items.push(item));
    this.finished = new Promise((resolve) => {
      call.on('error', (error: grpc.ServiceError) => {
        this.error = error;
        resolve();
      });
      call.on('end', () => {
        this.ended = true;
        resolve();
      });
    });
  }

  /**
   * Resolves once the server sent its response headers (the subscription is in place), or after
   * a grace period for servers that send headers with the first message only.
   */
  async ready(graceMs = 1_000): Promise<void> {
    const headers = once(this.call, 'metadata').catch(() => undefined);
    await Promise.race([headers, sleep(graceMs)]);
  }

  /** Waits (bounded) until `done(items)` holds; returns whether it did. */
  async until(done: (items: T[]) => boolean, attempts = 200, intervalMs = 50): Promise<boolean> {
    for (let i = 0; i < attempts; i++) {
      if (done(this.items)) return true;
      if (this.error || this.ended) return done(this.items);
      await sleep(intervalMs);
    }
    return done(this.items);
  }

  /** Cancels the call and waits until grpc-js reports how it ended. */
  async cancel(): Promise<void> {
    this.call.cancel();
    await this.finished;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until `done` holds (bounded number of attempts) and returns the last value, so
 * the caller asserts on the final state. No duration is ever asserted.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 100,
  intervalMs = 100,
): Promise<T> {
  let value = await probe();
  for (let i = 1; i < attempts && !done(value); i++) {
    await sleep(intervalMs);
    value = await probe();
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Timestamps and durations
// ---------------------------------------------------------------------------------------------

const BILLION = 1_000_000_000n;

/** Exact value in nanoseconds, or null when unset. */
export function nanos(value: Timestamp | null | undefined): bigint | null {
  if (!value) return null;
  return BigInt(value.seconds) * BILLION + BigInt(value.nanos);
}

export function millis(value: Timestamp | null | undefined): number | null {
  const n = nanos(value);
  return n === null ? null : Number(n / 1_000_000n);
}

export function toTimestamp(ns: bigint): Timestamp {
  const seconds = ns >= 0n ? ns / BILLION : (ns - BILLION + 1n) / BILLION;
  return { seconds: String(seconds), nanos: Number(ns - seconds * BILLION) };
}

// ---------------------------------------------------------------------------------------------
// Filters, fields and sorts
// ---------------------------------------------------------------------------------------------

export const SORT_ASC = 'SORT_DIRECTION_ASC';
export const SORT_DESC = 'SORT_DIRECTION_DESC';
export type Direction = typeof SORT_ASC | typeof SORT_DESC;

export const EMPTY_FILTERS: Msg = { or: [] };

/** OR of AND groups: `filtersOf([a, b], [c])` = (a AND b) OR c. */
export function filtersOf(...groups: Msg[][]): Msg {
  return { or: groups.map((conditions) => ({ and: conditions })) };
}

export const sessionField = {
  raw: (name: string): Msg => ({ session_raw_field: { field: `SESSION_RAW_ENUM_FIELD_${name}` } }),
  option: (name: string): Msg => ({
    task_option_field: { field: `TASK_OPTION_ENUM_FIELD_${name}` },
  }),
  generic: (key: string): Msg => ({ task_option_generic_field: { field: key } }),
};
export const taskField = {
  summary: (name: string): Msg => ({
    task_summary_field: { field: `TASK_SUMMARY_ENUM_FIELD_${name}` },
  }),
  option: sessionField.option,
  generic: sessionField.generic,
};
export const resultField = (name: string): Msg => ({
  result_raw_field: { field: `RESULT_RAW_ENUM_FIELD_${name}` },
});
export const partitionField = (name: string): Msg => ({
  partition_raw_field: { field: `PARTITION_RAW_ENUM_FIELD_${name}` },
});
export const applicationField = (name: string): Msg => ({
  application_field: { field: `APPLICATION_RAW_ENUM_FIELD_${name}` },
});

export type Kind = 'string' | 'number' | 'date' | 'boolean' | 'status' | 'array' | 'duration';

/** Every operator of each leaf filter type. */
export const OPERATORS: Record<Kind, readonly string[]> = {
  string: ['EQUAL', 'NOT_EQUAL', 'CONTAINS', 'NOT_CONTAINS', 'STARTS_WITH', 'ENDS_WITH'],
  number: [
    'EQUAL',
    'NOT_EQUAL',
    'LESS_THAN',
    'LESS_THAN_OR_EQUAL',
    'GREATER_THAN_OR_EQUAL',
    'GREATER_THAN',
  ],
  date: ['EQUAL', 'NOT_EQUAL', 'BEFORE', 'BEFORE_OR_EQUAL', 'AFTER_OR_EQUAL', 'AFTER'],
  duration: [
    'EQUAL',
    'NOT_EQUAL',
    'SHORTER_THAN',
    'SHORTER_THAN_OR_EQUAL',
    'LONGER_THAN_OR_EQUAL',
    'LONGER_THAN',
  ],
  boolean: ['IS'],
  status: ['EQUAL', 'NOT_EQUAL'],
  array: ['CONTAINS', 'NOT_CONTAINS'],
};

/** A column value as the tests compare it. Dates and durations are exact nanoseconds. */
export type Value = string | bigint | boolean | string[] | null;

/** The leaf filter (`filter_string`, `filter_date`, …) of one condition. */
export function leaf(kind: Kind, operator: string, value: Value): Msg {
  switch (kind) {
    case 'string':
      return { filter_string: { value, operator: `FILTER_STRING_OPERATOR_${operator}` } };
    case 'number':
      return {
        filter_number: { value: String(value), operator: `FILTER_NUMBER_OPERATOR_${operator}` },
      };
    case 'date':
      return {
        filter_date: {
          value: toTimestamp(value as bigint),
          operator: `FILTER_DATE_OPERATOR_${operator}`,
        },
      };
    case 'duration':
      return {
        filter_duration: {
          value: toTimestamp(value as bigint),
          operator: `FILTER_DURATION_OPERATOR_${operator}`,
        },
      };
    case 'boolean':
      return { filter_boolean: { value, operator: `FILTER_BOOLEAN_OPERATOR_${operator}` } };
    case 'status':
      return { filter_status: { value, operator: `FILTER_STATUS_OPERATOR_${operator}` } };
    case 'array':
      return { filter_array: { value, operator: `FILTER_ARRAY_OPERATOR_${operator}` } };
  }
}

export function condition(field: Msg, kind: Kind, operator: string, value: Value): Msg {
  return { field, ...leaf(kind, operator, value) };
}

/**
 * The reference semantics the server must reproduce, written independently of it.
 * Strings: case-sensitive, plain substring/prefix/suffix; a missing string (e.g. an absent
 * `options.options` key) compares as "". Unset dates/durations never match EQUAL or an
 * ordering operator and always match NOT_EQUAL (armonik-api-reference.md §2).
 */
export function matches(kind: Kind, operator: string, actual: Value, expected: Value): boolean {
  switch (kind) {
    case 'string': {
      const a = (actual as string | null) ?? '';
      const v = expected as string;
      switch (operator) {
        case 'EQUAL':
          return a === v;
        case 'NOT_EQUAL':
          return a !== v;
        case 'CONTAINS':
          return a.includes(v);
        case 'NOT_CONTAINS':
          return !a.includes(v);
        case 'STARTS_WITH':
          return a.startsWith(v);
        case 'ENDS_WITH':
          return a.endsWith(v);
      }
      break;
    }
    case 'number':
    case 'date':
    case 'duration': {
      if (actual === null) return operator === 'NOT_EQUAL';
      const a = actual as bigint;
      const v = expected as bigint;
      switch (operator) {
        case 'EQUAL':
          return a === v;
        case 'NOT_EQUAL':
          return a !== v;
        case 'LESS_THAN':
        case 'BEFORE':
        case 'SHORTER_THAN':
          return a < v;
        case 'LESS_THAN_OR_EQUAL':
        case 'BEFORE_OR_EQUAL':
        case 'SHORTER_THAN_OR_EQUAL':
          return a <= v;
        case 'GREATER_THAN_OR_EQUAL':
        case 'AFTER_OR_EQUAL':
        case 'LONGER_THAN_OR_EQUAL':
          return a >= v;
        case 'GREATER_THAN':
        case 'AFTER':
        case 'LONGER_THAN':
          return a > v;
      }
      break;
    }
    case 'boolean':
      return actual === expected;
    case 'status':
      return operator === 'EQUAL' ? actual === expected : actual !== expected;
    case 'array': {
      const list = (actual as string[] | null) ?? [];
      return operator === 'CONTAINS'
        ? list.includes(expected as string)
        : !list.includes(expected as string);
    }
  }
  throw new Error(`unknown ${kind} operator ${operator}`);
}

/** A filterable/sortable column: how to name it on the wire and how to read it from a row. */
export interface Column<R> {
  name: string;
  kind: Kind;
  field: Msg;
  get: (row: R) => Value;
}

const str = (v: string | undefined | null): Value => v ?? '';
const int = (v: string | number | undefined | null): Value =>
  v === undefined || v === null ? null : BigInt(v);

function optionColumns<R>(
  prefix: 'session' | 'task',
  options: (row: R) => TaskOptions | null,
): Column<R>[] {
  const f = sessionField.option;
  const o = (row: R) => options(row);
  // prettier-ignore
  const columns: Column<R>[] = [
    { name: 'option MAX_DURATION', kind: 'duration', field: f('MAX_DURATION'), get: (r) => nanos(o(r)?.max_duration) },
    { name: 'option MAX_RETRIES', kind: 'number', field: f('MAX_RETRIES'), get: (r) => int(o(r)?.max_retries) },
    { name: 'option PRIORITY', kind: 'number', field: f('PRIORITY'), get: (r) => int(o(r)?.priority) },
    { name: 'option PARTITION_ID', kind: 'string', field: f('PARTITION_ID'), get: (r) => str(o(r)?.partition_id) },
    { name: 'option APPLICATION_NAME', kind: 'string', field: f('APPLICATION_NAME'), get: (r) => str(o(r)?.application_name) },
    { name: 'option APPLICATION_VERSION', kind: 'string', field: f('APPLICATION_VERSION'), get: (r) => str(o(r)?.application_version) },
    { name: 'option APPLICATION_NAMESPACE', kind: 'string', field: f('APPLICATION_NAMESPACE'), get: (r) => str(o(r)?.application_namespace) },
    { name: 'option APPLICATION_SERVICE', kind: 'string', field: f('APPLICATION_SERVICE'), get: (r) => str(o(r)?.application_service) },
    { name: 'option ENGINE_TYPE', kind: 'string', field: f('ENGINE_TYPE'), get: (r) => str(o(r)?.engine_type) },
  ];
  return columns.map((c) => ({ ...c, name: `${prefix} ${c.name}` }));
}

/** A column on a custom `options.options` key (TaskOptionGenericField). */
export function genericColumn<R extends { options: TaskOptions | null }>(key: string): Column<R> {
  return {
    name: `options.options["${key}"]`,
    kind: 'string',
    field: sessionField.generic(key),
    get: (r) => str(r.options?.options?.[key]),
  };
}

const sr = sessionField.raw;
// prettier-ignore
export const SESSION_COLUMNS: Column<SessionRaw>[] = [
  { name: 'SESSION_ID', kind: 'string', field: sr('SESSION_ID'), get: (r) => r.session_id },
  { name: 'STATUS', kind: 'status', field: sr('STATUS'), get: (r) => r.status },
  { name: 'PARTITION_IDS', kind: 'array', field: sr('PARTITION_IDS'), get: (r) => r.partition_ids },
  { name: 'CREATED_AT', kind: 'date', field: sr('CREATED_AT'), get: (r) => nanos(r.created_at) },
  { name: 'CANCELLED_AT', kind: 'date', field: sr('CANCELLED_AT'), get: (r) => nanos(r.cancelled_at) },
  { name: 'CLOSED_AT', kind: 'date', field: sr('CLOSED_AT'), get: (r) => nanos(r.closed_at) },
  { name: 'PURGED_AT', kind: 'date', field: sr('PURGED_AT'), get: (r) => nanos(r.purged_at) },
  { name: 'DELETED_AT', kind: 'date', field: sr('DELETED_AT'), get: (r) => nanos(r.deleted_at) },
  { name: 'DURATION', kind: 'duration', field: sr('DURATION'), get: (r) => nanos(r.duration) },
  { name: 'CLIENT_SUBMISSION', kind: 'boolean', field: sr('CLIENT_SUBMISSION'), get: (r) => r.client_submission },
  { name: 'WORKER_SUBMISSION', kind: 'boolean', field: sr('WORKER_SUBMISSION'), get: (r) => r.worker_submission },
  ...optionColumns<SessionRaw>('session', (r) => r.options),
];

const ts = taskField.summary;
// prettier-ignore
export const TASK_COLUMNS: Column<TaskSummary>[] = [
  { name: 'TASK_ID', kind: 'string', field: ts('TASK_ID'), get: (r) => r.id },
  { name: 'SESSION_ID', kind: 'string', field: ts('SESSION_ID'), get: (r) => r.session_id },
  { name: 'OWNER_POD_ID', kind: 'string', field: ts('OWNER_POD_ID'), get: (r) => r.owner_pod_id },
  { name: 'INITIAL_TASK_ID', kind: 'string', field: ts('INITIAL_TASK_ID'), get: (r) => r.initial_task_id },
  { name: 'CREATED_BY', kind: 'string', field: ts('CREATED_BY'), get: (r) => r.created_by },
  { name: 'POD_HOSTNAME', kind: 'string', field: ts('POD_HOSTNAME'), get: (r) => r.pod_hostname },
  { name: 'PAYLOAD_ID', kind: 'string', field: ts('PAYLOAD_ID'), get: (r) => r.payload_id },
  { name: 'ERROR', kind: 'string', field: ts('ERROR'), get: (r) => r.error },
  { name: 'STATUS', kind: 'status', field: ts('STATUS'), get: (r) => r.status },
  { name: 'CREATED_AT', kind: 'date', field: ts('CREATED_AT'), get: (r) => nanos(r.created_at) },
  { name: 'SUBMITTED_AT', kind: 'date', field: ts('SUBMITTED_AT'), get: (r) => nanos(r.submitted_at) },
  { name: 'RECEIVED_AT', kind: 'date', field: ts('RECEIVED_AT'), get: (r) => nanos(r.received_at) },
  { name: 'ACQUIRED_AT', kind: 'date', field: ts('ACQUIRED_AT'), get: (r) => nanos(r.acquired_at) },
  { name: 'FETCHED_AT', kind: 'date', field: ts('FETCHED_AT'), get: (r) => nanos(r.fetched_at) },
  { name: 'STARTED_AT', kind: 'date', field: ts('STARTED_AT'), get: (r) => nanos(r.started_at) },
  { name: 'PROCESSED_AT', kind: 'date', field: ts('PROCESSED_AT'), get: (r) => nanos(r.processed_at) },
  { name: 'ENDED_AT', kind: 'date', field: ts('ENDED_AT'), get: (r) => nanos(r.ended_at) },
  { name: 'POD_TTL', kind: 'date', field: ts('POD_TTL'), get: (r) => nanos(r.pod_ttl) },
  { name: 'CREATION_TO_END_DURATION', kind: 'duration', field: ts('CREATION_TO_END_DURATION'), get: (r) => nanos(r.creation_to_end_duration) },
  { name: 'PROCESSING_TO_END_DURATION', kind: 'duration', field: ts('PROCESSING_TO_END_DURATION'), get: (r) => nanos(r.processing_to_end_duration) },
  { name: 'RECEIVED_TO_END_DURATION', kind: 'duration', field: ts('RECEIVED_TO_END_DURATION'), get: (r) => nanos(r.received_to_end_duration) },
  ...optionColumns<TaskSummary>('task', (r) => r.options),
];

const rf = resultField;
// prettier-ignore
export const RESULT_COLUMNS: Column<ResultRaw>[] = [
  { name: 'SESSION_ID', kind: 'string', field: rf('SESSION_ID'), get: (r) => r.session_id },
  { name: 'NAME', kind: 'string', field: rf('NAME'), get: (r) => r.name },
  { name: 'OWNER_TASK_ID', kind: 'string', field: rf('OWNER_TASK_ID'), get: (r) => r.owner_task_id },
  { name: 'RESULT_ID', kind: 'string', field: rf('RESULT_ID'), get: (r) => r.result_id },
  { name: 'CREATED_BY', kind: 'string', field: rf('CREATED_BY'), get: (r) => r.created_by },
  { name: 'STATUS', kind: 'status', field: rf('STATUS'), get: (r) => r.status },
  { name: 'CREATED_AT', kind: 'date', field: rf('CREATED_AT'), get: (r) => nanos(r.created_at) },
  { name: 'COMPLETED_AT', kind: 'date', field: rf('COMPLETED_AT'), get: (r) => nanos(r.completed_at) },
  { name: 'SIZE', kind: 'number', field: rf('SIZE'), get: (r) => int(r.size) },
];

const pf = partitionField;
// prettier-ignore
export const PARTITION_COLUMNS: Column<PartitionRaw>[] = [
  { name: 'ID', kind: 'string', field: pf('ID'), get: (r) => r.id },
  { name: 'PARENT_PARTITION_IDS', kind: 'array', field: pf('PARENT_PARTITION_IDS'), get: (r) => r.parent_partition_ids },
  { name: 'POD_RESERVED', kind: 'number', field: pf('POD_RESERVED'), get: (r) => int(r.pod_reserved) },
  { name: 'POD_MAX', kind: 'number', field: pf('POD_MAX'), get: (r) => int(r.pod_max) },
  { name: 'PREEMPTION_PERCENTAGE', kind: 'number', field: pf('PREEMPTION_PERCENTAGE'), get: (r) => int(r.preemption_percentage) },
  { name: 'PRIORITY', kind: 'number', field: pf('PRIORITY'), get: (r) => int(r.priority) },
];

const af = applicationField;
// prettier-ignore
export const APPLICATION_COLUMNS: Column<ApplicationRaw>[] = [
  { name: 'NAME', kind: 'string', field: af('NAME'), get: (r) => r.name },
  { name: 'VERSION', kind: 'string', field: af('VERSION'), get: (r) => r.version },
  { name: 'NAMESPACE', kind: 'string', field: af('NAMESPACE'), get: (r) => r.namespace },
  { name: 'SERVICE', kind: 'string', field: af('SERVICE'), get: (r) => r.service },
];

// ---------------------------------------------------------------------------------------------
// Resources: one uniform way to list each of them
// ---------------------------------------------------------------------------------------------

export interface Listing<R> {
  rows: R[];
  total: number;
  page: number;
  page_size: number;
}

export interface Resource<R> {
  name: string;
  /** The List RPC, with the response's rows under one name. */
  list(clients: NativeClients, request: Msg): Promise<Listing<R>>;
  id(row: R): string;
  /** A `sort` message for `field` in `direction` (applications take a list of fields). */
  sort(field: Msg | Msg[], direction: string): Msg;
  idField: Msg;
  columns: Column<R>[];
}

const single = (field: Msg | Msg[], direction: string): Msg => ({
  field: Array.isArray(field) ? field[0] : field,
  direction,
});

export const SESSIONS: Resource<SessionRaw> = {
  name: 'sessions',
  async list(c, request) {
    const r = await c.sessions.ListSessions(request);
    return { rows: r.sessions, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.session_id,
  sort: single,
  idField: sessionField.raw('SESSION_ID'),
  columns: SESSION_COLUMNS,
};

export const TASKS: Resource<TaskSummary> = {
  name: 'tasks',
  async list(c, request) {
    const r = await c.tasks.ListTasks(request);
    return { rows: r.tasks, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.id,
  sort: single,
  idField: taskField.summary('TASK_ID'),
  columns: TASK_COLUMNS,
};

export const TASKS_DETAILED: Resource<TaskDetailed> = {
  name: 'tasks (detailed)',
  async list(c, request) {
    const r = await c.tasks.ListTasksDetailed(request);
    return { rows: r.tasks, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.id,
  sort: single,
  idField: taskField.summary('TASK_ID'),
  columns: [],
};

export const RESULTS: Resource<ResultRaw> = {
  name: 'results',
  async list(c, request) {
    const r = await c.results.ListResults(request);
    return { rows: r.results, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.result_id,
  sort: single,
  idField: resultField('RESULT_ID'),
  columns: RESULT_COLUMNS,
};

export const PARTITIONS: Resource<PartitionRaw> = {
  name: 'partitions',
  async list(c, request) {
    const r = await c.partitions.ListPartitions(request);
    return { rows: r.partitions, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: (r) => r.id,
  sort: single,
  idField: partitionField('ID'),
  columns: PARTITION_COLUMNS,
};

export const applicationKey = (a: ApplicationRaw) =>
  [a.name, a.version, a.namespace, a.service].join('\u0000');

export const APPLICATIONS: Resource<ApplicationRaw> = {
  name: 'applications',
  async list(c, request) {
    const r = await c.applications.ListApplications(request);
    return { rows: r.applications, total: r.total, page: r.page, page_size: r.page_size };
  },
  id: applicationKey,
  sort: (field, direction) => ({ fields: Array.isArray(field) ? field : [field], direction }),
  idField: applicationField('NAME'),
  columns: APPLICATION_COLUMNS,
};

/** Applications are identified by all four fields: sort on all of them. */
export const APPLICATION_ID_FIELDS = ['NAME', 'VERSION', 'NAMESPACE', 'SERVICE'].map(
  applicationField,
);

/** The control plane's default maximum page size (--max-page-size). */
export const ALL_ROWS = 10_000;

/** Every row matching `filters`, sorted by id ascending, read page by page at the maximum size. */
export async function listAll<R>(
  clients: NativeClients,
  resource: Resource<R>,
  filters: Msg = EMPTY_FILTERS,
): Promise<Listing<R>> {
  const idSort = resource === (APPLICATIONS as unknown) ? APPLICATION_ID_FIELDS : resource.idField;
  const rows: R[] = [];
  for (let page = 0; ; page++) {
    const listing = await resource.list(clients, {
      page,
      page_size: ALL_ROWS,
      filters,
      sort: resource.sort(idSort, SORT_ASC),
    });
    rows.push(...listing.rows);
    if (listing.rows.length < ALL_ROWS || rows.length >= listing.total)
      return { ...listing, rows, page: 0 };
  }
}

/** A valid list request for `resource` (everything present), to mutate in bad-input tests. */
export function validListRequest<R>(resource: Resource<R>): Msg {
  const idSort = resource === (APPLICATIONS as unknown) ? APPLICATION_ID_FIELDS : resource.idField;
  return { page: 0, page_size: 10, filters: EMPTY_FILTERS, sort: resource.sort(idSort, SORT_ASC) };
}

/** Filter on one session / task field by string equality (the console's drill-down filter). */
export const bySession = {
  tasks: (sessionId: string) =>
    filtersOf([condition(taskField.summary('SESSION_ID'), 'string', 'EQUAL', sessionId)]),
  results: (sessionId: string) =>
    filtersOf([condition(resultField('SESSION_ID'), 'string', 'EQUAL', sessionId)]),
  sessions: (sessionId: string) =>
    filtersOf([condition(sessionField.raw('SESSION_ID'), 'string', 'EQUAL', sessionId)]),
};

export const TASK_FINAL_STATUSES = [
  'TASK_STATUS_COMPLETED',
  'TASK_STATUS_CANCELLED',
  'TASK_STATUS_ERROR',
  'TASK_STATUS_RETRIED',
  'TASK_STATUS_TIMEOUT',
];
export const isTaskFinal = (status: string) => TASK_FINAL_STATUSES.includes(status);

/** Wire values of the status enums (sorting on a status column orders by these numbers). */
export const STATUS_NUMBERS: Record<string, number> = {
  SESSION_STATUS_UNSPECIFIED: 0,
  SESSION_STATUS_RUNNING: 1,
  SESSION_STATUS_CANCELLED: 2,
  SESSION_STATUS_PAUSED: 3,
  SESSION_STATUS_CLOSED: 4,
  SESSION_STATUS_PURGED: 5,
  SESSION_STATUS_DELETED: 6,
  TASK_STATUS_UNSPECIFIED: 0,
  TASK_STATUS_CREATING: 1,
  TASK_STATUS_SUBMITTED: 2,
  TASK_STATUS_DISPATCHED: 3,
  TASK_STATUS_COMPLETED: 4,
  TASK_STATUS_ERROR: 5,
  TASK_STATUS_TIMEOUT: 6,
  TASK_STATUS_CANCELLING: 7,
  TASK_STATUS_CANCELLED: 8,
  TASK_STATUS_PROCESSING: 9,
  TASK_STATUS_PROCESSED: 10,
  TASK_STATUS_RETRIED: 11,
  TASK_STATUS_PENDING: 12,
  TASK_STATUS_PAUSED: 13,
  RESULT_STATUS_UNSPECIFIED: 0,
  RESULT_STATUS_CREATED: 1,
  RESULT_STATUS_COMPLETED: 2,
  RESULT_STATUS_ABORTED: 3,
  RESULT_STATUS_DELETED: 4,
  RESULT_STATUS_NOTFOUND: 127,
};

/** Sort key of a column value: statuses by wire number, booleans false < true. */
export function sortKey(kind: Kind, value: Value): bigint | string | number | null {
  if (value === null) return null;
  switch (kind) {
    case 'status':
      return STATUS_NUMBERS[value as string] ?? -1;
    case 'boolean':
      return value ? 1 : 0;
    case 'array':
      return (value as string[]).join(',');
    default:
      return value as bigint | string;
  }
}

/** Plain code-unit / numeric comparison (no locale collation). */
export function compare(a: bigint | string | number, b: bigint | string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted distinct non-null values of a column. */
export function distinctValues<R>(rows: R[], column: Column<R>): Value[] {
  const seen = new Map<string, Value>();
  for (const row of rows) {
    const v = column.get(row);
    if (v === null) continue;
    seen.set(Array.isArray(v) ? v.join(',') : String(v), v);
  }
  return [...seen.values()].sort((a, b) =>
    compare(sortKey(column.kind, a) as string, sortKey(column.kind, b) as string),
  );
}

/** The most frequent non-empty value of a column (ties: first in sorted order). */
export function mostFrequent<R>(rows: R[], get: (row: R) => Value): Value {
  const counts = new Map<string, { value: Value; count: number }>();
  for (const row of rows) {
    const values = ((): Value[] => {
      const v = get(row);
      return Array.isArray(v) ? v : [v];
    })();
    for (const v of values) {
      if (v === null || v === '') continue;
      const key = String(v);
      const entry = counts.get(key) ?? { value: v, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const entries = [...counts.entries()].sort(
    ([ka, a], [kb, b]) => b.count - a.count || compare(ka, kb),
  );
  return entries.length ? entries[0][1].value : null;
}

/** Swaps the case of every letter: 'Abc-1' → 'aBC-1'. */
export function swapCase(text: string): string {
  return [...text]
    .map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()))
    .join('');
}

/** Counts by status of a list of rows, zero counts omitted (CountTasksByStatus reference). */
export function countByStatus(statuses: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

export function toCountMap(counts: StatusCount[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of counts) out[c.status] = c.count;
  return out;
}

// ---------------------------------------------------------------------------------------------
// gRPC-web by hand (framing, base64 text form, trailers)
// ---------------------------------------------------------------------------------------------

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
    const flag = body[offset];
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

// ---------------------------------------------------------------------------------------------
// Raw HTTP/2 (bad bytes that no gRPC client would send)
// ---------------------------------------------------------------------------------------------

export interface RawReply {
  httpStatus: number;
  grpcStatus: number | null;
  grpcMessage: string;
  body: Buffer;
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
    request.on('trailers', (t) => (trailers = t));
    request.on('data', (d: Buffer) => chunks.push(d));
    request.on('error', (error) => {
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
      });
    });
    request.end(Buffer.from(body));
  });
}
