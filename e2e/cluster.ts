import { createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-node';

import {
  FilterStatusOperator,
  FilterStringOperator,
} from '../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import { Results } from '../proto/gen/armonik/api/grpc/v1/results_service_pb';
import type { SessionRaw } from '../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { SessionRawEnumField } from '../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import { Sessions } from '../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { SortDirection } from '../proto/gen/armonik/api/grpc/v1/sort_direction_pb';
import type { TaskSummary } from '../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import { TaskSummaryEnumField } from '../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import { TaskStatus } from '../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { Tasks } from '../proto/gen/armonik/api/grpc/v1/tasks_service_pb';

/**
 * The journeys' own view of the cluster: clients over gRPC-web (as another client would connect)
 * to pick what a test acts on and to check what the cluster holds afterwards, never the screen.
 */
export function clusterClients(baseUrl: string | undefined) {
  if (!baseUrl) throw new Error('no baseURL: the journeys run against a started control plane');
  const transport = createGrpcWebTransport({ baseUrl, httpVersion: '1.1' });
  return {
    sessions: createClient(Sessions, transport),
    tasks: createClient(Tasks, transport),
    results: createClient(Results, transport),
  };
}

export type ClusterClients = ReturnType<typeof clusterClients>;

/** One AND-group of conditions, as the list and count calls take them. */
function where<C>(...conditions: C[]) {
  return { or: [{ and: conditions }] };
}

const sessionField = (field: SessionRawEnumField) => ({
  field: { case: 'sessionRawField' as const, value: { field } },
});
const taskField = (field: TaskSummaryEnumField) => ({
  field: { case: 'taskSummaryField' as const, value: { field } },
});

export const sessionStatusIs = (status: SessionStatus) => ({
  field: sessionField(SessionRawEnumField.STATUS),
  valueCondition: {
    case: 'filterStatus' as const,
    value: { value: status, operator: FilterStatusOperator.EQUAL },
  },
});

export const taskStatusIs = (status: TaskStatus) => ({
  field: taskField(TaskSummaryEnumField.STATUS),
  valueCondition: {
    case: 'filterStatus' as const,
    value: { value: status, operator: FilterStatusOperator.EQUAL },
  },
});

/** A task string column equal to `value` (SESSION_ID: the tasks of one session). */
export const taskStringIs = (field: TaskSummaryEnumField, value: string) => ({
  field: taskField(field),
  valueCondition: {
    case: 'filterString' as const,
    value: { value, operator: FilterStringOperator.EQUAL },
  },
});

/** Filters for the tasks of one session. */
export const tasksOfSession = (sessionId: string) =>
  where(taskStringIs(TaskSummaryEnumField.SESSION_ID, sessionId));

/** Filters for the sessions in one status. */
export const sessionsInStatus = (status: SessionStatus) => where(sessionStatusIs(status));

/** The orders journeys pick sessions in: the newest first, or by id (stable across runs). */
export const SESSION_ORDER = {
  newest: { field: sessionField(SessionRawEnumField.CREATED_AT), direction: SortDirection.DESC },
  oldest: { field: sessionField(SessionRawEnumField.CREATED_AT), direction: SortDirection.ASC },
  byId: { field: sessionField(SessionRawEnumField.SESSION_ID), direction: SortDirection.ASC },
} as const;

/** Up to `pageSize` sessions in `status`, in `order`. */
export async function sessionsIn(
  api: Pick<ClusterClients, 'sessions'>,
  status: SessionStatus,
  order: keyof typeof SESSION_ORDER,
  pageSize: number,
): Promise<SessionRaw[]> {
  const { sessions } = await api.sessions.listSessions({
    page: 0,
    pageSize,
    filters: sessionsInStatus(status),
    sort: SESSION_ORDER[order],
  });
  return sessions;
}

/** Up to `pageSize` tasks in `status`, the newest first. */
export async function tasksIn(
  api: Pick<ClusterClients, 'tasks'>,
  status: TaskStatus,
  pageSize: number,
): Promise<TaskSummary[]> {
  const { tasks } = await api.tasks.listTasks({
    page: 0,
    pageSize,
    filters: where(taskStatusIs(status)),
    sort: {
      field: taskField(TaskSummaryEnumField.CREATED_AT),
      direction: SortDirection.DESC,
    },
  });
  return tasks;
}

/** What the cluster says of a session: status and submission flags, or that it is gone. */
export async function sessionState(api: Pick<ClusterClients, 'sessions'>, id: string) {
  try {
    const { session } = await api.sessions.getSession({ sessionId: id });
    if (!session) return 'gone';
    return `${SessionStatus[session.status]} client=${session.clientSubmission} worker=${session.workerSubmission}`;
  } catch {
    return 'gone';
  }
}

/** A task's status name, as the cluster holds it. */
export async function taskState(api: Pick<ClusterClients, 'tasks'>, id: string): Promise<string> {
  const { task } = await api.tasks.getTask({ taskId: id });
  return task ? (TaskStatus[task.status] ?? String(task.status)) : 'gone';
}
