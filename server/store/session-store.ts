import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { IntList, grown } from './typed-array-growth';

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
  /** Per-session index of task and result rows, so one session never needs a full scan. */
  readonly tasks: IntList;
  readonly results: IntList;
  /** Live tasks per TaskStatus value, so CountTasksByStatus for a session is O(1). */
  readonly taskCounts: Int32Array;
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

  add(record: SessionRecord): void {
    if (record.index !== this.rows.length) throw new Error('sessions must be added in index order');
    this.rows.push(record);
    this.live++;
    if (record.index >= this.statuses.length)
      this.statuses = grown(this.statuses, this.statuses.length * 2, 0);
    this.statuses[record.index] = record.status;
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

  setStatus(record: SessionRecord, status: SessionStatus): void {
    (record as Writable<SessionRecord>).status = status;
    this.statuses[record.index] = status;
  }

  remove(index: number): void {
    if (this.rows[index]) {
      this.rows[index] = undefined;
      this.live--;
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
    tasks: new IntList(),
    results: new IntList(),
    taskCounts: new Int32Array(TASK_STATUS_SLOTS),
  };
}
