import {
  ApplicationRaw,
  Msg,
  PartitionRaw,
  ResultRaw,
  SessionRaw,
  TaskOptions,
  TaskSummary,
} from './messages';
import { nanos, toTimestamp } from './time';

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
