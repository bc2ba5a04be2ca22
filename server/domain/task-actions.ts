import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import type { Cluster } from '../store/cluster';
import { isFinalTaskStatus } from '../store/task-store';

/** How long a cancelled task stays CANCELLING before "the agent" acknowledges it. */
export const CANCELLING_DELAY_MS = 1500;

/**
 * Requests cancellation of tasks: every task not final and not already CANCELLING becomes
 * CANCELLING (ended_at = now) and its still-CREATED outputs ABORTED; a timer then completes the
 * cancellation (CANCELLED), which in ArmoniK happens when an agent handles the queue message.
 * The timer runs whether or not the simulator is on.
 */
export function cancelTasks(cluster: Cluster, rows: Iterable<number>): void {
  const { tasks, results } = cluster;
  const now = cluster.clock();
  const cancelling: number[] = [];
  for (const row of rows) {
    const status = tasks.statusAt(row);
    if (!tasks.isLive(row) || isFinalTaskStatus(status) || status === TaskStatus.CANCELLING)
      continue;
    tasks.endedAt.set(row, now);
    cluster.setTaskStatus(row, TaskStatus.CANCELLING);
    cancelling.push(row);
    for (const r of cluster.taskOutputs(row)) {
      if (results.status[r] === ResultStatus.CREATED && results.owner[r] === row) {
        cluster.setResultStatus(r, ResultStatus.ABORTED);
      }
    }
  }
  if (cancelling.length > 0) {
    cluster.later(CANCELLING_DELAY_MS, () => {
      for (const row of cancelling) {
        if (tasks.status[row] === TaskStatus.CANCELLING)
          cluster.setTaskStatus(row, TaskStatus.CANCELLED);
      }
    });
  }
}
