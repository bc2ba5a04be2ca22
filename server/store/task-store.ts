import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { grown, nextCapacity } from './typed-array-growth';
import { CompactColumn } from './compact-column';

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
export const REMOVED = TaskStatus.UNSPECIFIED;

/**
 * Tasks, one typed-array column per attribute, one row per task. Timestamps are epoch
 * milliseconds, NaN when unset (CompactColumn: read with get, written with set). Reference
 * columns hold row indices (-1 = none). The store only holds data; the Cluster keeps counters,
 * indexes and events consistent when rows change.
 */
export class TaskStore {
  count = 0;
  session = new Int32Array(0);
  status = new Uint8Array(0);
  options = new Int32Array(0);
  readonly createdAt: CompactColumn;
  readonly submittedAt: CompactColumn;
  readonly receivedAt: CompactColumn;
  readonly acquiredAt: CompactColumn;
  readonly fetchedAt: CompactColumn;
  readonly startedAt: CompactColumn;
  readonly processedAt: CompactColumn;
  readonly endedAt: CompactColumn;
  readonly podTtl: CompactColumn;
  /** Pod that owns/owned the task (index into Cluster.pods: a few dozen pods, so 2 bytes). */
  pod = new Int16Array(0);
  /** Error / status message (index into Cluster.messages). */
  message = new Int32Array(0);
  /** Previous attempt when this task is a retry. */
  retryOf = new Int32Array(0);
  /** Creating task for a sub-task; -1 for a task submitted by a client. */
  parent = new Int32Array(0);
  /** Expected outputs: results outputStart … outputStart + outputCount - 1. */
  outputStart = new Int32Array(0);
  outputCount = new Uint8Array(0);
  /** A data dependency (result row), -1 for none. */
  dependency = new Int32Array(0);

  /** The timestamp columns above, for what is done to each alike. */
  private readonly times: readonly CompactColumn[];

  /** `timeBase`: the base of the timestamp columns (compact-column.ts). */
  constructor(timeBase: number) {
    this.createdAt = new CompactColumn(timeBase);
    this.submittedAt = new CompactColumn(timeBase);
    this.receivedAt = new CompactColumn(timeBase);
    this.acquiredAt = new CompactColumn(timeBase);
    this.fetchedAt = new CompactColumn(timeBase);
    this.startedAt = new CompactColumn(timeBase);
    this.processedAt = new CompactColumn(timeBase);
    this.endedAt = new CompactColumn(timeBase);
    this.podTtl = new CompactColumn(timeBase);
    this.times = [
      this.createdAt,
      this.submittedAt,
      this.receivedAt,
      this.acquiredAt,
      this.fetchedAt,
      this.startedAt,
      this.processedAt,
      this.endedAt,
      this.podTtl,
    ];
  }

  /** Appends a blank row (every column at its default) and returns its index. */
  allocate(): number {
    if (this.count === this.status.length) this.reserve(nextCapacity(this.count));
    const row = this.count++;
    this.session[row] = -1;
    this.status[row] = 0;
    this.options[row] = 0;
    for (const column of this.times) column.set(row, NaN);
    this.pod[row] = -1;
    this.message[row] = -1;
    this.retryOf[row] = -1;
    this.parent[row] = -1;
    this.outputStart[row] = 0;
    this.outputCount[row] = 0;
    this.dependency[row] = -1;
    return row;
  }

  /**
   * First attempt of the retry chain (the row itself for a first attempt), found by following
   * retryOf: chains are at most max_retries long, and a column for it cost 20 MB at 5 M tasks.
   */
  initialOf(row: number): number {
    let first = row;
    for (
      let previous = this.retryOf[first] ?? -1;
      previous >= 0;
      previous = this.retryOf[first] ?? -1
    )
      first = previous;
    return first;
  }

  /**
   * Pre-sizes every column (the seed knows roughly how many rows it will write). Room beyond
   * the rows written takes no memory (typed-array-growth.ts), so the seed reserves ahead.
   */
  reserve(capacity: number): void {
    if (capacity <= this.status.length) return;
    this.session = grown(this.session, capacity);
    this.status = grown(this.status, capacity);
    this.options = grown(this.options, capacity);
    for (const column of this.times) column.reserve(capacity);
    this.pod = grown(this.pod, capacity);
    this.message = grown(this.message, capacity);
    this.retryOf = grown(this.retryOf, capacity);
    this.parent = grown(this.parent, capacity);
    this.outputStart = grown(this.outputStart, capacity);
    this.outputCount = grown(this.outputCount, capacity);
    this.dependency = grown(this.dependency, capacity);
  }

  isLive(row: number): boolean {
    return row >= 0 && row < this.count && this.statusAt(row) !== REMOVED;
  }

  /** A row's status as the generated enum: the column stores it as a byte (REMOVED outside). */
  statusAt(row: number): TaskStatus {
    return this.status[row] ?? REMOVED;
  }
}
