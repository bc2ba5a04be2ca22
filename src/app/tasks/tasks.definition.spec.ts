import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';

import { TaskStatus } from '../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import {
  ListTasksRequestSchema,
  TaskSummarySchema,
} from '../../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import {
  TaskOptionEnumField as O,
  TaskSummaryEnumField as F,
} from '../../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import { expectListRequestsEncode } from '../../testing/definition-contract.spec-helper';
import { customColumn, resolveColumn } from '../grid/model/columns';
import { TASKS } from './tasks.definition';
import { defined } from '../../testing/defined';

const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);
const at = (seconds: number) => timestampFromMs(T0 + seconds * 1000);

const task = create(TaskSummarySchema, {
  id: 'task-1',
  sessionId: 'session-1',
  ownerPodId: 'pod-1',
  initialTaskId: 'task-0',
  status: TaskStatus.ERROR,
  statusMessage: 'worker crashed',
  createdAt: at(0),
  submittedAt: at(1),
  receivedAt: at(2),
  acquiredAt: at(3),
  fetchedAt: at(4),
  startedAt: at(5),
  processedAt: at(6),
  endedAt: at(7),
  podTtl: at(600),
  creationToEndDuration: { seconds: 7n },
  processingToEndDuration: { seconds: 2n, nanos: 500_000_000 },
  receivedToEndDuration: { seconds: 5n },
  podHostname: 'host-1',
  payloadId: 'payload-1',
  createdBy: 'task-parent',
  countParentTaskIds: 1n,
  countDataDependencies: 2n,
  countExpectedOutputIds: 3n,
  countRetryOfIds: 4n,
  error: 'boom',
  options: {
    maxDuration: { seconds: 3600n },
    maxRetries: 3,
    priority: 2,
    partitionId: 'gpu',
    applicationName: 'pricer',
    applicationVersion: '1.2',
    applicationNamespace: 'risk',
    applicationService: 'svc',
    engineType: 'unified',
    options: { team: 'desk-a' },
  },
});

const summary = (field: F) => ({ case: 'taskSummaryField', value: { field } });
const option = (field: O) => ({ case: 'taskOptionField', value: { field } });

describe('tasks definition ↔ TaskSummary', () => {
  // [column, server field (undefined: neither sorted nor filtered), filter type, value shown]
  it.each([
    ['id', summary(F.TASK_ID), 'string', 'task-1'],
    ['sessionId', summary(F.SESSION_ID), 'string', 'session-1'],
    ['status', summary(F.STATUS), 'status', TaskStatus.ERROR],
    ['statusMessage', undefined, undefined, 'worker crashed'],
    ['initialTaskId', summary(F.INITIAL_TASK_ID), 'string', 'task-0'],
    ['createdBy', summary(F.CREATED_BY), 'string', 'task-parent'],
    ['ownerPodId', summary(F.OWNER_POD_ID), 'string', 'pod-1'],
    ['podHostname', summary(F.POD_HOSTNAME), 'string', 'host-1'],
    ['payloadId', summary(F.PAYLOAD_ID), 'string', 'payload-1'],
    ['createdAt', summary(F.CREATED_AT), 'date', T0],
    ['submittedAt', summary(F.SUBMITTED_AT), 'date', T0 + 1000],
    ['receivedAt', summary(F.RECEIVED_AT), 'date', T0 + 2000],
    ['acquiredAt', summary(F.ACQUIRED_AT), 'date', T0 + 3000],
    ['fetchedAt', summary(F.FETCHED_AT), 'date', T0 + 4000],
    ['startedAt', summary(F.STARTED_AT), 'date', T0 + 5000],
    ['processedAt', summary(F.PROCESSED_AT), 'date', T0 + 6000],
    ['endedAt', summary(F.ENDED_AT), 'date', T0 + 7000],
    ['podTtl', summary(F.POD_TTL), 'date', T0 + 600_000],
    ['creationToEndDuration', summary(F.CREATION_TO_END_DURATION), 'duration', 7000],
    ['processingToEndDuration', summary(F.PROCESSING_TO_END_DURATION), 'duration', 2500],
    ['receivedToEndDuration', summary(F.RECEIVED_TO_END_DURATION), 'duration', 5000],
    ['countParentTaskIds', undefined, undefined, 1],
    ['countDataDependencies', undefined, undefined, 2],
    ['countExpectedOutputIds', undefined, undefined, 3],
    ['countRetryOfIds', undefined, undefined, 4],
    ['error', summary(F.ERROR), 'string', 'boom'],
    ['maxDuration', option(O.MAX_DURATION), 'duration', 3_600_000],
    ['maxRetries', option(O.MAX_RETRIES), 'number', 3],
    ['priority', option(O.PRIORITY), 'number', 2],
    ['partitionId', option(O.PARTITION_ID), 'string', 'gpu'],
    ['applicationName', option(O.APPLICATION_NAME), 'string', 'pricer'],
    ['applicationVersion', option(O.APPLICATION_VERSION), 'string', '1.2'],
    ['applicationNamespace', option(O.APPLICATION_NAMESPACE), 'string', 'risk'],
    ['applicationService', option(O.APPLICATION_SERVICE), 'string', 'svc'],
    ['engineType', option(O.ENGINE_TYPE), 'string', 'unified'],
    ['customData', undefined, undefined, { team: 'desk-a' }],
  ])('%s', (key, field, filter, value) => {
    const column = defined(resolveColumn(TASKS, key), `column ${key}`);
    expect(column).toBeDefined();
    expect(column.field).toEqual(field);
    expect(column.filter).toBe(filter);
    expect(column.sortable ?? false).toBe(field !== undefined);
    expect(column.value(task, 0)).toEqual(value);
  });

  it('shows every TaskSummary field and every task option', () => {
    const keys = TASKS.columns.map((column) => column.key);
    expect(new Set(keys).size).toBe(keys.length);
    // 27 TaskSummary fields: options is split into its own columns below.
    expect(keys).toHaveLength(26 + 11);
  });

  it('links ids to their pages', () => {
    expect(resolveColumn(TASKS, 'sessionId')?.link?.(task)).toEqual({
      commands: ['/sessions', 'session-1'],
    });
    expect(resolveColumn(TASKS, 'payloadId')?.link?.(task)).toEqual({
      commands: ['/results', 'payload-1'],
    });
    expect(resolveColumn(TASKS, 'partitionId')?.link?.(task)).toEqual({
      commands: ['/partitions', 'gpu'],
    });
  });

  it('custom columns read and filter options.options keys', () => {
    const column = defined(customColumn(TASKS, 'team'), 'the team column');
    expect(column.value(task, 0)).toBe('desk-a');
    expect(column.field).toEqual({ case: 'taskOptionGenericField', value: { field: 'team' } });
    expect(TASKS.custom?.keys(task)).toEqual(['team']);
  });

  it('defaults to the columns the issue names', () => {
    expect(TASKS.defaultColumns).toEqual([
      'id',
      'sessionId',
      'status',
      'createdAt',
      'processingToEndDuration',
      'error',
    ]);
  });

  it('every filter and sort encodes as a ListTasksRequest', () => {
    expectListRequestsEncode(TASKS, ListTasksRequestSchema);
  });
});
