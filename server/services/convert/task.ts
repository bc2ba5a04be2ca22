import { create } from '@bufbuild/protobuf';
import {
  type TaskDetailed,
  TaskDetailedSchema,
  TaskDetailed_OutputSchema,
  type TaskSummary,
} from '../../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import { TaskStatus } from '../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { toDuration, toTimestamp } from '../../proto-time';
import type { Cluster } from '../../store/cluster';
import { toTaskOptions } from './task-options-proto';

/** Ids related to a task, derived from its row (lists are computed, not stored). */
export function taskRelations(cluster: Cluster, row: number) {
  const { tasks } = cluster;
  const retryOf: string[] = [];
  for (let r = tasks.retryOf[row]!; r >= 0; r = tasks.retryOf[r]!)
    retryOf.unshift(cluster.taskId(r));
  const outputs = cluster.taskOutputs(row).map((r) => cluster.resultId(r));
  const sessionId = cluster.taskSessionId(row);
  // ArmoniK lists the session id as the parent of client-submitted tasks.
  const parents = [sessionId];
  if (tasks.parent[row]! >= 0) parents.push(cluster.taskId(tasks.parent[row]!));
  const dependencies = cluster.taskDependencies(row).map((r) => cluster.resultId(r));
  return { retryOf, outputs, parents, dependencies, sessionId };
}

/** Fields TaskSummary and TaskDetailed share, under the same names. */
function common(cluster: Cluster, row: number) {
  const { tasks } = cluster;
  const pod = cluster.pods[tasks.pod[row]!];
  const ended = tasks.endedAt.get(row);
  return {
    id: cluster.taskId(row),
    options: toTaskOptions(cluster, tasks.options[row]!),
    status: tasks.statusAt(row),
    statusMessage: cluster.messages.get(tasks.message[row]!),
    createdAt: toTimestamp(tasks.createdAt.get(row)),
    submittedAt: toTimestamp(tasks.submittedAt.get(row)),
    receivedAt: toTimestamp(tasks.receivedAt.get(row)),
    acquiredAt: toTimestamp(tasks.acquiredAt.get(row)),
    fetchedAt: toTimestamp(tasks.fetchedAt.get(row)),
    startedAt: toTimestamp(tasks.startedAt.get(row)),
    processedAt: toTimestamp(tasks.processedAt.get(row)),
    endedAt: toTimestamp(ended),
    podTtl: toTimestamp(tasks.podTtl.get(row)),
    ownerPodId: pod?.ownerPodId ?? '',
    podHostname: pod?.hostname ?? '',
    creationToEndDuration: toDuration(ended - tasks.createdAt.get(row)),
    processingToEndDuration: toDuration(ended - tasks.startedAt.get(row)),
    receivedToEndDuration: toDuration(ended - tasks.receivedAt.get(row)),
    initialTaskId: cluster.taskId(tasks.initialOf(row)),
    payloadId: cluster.payloadId(row),
    createdBy: cluster.taskId(tasks.parent[row]!),
  };
}

/**
 * How many ids of each relation a task has, without encoding them: a summary carries only the
 * counts, and a page of 100 summaries used to encode every output and dependency id to count it.
 */
function relationCounts(cluster: Cluster, row: number) {
  const { tasks } = cluster;
  let retries = 0;
  for (let r = tasks.retryOf[row]!; r >= 0; r = tasks.retryOf[r]!) retries++;
  return {
    // The session is always the first parent (see taskRelations).
    parents: tasks.parent[row]! >= 0 ? 2 : 1,
    outputs: cluster.taskOutputs(row).length,
    dependencies: cluster.taskDependencies(row).length,
    retries,
  };
}

/** A literal, not create() (see proto-time.ts): ListTasks builds one per row of the page. */
export function toTaskSummary(cluster: Cluster, row: number): TaskSummary {
  const counts = relationCounts(cluster, row);
  return {
    $typeName: 'armonik.api.grpc.v1.tasks.TaskSummary',
    ...common(cluster, row),
    sessionId: cluster.taskSessionId(row),
    error: cluster.messages.get(cluster.tasks.message[row]!),
    countDataDependencies: BigInt(counts.dependencies),
    countExpectedOutputIds: BigInt(counts.outputs),
    countRetryOfIds: BigInt(counts.retries),
    countParentTaskIds: BigInt(counts.parents),
  };
}

export function toTaskDetailed(cluster: Cluster, row: number): TaskDetailed {
  const r = taskRelations(cluster, row);
  const status = cluster.tasks.statusAt(row);
  const error = cluster.messages.get(cluster.tasks.message[row]!);
  return create(TaskDetailedSchema, {
    ...common(cluster, row),
    sessionId: r.sessionId,
    parentTaskIds: r.parents,
    dataDependencies: r.dependencies,
    expectedOutputIds: r.outputs,
    retryOfIds: r.retryOf,
    output: create(TaskDetailed_OutputSchema, { success: status === TaskStatus.COMPLETED, error }),
  });
}
