import { TASKS_CLIENT } from '../api/clients/tasks.client';
import type { TaskSummary } from '../../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import { TaskSummaryEnumField as F } from '../../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import { columnKit } from '../grid/column-kit';
import type { ResourceDefinition } from '../grid/model/definition';
import { listVia } from '../grid/list-request';
import { TASK_IDENTITY_COLUMNS, TASK_OPTION_COLUMNS, TASK_TIME_COLUMNS } from './task-columns';
import { taskOptionCustom } from './task-option-columns';

const summary = columnKit<TaskSummary>('taskSummaryField', 'raw', 'tasks.columns');

/** The tasks grid: every `TaskSummary` field, the task options and custom option keys. */
export const TASKS: ResourceDefinition<TaskSummary> = {
  id: 'tasks',
  labels: {
    title: 'tasks.title',
    selectRow: 'tasks.selectRow',
    selectPage: 'tasks.selectPage',
    rowActions: 'tasks.rowActions',
    emptyFiltered: 'tasks.emptyFiltered',
    empty: 'tasks.empty',
    loadError: 'tasks.loadError',
    count: 'tasks.count',
    origins: {
      raw: 'tasks.origins.raw',
      options: 'tasks.origins.options',
      custom: 'tasks.origins.custom',
    },
  },
  rowId: (task) => task.id,
  changeKey: (task) => String(task.status),
  columns: [
    ...TASK_IDENTITY_COLUMNS,
    ...TASK_TIME_COLUMNS,
    summary.number('countParentTaskIds', undefined, (t) => t.countParentTaskIds),
    summary.number('countDataDependencies', undefined, (t) => t.countDataDependencies),
    summary.number('countExpectedOutputIds', undefined, (t) => t.countExpectedOutputIds),
    summary.number('countRetryOfIds', undefined, (t) => t.countRetryOfIds),
    summary.string('error', F.ERROR, (t) => t.error),
    ...TASK_OPTION_COLUMNS,
  ],
  defaultColumns: ['id', 'sessionId', 'status', 'createdAt', 'processingToEndDuration', 'error'],
  defaultSort: { column: 'createdAt', direction: 'desc' },
  list: listVia(TASKS_CLIENT, 'listTasks', 'tasks', { withErrors: true }),
  custom: taskOptionCustom((task) => task.options),
  quick: {
    search: { column: 'id', label: 'tasks.search' },
    status: {
      column: 'status',
      label: 'tasks.quickStatus',
      keys: ['submitted', 'processing', 'completed', 'error', 'cancelled'],
    },
  },
  pinned: ['id', 'status'],
};
