import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { SessionRows } from './session-rows';
import { grown, nextCapacity } from './typed-array-growth';

export interface SessionRecord {
  readonly index: number;
  readonly id: string;
  /** Changed only through SessionStore.setStatus, which keeps the status column in step. */
  readonly status: SessionStatus;
  partitionIds: readonly string[];
  /** Default task options (index into Cluster.options). */
  options: number;
  /** Epoch ms; set once at creation (SessionStore relies on it to know its row order). */
  readonly createdAt: number;
  cancelledAt: number;
  closedAt: number;
  purgedAt: number;
  deletedAt: number;
  /** Set by Close (closed_at − created_at), as ArmoniK.Core does; NaN otherwise. */
  durationMs: number;
  clientSubmission: boolean;
  workerSubmission: boolean;
}

export const TASK_STATUS_SLOTS = 14;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Sessions by row index; removed sessions leave an empty slot. */
export class SessionStore {
  private readonly rows: (SessionRecord | undefined)[] = [];
  /**
   * Each row's status in one byte array: a status filter over 100,000 sessions reads 100 kB in
   * order instead of 100,000 scattered objects (the load mix's ListSessions, bench section 5).
   */
  private statuses = new Uint8Array(1024);
  /**
   * Per-session indexes of task and result rows (one session never needs a full scan) and live
   * tasks per TaskStatus value (TASK_STATUS_SLOTS per session, so CountTasksByStatus for a session
   * is O(1)): columns, not objects per session (session-rows.ts says why).
   */
  readonly taskRows = new SessionRows();
  readonly resultRows = new SessionRows();
  private counts = new Int32Array(0);
  /** Live sessions per SessionStatus value: a status filter's total without a scan. */
  private readonly byStatus = new Int32Array(16);
  private live = 0;
  private lastCreatedAt = -Infinity;
  private createdInOrder = true;

  get count(): number {
    return this.rows.length;
  }

  get liveCount(): number {
    return this.live;
  }

  nextIndex(): number {
    return this.rows.length;
  }

  /** Pre-sizes the per-session columns (the seed knows how many sessions it adds). */
  reserve(capacity: number): void {
    if (capacity > this.statuses.length) this.statuses = grown(this.statuses, capacity);
    if (capacity * TASK_STATUS_SLOTS > this.counts.length)
      this.counts = grown(this.counts, capacity * TASK_STATUS_SLOTS);
    this.taskRows.reserve(capacity);
    this.resultRows.reserve(capacity);
  }

  add(record: SessionRecord): void {
    if (record.index !== this.rows.length) throw new Error('sessions must be added in index order');
    this.rows.push(record);
    this.live++;
    if (record.index >= this.statuses.length) this.reserve(nextCapacity(record.index + 1));
    this.statuses[record.index] = record.status;
    this.byStatus[record.status]!++;
    if (record.createdAt >= this.lastCreatedAt) this.lastCreatedAt = record.createdAt;
    else this.createdInOrder = false;
  }

  /**
   * Whether created_at never decreases with the row index (seeded oldest first, then appended
   * at the clock's time; a clock step back or an unset date clears it for good).
   */
  get rowsInCreationOrder(): boolean {
    return this.createdInOrder;
  }

  get(index: number): SessionRecord | undefined {
    return this.rows[index];
  }

  /** The status of row `index` (meaningful for live rows only). */
  statusOf(index: number): SessionStatus {
    return this.statuses[index] ?? SessionStatus.UNSPECIFIED;
  }

  /** Live sessions whose status is `status`. */
  countWithStatus(status: number): number {
    return this.byStatus[status] ?? 0;
  }

  setStatus(record: SessionRecord, status: SessionStatus): void {
    if (this.rows[record.index] === record) {
      this.byStatus[record.status]!--;
      this.byStatus[status]!++;
    }
    (record as Writable<SessionRecord>).status = status;
    this.statuses[record.index] = status;
  }

  /** Live tasks of session `index` in `status`. */
  taskCount(index: number, status: number): number {
    return this.counts[index * TASK_STATUS_SLOTS + status] ?? 0;
  }

  /** Moves the session's per-status task counters (the Cluster keeps them right). */
  addTaskCount(index: number, status: number, delta: number): void {
    this.counts[index * TASK_STATUS_SLOTS + status]! += delta;
  }

  /** The session's live tasks per status, as a view of the counter column (read only). */
  taskCountsOf(index: number): Int32Array {
    const at = index * TASK_STATUS_SLOTS;
    return this.counts.subarray(at, at + TASK_STATUS_SLOTS);
  }

  remove(index: number): void {
    const record = this.rows[index];
    if (record) {
      this.byStatus[record.status]!--;
      this.rows[index] = undefined;
      this.live--;
      this.taskRows.clear(index);
      this.resultRows.clear(index);
      this.counts.fill(0, index * TASK_STATUS_SLOTS, (index + 1) * TASK_STATUS_SLOTS);
    }
  }

  *all(): IterableIterator<SessionRecord> {
    for (const row of this.rows) if (row) yield row;
  }
}

export function blankSession(
  index: number,
  id: string,
  init: Pick<SessionRecord, 'status' | 'partitionIds' | 'options' | 'createdAt'>,
): SessionRecord {
  return {
    index,
    id,
    ...init,
    cancelledAt: NaN,
    closedAt: NaN,
    purgedAt: NaN,
    deletedAt: NaN,
    durationMs: NaN,
    clientSubmission: true,
    workerSubmission: true,
  };
}
