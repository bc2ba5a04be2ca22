import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import type { SessionRaw } from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import type { CountGroup, StatusCountLike } from '../grid/model/counts';
import type { CountsSpec } from '../grid/model/definition';
import { equals } from '../grid/grid-link';
import { isFinalTaskStatus, taskFilters, tasksByStatus } from '../tasks';

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

/** The tasks of a session, as conditions on the tasks grid's columns (its counts, its links). */
export const sessionTasks = (sessionId: string) => equals('sessionId', sessionId);

/** The tasks filter of `sessionTasks` (ListTasks, CountTasksByStatus), by the grid's mapping. */
export const sessionTasksFilters = (sessionId: string) => taskFilters(sessionTasks(sessionId));

/** Tasks by Statuses of a session: one CountTasksByStatus call on `sessionTasks`, linked alike. */
export const SESSION_TASK_COUNTS: CountsSpec<SessionRaw> = tasksByStatus<SessionRaw>(
  (session) => sessionTasks(session.sessionId),
  { settled: sessionCountsSettled, groups: DEFAULT_TASK_GROUPS },
);
