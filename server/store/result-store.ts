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

  allocate(): number {
    if (this.count === this.status.length) this.reserve(nextCapacity(this.count));
    return this.count++;
  }

  reserve(capacity: number): void {
    if (capacity <= this.status.length) return;
    this.session = grown(this.session, capacity, -1);
    this.owner = grown(this.owner, capacity, -1);
    this.createdBy = grown(this.createdBy, capacity, -1);
    this.status = grown(this.status, capacity, 0);
    this.name = grown(this.name, capacity, -1);
    this.createdAt.reserve(capacity);
    this.completedAt.reserve(capacity);
    this.size.reserve(capacity);
    this.manualDeletion = grown(this.manualDeletion, capacity, 0);
  }

  isLive(row: number): boolean {
    return row >= 0 && row < this.count && this.statusAt(row) !== ResultStatus.UNSPECIFIED;
  }

  /** A row's status as the generated enum: the column stores it as a byte (UNSPECIFIED outside). */
  statusAt(row: number): ResultStatus {
    return this.status[row] ?? ResultStatus.UNSPECIFIED;
  }
}
