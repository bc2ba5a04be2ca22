import { grown } from './columns';

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
  createdAt = new Float64Array(0);
  completedAt = new Float64Array(0);
  size = new Float64Array(0);
  manualDeletion = new Uint8Array(0);

  allocate(): number {
    if (this.count === this.status.length) this.reserve(Math.max(1024, this.count * 2));
    return this.count++;
  }

  reserve(capacity: number): void {
    if (capacity <= this.status.length) return;
    this.session = grown(this.session, capacity, -1);
    this.owner = grown(this.owner, capacity, -1);
    this.createdBy = grown(this.createdBy, capacity, -1);
    this.status = grown(this.status, capacity, 0);
    this.name = grown(this.name, capacity, -1);
    this.createdAt = grown(this.createdAt, capacity, NaN);
    this.completedAt = grown(this.completedAt, capacity, NaN);
    this.size = grown(this.size, capacity, 0);
    this.manualDeletion = grown(this.manualDeletion, capacity, 0);
  }

  isLive(row: number): boolean {
    return row >= 0 && row < this.count && this.status[row] !== 0;
  }
}
