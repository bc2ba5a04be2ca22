import { inject } from '@angular/core';

import { TASKS_CLIENT } from '../api/clients';
import { FilterStringOperator } from '../../../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import type { SessionRaw } from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { TaskSummaryEnumField } from '../../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import type { CountGroup, StatusCountLike } from '../grid/model/counts';
import type { CountsSpec } from '../grid/model/definition';
import { encodeGroup } from '../grid/model/url-codec';
import { TASK_STATUSES, isFinalTaskStatus } from '../tasks/task-status';

/** The default groups of "Tasks by Statuses" (users can rename, regroup and recolour them). */
export const DEFAULT_TASK_GROUPS: readonly CountGroup[] = [
  {
    id: 'completed',
    name: '',
    labelKey: 'sessions.counts.completed',
    statuses: ['completed'],
    color: 'success',
  },
  {
    id: 'running',
    name: '',
    labelKey: 'sessions.counts.running',
    statuses: ['dispatched', 'processing'],
    color: 'info',
  },
  {
    id: 'error',
    name: '',
    labelKey: 'sessions.counts.error',
    statuses: ['error', 'timeout'],
    color: 'danger',
  },
  {
    id: 'cancelled',
    name: '',
    labelKey: 'sessions.counts.cancelled',
    statuses: ['cancelled'],
    color: 'neutral',
  },
  {
    id: 'retried',
    name: '',
    labelKey: 'sessions.counts.retried',
    statuses: ['retried'],
    color: 'warning',
  },
];

/** Column keys of the tasks grid that its links filter on. */
const TASKS_SESSION_COLUMN = 'sessionId';
const TASKS_STATUS_COLUMN = 'status';

/**
 * Can this session's counts still change? Not once it has ended (no longer Running or Paused:
 * no new tasks, submission closed) and every task it has is in a final status. Until then,
 * e.g. a Closed session still finishing its tasks, a Cancelled one whose tasks are Cancelling,
 * they can.
 */
export function sessionCountsSettled(
  session: Pick<SessionRaw, 'status'>,
  counts: readonly StatusCountLike[],
): boolean {
  if (
    session.status === SessionStatus.RUNNING ||
    session.status === SessionStatus.PAUSED ||
    session.status === SessionStatus.UNSPECIFIED
  )
    return false;
  return counts.every(({ status, count }) => count === 0 || isFinalTaskStatus(status));
}

/** The tasks filter "session id = this one": one CountTasksByStatus call per session. */
export function sessionTasksFilters(sessionId: string) {
  return {
    or: [
      {
        and: [
          {
            field: {
              field: {
                case: 'taskSummaryField' as const,
                value: { field: TaskSummaryEnumField.SESSION_ID },
              },
            },
            valueCondition: {
              case: 'filterString' as const,
              value: { value: sessionId, operator: FilterStringOperator.EQUAL },
            },
          },
        ],
      },
    ],
  };
}

export const SESSION_TASK_COUNTS: CountsSpec<SessionRaw> = {
  statuses: TASK_STATUSES,
  defaultGroups: DEFAULT_TASK_GROUPS,
  fetch: () => {
    const client = inject(TASKS_CLIENT);
    return async (session, signal) =>
      (
        await client.countTasksByStatus(
          { filters: sessionTasksFilters(session.sessionId) },
          { signal },
        )
      ).status;
  },
  settled: sessionCountsSettled,
  // The tasks grid, filtered on this session and these statuses (its own URL format).
  link: (session, statusKeys) => ({
    commands: ['/tasks'],
    queryParams: {
      f: encodeGroup([
        { field: TASKS_SESSION_COLUMN, op: 'eq', values: [session.sessionId] },
        { field: TASKS_STATUS_COLUMN, op: 'eq', values: statusKeys },
      ]),
    },
  }),
};
