import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { grown, nextCapacity } from './typed-array-growth';
import { CompactColumn } from './compact-column';

/**
 * Results (task outputs and client-created data), columnar like the task store. The data itself
 * is not stored: it is generated deterministically from the row when downloaded, unless a
 * client uploaded it (Cluster.uploadedData).
 */
export class ResultStore {
  count = 0;
  session = new Int32Array(0);
  /** Current owner task row, -1 when none. */
  owner = new Int32Array(0);
  /** Task row that created the result, -1 when a client did. */
  createdBy = new Int32Array(0);
  status = new Uint8Array(0);
  /** Name (index into Cluster.names). */
  name = new Int32Array(0);
  /** Epoch ms, NaN when unset (compact-column.ts). */
  readonly createdAt: CompactColumn;
  readonly completedAt: CompactColumn;
  /** Bytes, 0 until known (compact-column.ts, base 0). */
  readonly size = new CompactColumn(0, 0);
  manualDeletion = new Uint8Array(0);

  constructor(timeBase: number) {
    this.createdAt = new CompactColumn(timeBase);
    this.completedAt = new CompactColumn(timeBase);
  }

  /** Appends a blank row (every column at its default) and returns its index. */
  allocate(): number {
    if (this.count === this.status.length) this.reserve(nextCapacity(this.count));
    const row = this.count++;
    this.session[row] = -1;
    this.owner[row] = -1;
    this.createdBy[row] = -1;
    this.status[row] = 0;
    this.name[row] = -1;
    this.createdAt.set(row, NaN);
    this.completedAt.set(row, NaN);
    this.size.set(row, 0);
    this.manualDeletion[row] = 0;
    return row;
  }

  /** Pre-sizes every column; room beyond the rows written takes no memory (task-store.ts). */
  reserve(capacity: number): void {
    if (capacity <= this.status.length) return;
    this.session = grown(this.session, capacity);
    this.owner = grown(this.owner, capacity);
    this.createdBy = grown(this.createdBy, capacity);
    this.status = grown(this.status, capacity);
    this.name = grown(this.name, capacity);
    this.createdAt.reserve(capacity);
    this.completedAt.reserve(capacity);
    this.size.reserve(capacity);
    this.manualDeletion = grown(this.manualDeletion, capacity);
  }

  isLive(row: number): boolean {
    return row >= 0 && row < this.count && this.statusAt(row) !== ResultStatus.UNSPECIFIED;
  }

  /** A row's status as the generated enum: the column stores it as a byte (UNSPECIFIED outside). */
  statusAt(row: number): ResultStatus {
    return this.status[row] ?? ResultStatus.UNSPECIFIED;
  }
}
