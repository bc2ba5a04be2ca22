import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { grown } from './columns';

/** Statuses after which a task never changes again (ArmoniK.Core's final-status list). */
export const FINAL_TASK_STATUSES: ReadonlySet<TaskStatus> = new Set([
  TaskStatus.COMPLETED,
  TaskStatus.CANCELLED,
  TaskStatus.ERROR,
  TaskStatus.RETRIED,
  TaskStatus.TIMEOUT,
]);

export function isFinalTaskStatus(status: TaskStatus): boolean {
  return FINAL_TASK_STATUSES.has(status);
}

/** Removed rows keep their slot (so ids stay stable) with this status. */
export const REMOVED = 0;

/**
 * Tasks, one typed-array column per attribute, one row per task. Timestamps are epoch
 * milliseconds, NaN when unset. Reference columns hold row indices (-1 = none). The store only
 * holds data; the Cluster keeps counters, indexes and events consistent when rows change.
 */
export class TaskStore {
  count = 0;
  session = new Int32Array(0);
  status = new Uint8Array(0);
  options = new Int32Array(0);
  createdAt = new Float64Array(0);
  submittedAt = new Float64Array(0);
  receivedAt = new Float64Array(0);
  acquiredAt = new Float64Array(0);
  fetchedAt = new Float64Array(0);
  startedAt = new Float64Array(0);
  processedAt = new Float64Array(0);
  endedAt = new Float64Array(0);
  podTtl = new Float64Array(0);
  /** Pod that owns/owned the task (index into Cluster.pods). */
  pod = new Int32Array(0);
  /** Error / status message (index into Cluster.messages). */
  message = new Int32Array(0);
  /** Previous attempt when this task is a retry. */
  retryOf = new Int32Array(0);
  /** First attempt of the retry chain (the row itself for a first attempt). */
  initial = new Int32Array(0);
  /** Creating task for a sub-task; -1 for a task submitted by a client. */
  parent = new Int32Array(0);
  /** Expected outputs: results outputStart … outputStart + outputCount - 1. */
  outputStart = new Int32Array(0);
  outputCount = new Uint8Array(0);
  /** A data dependency (result row), -1 for none. */
  dependency = new Int32Array(0);

  /** Appends a blank row and returns its index. */
  allocate(): number {
    if (this.count === this.status.length) this.reserve(Math.max(1024, this.count * 2));
    const row = this.count++;
    this.initial[row] = row;
    return row;
  }

  /** Pre-sizes every column (the seed knows roughly how many rows it will write). */
  reserve(capacity: number): void {
    if (capacity <= this.status.length) return;
    this.session = grown(this.session, capacity, -1);
    this.status = grown(this.status, capacity, 0);
    this.options = grown(this.options, capacity, 0);
    this.createdAt = grown(this.createdAt, capacity, NaN);
    this.submittedAt = grown(this.submittedAt, capacity, NaN);
    this.receivedAt = grown(this.receivedAt, capacity, NaN);
    this.acquiredAt = grown(this.acquiredAt, capacity, NaN);
    this.fetchedAt = grown(this.fetchedAt, capacity, NaN);
    this.startedAt = grown(this.startedAt, capacity, NaN);
    this.processedAt = grown(this.processedAt, capacity, NaN);
    this.endedAt = grown(this.endedAt, capacity, NaN);
    this.podTtl = grown(this.podTtl, capacity, NaN);
    this.pod = grown(this.pod, capacity, -1);
    this.message = grown(this.message, capacity, -1);
    this.retryOf = grown(this.retryOf, capacity, -1);
    this.initial = grown(this.initial, capacity, -1);
    this.parent = grown(this.parent, capacity, -1);
    this.outputStart = grown(this.outputStart, capacity, 0);
    this.outputCount = grown(this.outputCount, capacity, 0);
    this.dependency = grown(this.dependency, capacity, -1);
  }

  isLive(row: number): boolean {
    return row >= 0 && row < this.count && this.status[row] !== REMOVED;
  }
}
