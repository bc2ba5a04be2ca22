import { type Limits, quotaExceeded } from '../limits';
import type { Cluster } from '../store/cluster';

/**
 * Write quotas: what clients may add to the in-memory cluster. Checked before anything is
 * created, so a refused call (RESOURCE_EXHAUSTED) changes nothing.
 */
export class Quotas {
  /** Task and result rows created through the API (rows are never freed, even on delete). */
  private createdRows = 0;
  /** Sessions created through the API and not deleted (by index). */
  private readonly createdSessions = new Set<number>();

  constructor(
    private readonly cluster: Cluster,
    private readonly limits: Limits,
  ) {}

  /** Results or task creations in one call. */
  checkItems(count: number, what: string): void {
    if (count > this.limits.maxItemsPerCall)
      throw quotaExceeded(
        `${count} ${what} in one call`,
        'maxItemsPerCall',
        this.limits.maxItemsPerCall,
      );
  }

  checkRows(count: number): void {
    if (this.createdRows + count > this.limits.maxCreatedRows) {
      throw quotaExceeded(
        `clients have created ${this.createdRows} task and result rows; ${count} more do not fit`,
        'maxCreatedRows',
        this.limits.maxCreatedRows,
      );
    }
  }

  /** Counts rows once they exist. */
  addRows(count: number): void {
    this.createdRows += count;
  }

  checkSession(): void {
    if (this.createdSessions.size >= this.limits.maxSessions)
      throw quotaExceeded(
        'too many sessions created by clients',
        'maxSessions',
        this.limits.maxSessions,
      );
  }

  addSession(index: number): void {
    this.createdSessions.add(index);
  }

  removeSession(index: number): void {
    this.createdSessions.delete(index);
  }

  /** Bytes of uploaded data about to be stored. */
  checkData(bytes: number): void {
    const held = this.cluster.uploadedData.bytes;
    if (held + bytes > this.limits.maxResultDataBytes) {
      throw quotaExceeded(
        `stored result data would reach ${held + bytes} bytes`,
        'maxResultDataBytes',
        this.limits.maxResultDataBytes,
      );
    }
  }
}
