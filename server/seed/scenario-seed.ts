import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import type { Cluster } from '../store/cluster';
import { Random } from '../store/random';
import { ERRORS } from './demo-catalog';

/** Share of the active sessions (with enough finished work) whose tasks fail a lot. */
const FAILING_SESSION_SHARE = 0.06;
/** Share of a failing session's completed tasks that failed instead. */
const FAILED_SHARE = 0.45;
const MIN_FINISHED = 20;

/**
 * What makes the overview worth opening in a demo, added after the base data set with a random
 * stream of its own, so every other session, task and id stays exactly as before: a few active
 * sessions with a high error share. (Stalled sessions — Running, tasks waiting, nothing finished
 * for a long time — and old paused sessions are already part of the base set; the simulator adds
 * live stalls and varying throughput.)
 */
export function seedScenarios(cluster: Cluster): void {
  const rng = new Random(cluster.seed, 4);
  const errors = ERRORS.map(([text, w]) => [cluster.messages.intern(text), w] as const);
  const { tasks, results } = cluster;
  for (const session of cluster.sessions.all()) {
    const active =
      session.status === SessionStatus.RUNNING || session.status === SessionStatus.PAUSED;
    if (!active || cluster.sessions.taskCount(session.index, TaskStatus.COMPLETED) < MIN_FINISHED)
      continue;
    if (!rng.chance(FAILING_SESSION_SHARE)) continue;
    // Results other tasks depend on keep their data: only leaves of the work fail.
    const needed = new Set<number>();
    const rows = cluster.sessions.taskRows.rowsOf(session.index);
    for (const row of rows) if (tasks.dependency[row]! >= 0) needed.add(tasks.dependency[row]!);
    for (const row of rows) {
      if (tasks.status[row] !== TaskStatus.COMPLETED || !rng.chance(FAILED_SHARE)) continue;
      const outputs = cluster.taskOutputs(row);
      if (outputs.some((r) => needed.has(r))) continue;
      cluster.setTaskStatus(row, TaskStatus.ERROR);
      tasks.message[row] = rng.weighted(errors);
      for (const r of outputs) {
        if (results.owner[r] !== row || results.status[r] !== ResultStatus.COMPLETED) continue;
        results.size.set(r, 0);
        results.completedAt.set(r, NaN);
        cluster.setResultStatus(r, ResultStatus.ABORTED);
      }
    }
  }
}
