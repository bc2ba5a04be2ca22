import { TaskStatus } from '../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import type { Sample } from './progress';

/** Status keys (the tasks grid's URL tokens) of what the overview calls waiting, running, finished. */
export const WAITING_KEYS = ['creating', 'pending', 'submitted', 'dispatched', 'paused'] as const;
export const RUNNING_KEYS = ['processing', 'processed'] as const;
export const FAILED_KEYS = ['error', 'timeout'] as const;
export const FINISHED_KEYS = ['completed', 'error', 'timeout', 'cancelled', 'retried'] as const;

export const WAITING: readonly TaskStatus[] = [
  TaskStatus.CREATING,
  TaskStatus.PENDING,
  TaskStatus.SUBMITTED,
  TaskStatus.DISPATCHED,
  TaskStatus.PAUSED,
];
export const RUNNING: readonly TaskStatus[] = [TaskStatus.PROCESSING, TaskStatus.PROCESSED];
export const FAILED: readonly TaskStatus[] = [TaskStatus.ERROR, TaskStatus.TIMEOUT];
export const FINISHED: readonly TaskStatus[] = [
  TaskStatus.COMPLETED,
  TaskStatus.ERROR,
  TaskStatus.TIMEOUT,
  TaskStatus.CANCELLED,
  TaskStatus.RETRIED,
];

/** Counts of a scope by task status (statuses with none may be absent). */
export type StatusCounts = ReadonlyMap<TaskStatus, number>;

export function sumOf(counts: StatusCounts, statuses: readonly TaskStatus[]): number {
  return statuses.reduce((sum, status) => sum + (counts.get(status) ?? 0), 0);
}

export function countsMap(entries: readonly { status: number; count: number }[]): StatusCounts {
  const map = new Map<TaskStatus, number>();
  for (const { status, count } of entries) map.set(status, (map.get(status) ?? 0) + count);
  return map;
}

/** One reading of a scope for the progress history. */
export function sampleOf(counts: StatusCounts, at: number): Sample {
  return {
    at,
    finished: sumOf(counts, FINISHED),
    waiting: sumOf(counts, WAITING),
    running: sumOf(counts, RUNNING),
  };
}
