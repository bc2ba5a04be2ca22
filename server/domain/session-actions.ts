import { Code, ConnectError } from '@connectrpc/connect';
import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import type { Cluster } from '../store/cluster';
import { type SessionRecord, blankSession } from '../store/session-store';
import { EMPTY_TASK_OPTIONS } from '../store/task-options';
import {
  type TransitionAction,
  checkTransition,
  sessionNotFoundMessage,
} from './session-transitions';
import { cancelTasks } from './task-actions';

export function requireSession(cluster: Cluster, id: string): SessionRecord {
  const session = cluster.findSession(id);
  if (!session) throw new ConnectError(sessionNotFoundMessage(id), Code.NotFound);
  return session;
}

/** Applies a status transition: precondition first, then the effects (armonik-api.md). */
export function transitionSession(
  cluster: Cluster,
  id: string,
  action: TransitionAction,
): SessionRecord {
  const session = requireSession(cluster, id);
  const check = checkTransition(action, session.status);
  // Checked before any data is touched (ArmoniK.Core purges results before checking; we do not).
  if (!check.ok) throw new ConnectError(check.message, Code.FailedPrecondition);
  if (!check.changes) return session;
  const now = cluster.clock();
  cluster.sessions.setStatus(session, check.next);
  EFFECTS[action](cluster, session, now);
  return session;
}

const EFFECTS: Readonly<
  Record<TransitionAction, (cluster: Cluster, s: SessionRecord, now: number) => void>
> = {
  pause(cluster, session) {
    // Queued work is held; PROCESSING tasks are already on a worker and finish normally.
    for (const row of cluster.sessions.taskRows.rowsOf(session.index)) {
      const status = cluster.tasks.status[row];
      if (status === TaskStatus.SUBMITTED || status === TaskStatus.DISPATCHED) {
        cluster.setTaskStatus(row, TaskStatus.PAUSED);
      }
    }
  },
  resume(cluster, session) {
    const { tasks } = cluster;
    for (const row of cluster.sessions.taskRows.rowsOf(session.index)) {
      if (tasks.status[row] !== TaskStatus.PAUSED) continue;
      // Re-queued from scratch: the pod that had received it no longer owns it.
      tasks.pod[row] = -1;
      tasks.receivedAt.set(row, NaN);
      tasks.acquiredAt.set(row, NaN);
      tasks.fetchedAt.set(row, NaN);
      tasks.podTtl.set(row, NaN);
      cluster.setTaskStatus(row, TaskStatus.SUBMITTED);
    }
  },
  cancel(cluster, session, now) {
    session.cancelledAt = now;
    session.clientSubmission = false;
    session.workerSubmission = false;
    cancelTasks(cluster, cluster.sessions.taskRows.rowsOf(session.index));
    for (const row of cluster.sessions.resultRows.rowsOf(session.index)) {
      if (cluster.results.status[row] === ResultStatus.CREATED)
        cluster.setResultStatus(row, ResultStatus.ABORTED);
    }
  },
  close(_cluster, session, now) {
    session.closedAt = now;
    session.durationMs = now - session.createdAt;
    session.clientSubmission = false;
    session.workerSubmission = false;
  },
  purge(cluster, session, now) {
    session.purgedAt = now;
    session.clientSubmission = false;
    session.workerSubmission = false;
    const { results } = cluster;
    for (const row of cluster.sessions.resultRows.rowsOf(session.index)) {
      if (results.manualDeletion[row] === 0) cluster.setResultStatus(row, ResultStatus.DELETED);
    }
  },
};

/**
 * DeleteSession: answers the last state with status DELETED and deleted_at, then removes the
 * session, its tasks and results. An unknown id is accepted (Core's lenient behaviour, so
 * "delete twice" works) and answered with a synthetic record.
 */
export function deleteSession(cluster: Cluster, id: string): SessionRecord {
  const now = cluster.clock();
  const session = cluster.findSession(id);
  if (!session) {
    const synthetic = blankSession(-1, id, {
      status: SessionStatus.DELETED,
      partitionIds: [],
      options: cluster.options.intern(EMPTY_TASK_OPTIONS),
      createdAt: now,
    });
    synthetic.deletedAt = now;
    return synthetic;
  }
  const reply: SessionRecord = { ...session, status: SessionStatus.DELETED, deletedAt: now };
  cluster.removeSession(session);
  return reply;
}

/** Clears the chosen submission flags, whatever the status (both false = a plain read). */
export function stopSubmission(
  cluster: Cluster,
  id: string,
  client: boolean,
  worker: boolean,
): SessionRecord {
  // Core drops the final period in this one message; we keep one wording for every RPC.
  const session = requireSession(cluster, id);
  if (client) session.clientSubmission = false;
  if (worker) session.workerSubmission = false;
  return session;
}
