import { ApplicationRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/applications_fields_pb';
import { PartitionRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/partitions_fields_pb';
import { ResultRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/results_fields_pb';
import {
  SessionRawEnumField,
  TaskOptionEnumField,
} from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { TaskSummaryEnumField } from '../../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import { ResultStatus } from '../../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { TaskStatus } from '../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { seedCluster } from '../../seed/seed';
import { Cluster } from '../../store/cluster';
import type { FieldTable, ValueKind } from '../field-spec';
import { applicationFields } from './application-fields';
import { partitionFields } from './partition-fields';
import { resultFields } from './result-fields';
import { sessionFields } from './session-fields';
import { taskFields } from './task-fields';

const cluster = new Cluster(5, () => 1_800_000_000_000);
const taskColumn = (table: FieldTable, field: TaskSummaryEnumField) =>
  table.resolve({ field: { case: 'taskSummaryField', value: { field } } }, 't');
seedCluster(cluster, { sessions: 30, tasks: 600, now: 1_800_000_000_000 });

/** Every column of every resource, with the kind (hence the leaf filter) the API tables give it. */
const EXPECTED: [string, FieldTable, string, Record<number, string>, Record<string, ValueKind>][] =
  [
    [
      'sessions',
      sessionFields(cluster, cluster.clock()),
      'sessionRawField',
      SessionRawEnumField,
      {
        SESSION_ID: 'string',
        STATUS: 'status',
        PARTITION_IDS: 'array',
        OPTIONS: 'opaque',
        CREATED_AT: 'date',
        CANCELLED_AT: 'date',
        DURATION: 'duration',
        CLOSED_AT: 'date',
        PURGED_AT: 'date',
        DELETED_AT: 'date',
        WORKER_SUBMISSION: 'boolean',
        CLIENT_SUBMISSION: 'boolean',
      },
    ],
    [
      'tasks',
      taskFields(cluster),
      'taskSummaryField',
      TaskSummaryEnumField,
      {
        SESSION_ID: 'string',
        STATUS: 'status',
        CREATED_AT: 'date',
        STARTED_AT: 'date',
        ENDED_AT: 'date',
        CREATION_TO_END_DURATION: 'duration',
        PROCESSING_TO_END_DURATION: 'duration',
        ERROR: 'string',
        OWNER_POD_ID: 'string',
        INITIAL_TASK_ID: 'string',
        SUBMITTED_AT: 'date',
        POD_TTL: 'date',
        POD_HOSTNAME: 'string',
        RECEIVED_AT: 'date',
        ACQUIRED_AT: 'date',
        TASK_ID: 'string',
        PROCESSED_AT: 'date',
        RECEIVED_TO_END_DURATION: 'duration',
        FETCHED_AT: 'date',
        PAYLOAD_ID: 'string',
        CREATED_BY: 'string',
      },
    ],
    [
      'results',
      resultFields(cluster),
      'resultRawField',
      ResultRawEnumField,
      {
        SESSION_ID: 'string',
        NAME: 'string',
        OWNER_TASK_ID: 'string',
        STATUS: 'status',
        CREATED_AT: 'date',
        COMPLETED_AT: 'date',
        RESULT_ID: 'string',
        SIZE: 'number',
        CREATED_BY: 'string',
        OPAQUE_ID: 'string',
        MANUAL_DELETION: 'boolean',
      },
    ],
    [
      'partitions',
      partitionFields([...cluster.partitions.values()]),
      'partitionRawField',
      PartitionRawEnumField,
      {
        ID: 'string',
        PARENT_PARTITION_IDS: 'array',
        POD_RESERVED: 'number',
        POD_MAX: 'number',
        PREEMPTION_PERCENTAGE: 'number',
        PRIORITY: 'number',
      },
    ],
    [
      'applications',
      applicationFields(cluster.options.applications()),
      'applicationField',
      ApplicationRawEnumField,
      {
        NAME: 'string',
        VERSION: 'string',
        NAMESPACE: 'string',
        SERVICE: 'string',
      },
    ],
  ];

const OPTION_KINDS: Record<string, ValueKind> = {
  MAX_DURATION: 'duration',
  MAX_RETRIES: 'number',
  PRIORITY: 'number',
  PARTITION_ID: 'string',
  APPLICATION_NAME: 'string',
  APPLICATION_VERSION: 'string',
  APPLICATION_NAMESPACE: 'string',
  APPLICATION_SERVICE: 'string',
  ENGINE_TYPE: 'string',
};

describe.each(EXPECTED)('%s field table', (_, table, member, enumObject, kinds) => {
  const values = (Object.values(enumObject) as unknown[]).filter(
    (v): v is number => typeof v === 'number' && v !== 0,
  );
  it('covers every column of the enum with the right kind', () => {
    const got = Object.fromEntries(
      values.map((v) => [
        enumObject[v]!,
        table.resolve({ field: { case: member, value: { field: v } } }, 'test').kind,
      ]),
    );
    expect(got).toEqual(kinds);
  });
  it('refuses UNSPECIFIED', () => {
    expect(() => table.resolve({ field: { case: member, value: { field: 0 } } }, 'test')).toThrow(
      /cannot be used/,
    );
  });
});

describe.each([
  ['sessions', sessionFields(cluster, cluster.clock())],
  ['tasks', taskFields(cluster)],
])('%s task-option columns', (_, table) => {
  it('covers every TaskOptionEnumField and any generic key', () => {
    const values = Object.values(TaskOptionEnumField).filter(
      (v): v is TaskOptionEnumField => typeof v === 'number' && v !== 0,
    );
    const got = Object.fromEntries(
      values.map((v) => [
        TaskOptionEnumField[v]!,
        table.resolve({ field: { case: 'taskOptionField', value: { field: v } } }, 't').kind,
      ]),
    );
    expect(got).toEqual(OPTION_KINDS);
    expect(
      table.resolve({ field: { case: 'taskOptionGenericField', value: { field: 'team' } } }, 't')
        .kind,
    ).toBe('string');
  });
});

describe('column values come from the store', () => {
  it('task SESSION_ID and TASK_ID are the ids the API returns, and pin indexes', () => {
    const tasks = taskFields(cluster);
    const session = [...cluster.sessions.all()].find(
      (s) => cluster.sessions.taskRows.count(s.index) > 0,
    )!;
    const row = cluster.sessions.taskRows.first(session.index);
    const sessionCol = taskColumn(tasks, TaskSummaryEnumField.SESSION_ID);
    const idCol = taskColumn(tasks, TaskSummaryEnumField.TASK_ID);
    expect(sessionCol.kind === 'string' && sessionCol.get(row)).toBe(session.id);
    expect(idCol.kind === 'string' && idCol.get(row)).toBe(cluster.taskId(row));
    expect([sessionCol.index, idCol.index]).toEqual(['session', 'self']);
  });
  it('session generic option keys read TaskOptions.options, missing keys as ""', () => {
    const sessions = sessionFields(cluster, cluster.clock());
    const team = sessions.resolve(
      { field: { case: 'taskOptionGenericField', value: { field: 'team' } } },
      't',
    );
    const nope = sessions.resolve(
      { field: { case: 'taskOptionGenericField', value: { field: 'no-such-key' } } },
      't',
    );
    const first = [...cluster.sessions.all()][0]!;
    expect(team.kind === 'string' && team.get(first.index)).toBe(
      cluster.options.get(first.options).options['team'],
    );
    expect(nope.kind === 'string' && nope.get(first.index)).toBe('');
  });
});

describe('the task and result tables are built once per cluster', () => {
  it('a table built before the store grows reads the rows added after it', () => {
    const small = new Cluster(7, () => 1_800_000_000_000);
    seedCluster(small, { sessions: 2, tasks: 4, now: 1_800_000_000_000 });
    const tasks = taskFields(small);
    const results = resultFields(small);
    const session = [...small.sessions.all()][0]!;
    // Far past the seeded capacity: every typed column is replaced by a larger one.
    let task = -1;
    let result = -1;
    for (let i = 0; i < 20_000; i++) {
      task = small.allocateTask(session, 0, TaskStatus.PROCESSING);
      result = small.allocateResult(session, ResultStatus.COMPLETED, `r${i}`, 1_800_000_000_000);
    }
    expect(taskFields(small)).toBe(tasks);
    expect(resultFields(small)).toBe(results);
    const taskStatus = taskColumn(tasks, TaskSummaryEnumField.STATUS);
    const taskSession = taskColumn(tasks, TaskSummaryEnumField.SESSION_ID);
    const resultStatus = results.resolve(
      { field: { case: 'resultRawField', value: { field: ResultRawEnumField.STATUS } } },
      't',
    );
    expect(taskStatus.get(task)).toBe(TaskStatus.PROCESSING);
    expect(taskSession.get(task)).toBe(session.id);
    expect(resultStatus.get(result)).toBe(ResultStatus.COMPLETED);
  });
});
