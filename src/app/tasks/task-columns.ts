import type {
  TaskDetailed,
  TaskSummary,
} from '../../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import { TaskSummaryEnumField as F } from '../../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import { columnKit, pageOf } from '../grid/column-kit';
import type { ColumnDef } from '../grid/model/definition';
import { taskOptionColumns } from './task-option-columns';
import { TASK_STATUSES } from './task-status';

/** The fields `TaskSummary` (listed) and `TaskDetailed` (one task) share, with the same types. */
export type TaskCommon = Pick<
  TaskSummary,
  | 'id'
  | 'sessionId'
  | 'ownerPodId'
  | 'initialTaskId'
  | 'status'
  | 'statusMessage'
  | 'options'
  | 'createdAt'
  | 'submittedAt'
  | 'receivedAt'
  | 'acquiredAt'
  | 'fetchedAt'
  | 'startedAt'
  | 'processedAt'
  | 'endedAt'
  | 'podTtl'
  | 'creationToEndDuration'
  | 'processingToEndDuration'
  | 'receivedToEndDuration'
  | 'podHostname'
  | 'payloadId'
  | 'createdBy'
>;

// TaskDetailed carries every common field with the same type (checked here at compile time).
const _detailedIsCommon = (task: TaskDetailed): TaskCommon => task;

export const taskColumns = columnKit<TaskCommon>('taskSummaryField', 'raw', 'tasks.columns');
export const toTask = pageOf('/tasks');
export const toResult = pageOf('/results');
const raw = taskColumns;

/** The identity and life of a task: what the grid and the inspection page both show. */
export const TASK_IDENTITY_COLUMNS: readonly ColumnDef<TaskCommon>[] = [
  raw.link('id', F.TASK_ID, (t) => t.id, toTask),
  raw.link('sessionId', F.SESSION_ID, (t) => t.sessionId, pageOf('/sessions')),
  raw.status('status', F.STATUS, (t) => t.status, TASK_STATUSES),
  raw.string('statusMessage', undefined, (t) => t.statusMessage),
  raw.link('initialTaskId', F.INITIAL_TASK_ID, (t) => t.initialTaskId, toTask),
  raw.link('createdBy', F.CREATED_BY, (t) => t.createdBy, toTask),
  raw.string('ownerPodId', F.OWNER_POD_ID, (t) => t.ownerPodId),
  raw.string('podHostname', F.POD_HOSTNAME, (t) => t.podHostname),
  raw.link('payloadId', F.PAYLOAD_ID, (t) => t.payloadId, toResult),
];

/** Every timestamp of a task, in the order of its life. */
export const TASK_TIME_COLUMNS: readonly ColumnDef<TaskCommon>[] = [
  raw.date('createdAt', F.CREATED_AT, (t) => t.createdAt),
  raw.date('submittedAt', F.SUBMITTED_AT, (t) => t.submittedAt),
  raw.date('receivedAt', F.RECEIVED_AT, (t) => t.receivedAt),
  raw.date('acquiredAt', F.ACQUIRED_AT, (t) => t.acquiredAt),
  raw.date('fetchedAt', F.FETCHED_AT, (t) => t.fetchedAt),
  raw.date('startedAt', F.STARTED_AT, (t) => t.startedAt),
  raw.date('processedAt', F.PROCESSED_AT, (t) => t.processedAt),
  raw.date('endedAt', F.ENDED_AT, (t) => t.endedAt),
  raw.date('podTtl', F.POD_TTL, (t) => t.podTtl),
  raw.duration('creationToEndDuration', F.CREATION_TO_END_DURATION, (t) => t.creationToEndDuration),
  raw.duration(
    'processingToEndDuration',
    F.PROCESSING_TO_END_DURATION,
    (t) => t.processingToEndDuration,
  ),
  raw.duration('receivedToEndDuration', F.RECEIVED_TO_END_DURATION, (t) => t.receivedToEndDuration),
];

export const TASK_OPTION_COLUMNS: readonly ColumnDef<TaskCommon>[] = taskOptionColumns<TaskCommon>(
  (task) => task.options,
);
