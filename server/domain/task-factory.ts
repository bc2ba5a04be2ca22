import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import type { Cluster } from '../store/cluster';
import type { SessionRecord } from '../store/session-store';

export interface TaskSpec {
  readonly options: number;
  /** Expected outputs: a contiguous range of result rows, or explicit rows. */
  readonly outputs: { readonly start: number; readonly count: number } | readonly number[];
  readonly dependencies?: readonly number[];
  /** Creating task (sub-task), -1/undefined for a client submission. */
  readonly parent?: number;
  /** Previous attempt when this is a retry. */
  readonly retryOf?: number;
  readonly payloadId?: string;
}

/**
 * Creates a live task (API submission, simulator, retries) the way ArmoniK would: PAUSED if the
 * session is paused, PENDING while a dependency has no data, else SUBMITTED. It becomes the
 * owner of its outputs (emitting owner updates) and is announced to event streams.
 */
export function spawnTask(cluster: Cluster, session: SessionRecord, spec: TaskSpec): number {
  const { tasks, results } = cluster;
  const now = cluster.clock();
  const dependencies = spec.dependencies ?? [];
  const waiting = dependencies.some((r) => results.status[r] !== ResultStatus.COMPLETED);
  const status =
    session.status === SessionStatus.PAUSED
      ? TaskStatus.PAUSED
      : waiting
        ? TaskStatus.PENDING
        : TaskStatus.SUBMITTED;
  const row = cluster.allocateTask(session, spec.options, status);
  tasks.createdAt.set(row, now);
  if (status !== TaskStatus.PENDING) tasks.submittedAt.set(row, now);
  tasks.parent[row] = spec.parent ?? -1;
  const previous = spec.retryOf ?? -1;
  tasks.retryOf[row] = previous;
  let outputRows: readonly number[];
  if (Array.isArray(spec.outputs)) {
    outputRows = spec.outputs;
  } else {
    const range = spec.outputs as { start: number; count: number };
    tasks.outputStart[row] = range.start;
    tasks.outputCount[row] = range.count;
    outputRows = Array.from({ length: range.count }, (_, i) => range.start + i);
  }
  if (Array.isArray(spec.outputs) || dependencies.length > 1 || spec.payloadId !== undefined) {
    cluster.submitted.set(row, {
      outputs: outputRows,
      dependencies,
      payloadId: spec.payloadId ?? cluster.payloadId(row),
    });
  } else if (dependencies.length === 1) {
    tasks.dependency[row] = dependencies[0]!;
  }
  cluster.announceTask(row);
  for (const r of outputRows) cluster.setResultOwner(r, row);
  return row;
}
