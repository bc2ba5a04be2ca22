import { TaskSummaryEnumField } from '../../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import type { Cluster } from '../../store/cluster';
import { IdKind } from '../../store/ids';
import type { CompactColumn } from '../../store/compact-column';
import { type FieldSpec, FieldTable } from '../field-spec';
import { perCluster } from './per-cluster';
import { genericOptionColumn, taskOptionColumns } from './task-option-fields';

/** Rows are task rows of the columnar store. Built once per cluster. */
export const taskFields = perCluster(buildTaskFields);

function buildTaskFields(cluster: Cluster): FieldTable {
  const { tasks, ids } = cluster;
  const optionsOf = (row: number) => cluster.options.get(tasks.options[row]!);
  const date = (label: string, column: CompactColumn): FieldSpec => ({
    label,
    kind: 'date',
    get: (row) => column.get(row),
  });
  const span = (label: string, from: CompactColumn): FieldSpec => ({
    label,
    kind: 'duration',
    get: (row) => tasks.endedAt.get(row) - from.get(row),
  });
  const pod = (row: number) => cluster.pods[tasks.pod[row]!];
  const idKey = (row: number) => ids.key(IdKind.Task, row);
  const decodeTask = (id: string) => ids.decode(id, IdKind.Task);
  const encodeTask = (target: number, out: Uint8Array) => ids.encodeInto(IdKind.Task, target, out);
  const taskId = (label: string, rowOf: (row: number) => number): FieldSpec => ({
    label,
    kind: 'string',
    idRef: { rowOf, decode: decodeTask, encodeInto: encodeTask },
    get: (row) => cluster.taskId(rowOf(row)),
    sortKey: (row) => {
      const target = rowOf(row);
      return target < 0 ? -1 : ids.key(IdKind.Task, target);
    },
  });
  return new FieldTable({
    resource: 'task',
    idKey,
    enums: {
      taskSummaryField: {
        names: TaskSummaryEnumField,
        columns: {
          [TaskSummaryEnumField.TASK_ID]: { ...taskId('TASK_ID', (row) => row), index: 'self' },
          [TaskSummaryEnumField.SESSION_ID]: {
            label: 'SESSION_ID',
            kind: 'string',
            index: 'session',
            idRef: {
              rowOf: (row) => tasks.session[row]!,
              decode: (id) => ids.decode(id, IdKind.Session),
            },
            get: (row) => cluster.taskSessionId(row),
            sortKey: (row) => ids.key(IdKind.Session, tasks.session[row]!),
          },
          [TaskSummaryEnumField.STATUS]: {
            label: 'STATUS',
            kind: 'status',
            get: (row) => tasks.status[row]!,
          },
          [TaskSummaryEnumField.CREATED_AT]: date('CREATED_AT', tasks.createdAt),
          [TaskSummaryEnumField.SUBMITTED_AT]: date('SUBMITTED_AT', tasks.submittedAt),
          [TaskSummaryEnumField.RECEIVED_AT]: date('RECEIVED_AT', tasks.receivedAt),
          [TaskSummaryEnumField.ACQUIRED_AT]: date('ACQUIRED_AT', tasks.acquiredAt),
          [TaskSummaryEnumField.FETCHED_AT]: date('FETCHED_AT', tasks.fetchedAt),
          [TaskSummaryEnumField.STARTED_AT]: date('STARTED_AT', tasks.startedAt),
          [TaskSummaryEnumField.PROCESSED_AT]: date('PROCESSED_AT', tasks.processedAt),
          [TaskSummaryEnumField.ENDED_AT]: date('ENDED_AT', tasks.endedAt),
          [TaskSummaryEnumField.POD_TTL]: date('POD_TTL', tasks.podTtl),
          [TaskSummaryEnumField.CREATION_TO_END_DURATION]: span(
            'CREATION_TO_END_DURATION',
            tasks.createdAt,
          ),
          [TaskSummaryEnumField.PROCESSING_TO_END_DURATION]: span(
            'PROCESSING_TO_END_DURATION',
            tasks.startedAt,
          ),
          [TaskSummaryEnumField.RECEIVED_TO_END_DURATION]: span(
            'RECEIVED_TO_END_DURATION',
            tasks.receivedAt,
          ),
          [TaskSummaryEnumField.ERROR]: {
            label: 'ERROR',
            kind: 'string',
            get: (row) => cluster.messages.get(tasks.message[row]!),
          },
          [TaskSummaryEnumField.OWNER_POD_ID]: {
            label: 'OWNER_POD_ID',
            kind: 'string',
            get: (row) => pod(row)?.ownerPodId ?? '',
          },
          [TaskSummaryEnumField.POD_HOSTNAME]: {
            label: 'POD_HOSTNAME',
            kind: 'string',
            get: (row) => pod(row)?.hostname ?? '',
          },
          [TaskSummaryEnumField.INITIAL_TASK_ID]: taskId('INITIAL_TASK_ID', (row) =>
            tasks.initialOf(row),
          ),
          [TaskSummaryEnumField.CREATED_BY]: taskId('CREATED_BY', (row) => tasks.parent[row]!),
          [TaskSummaryEnumField.PAYLOAD_ID]: {
            label: 'PAYLOAD_ID',
            kind: 'string',
            get: (row) => cluster.payloadId(row),
            sortKey: (row) => ids.key(IdKind.Payload, row),
          },
        },
      },
      taskOptionField: taskOptionColumns(optionsOf),
    },
    generic: { member: 'taskOptionGenericField', column: genericOptionColumn(optionsOf) },
  });
}
