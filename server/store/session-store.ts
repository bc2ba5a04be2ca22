import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { IntList } from './columns';

export interface SessionRecord {
  readonly index: number;
  readonly id: string;
  status: SessionStatus;
  partitionIds: readonly string[];
  /** Default task options (index into Cluster.options). */
  options: number;
  /** Epoch ms; NaN when unset. */
  createdAt: number;
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

/** Sessions by row index; removed sessions leave an empty slot. */
export class SessionStore {
  private readonly rows: (SessionRecord | undefined)[] = [];
  private live = 0;

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
  }

  get(index: number): SessionRecord | undefined {
    return this.rows[index];
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
