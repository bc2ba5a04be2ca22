import { ResultStatus } from '../../../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import type { ResultRaw } from '../../../../proto/gen/armonik/api/grpc/v1/results_common_pb';

/** Where a download stands; `total` is the size the cluster gives the result. */
export interface DownloadProgress {
  readonly received: number;
  readonly total: number;
  readonly chunks: number;
  /** How many chunks the server will send (from GetServiceConfiguration), when known. */
  readonly expectedChunks?: number;
}

/** Percentage for a determinate progress bar; an empty result is complete at once. */
export function percentOf(progress: DownloadProgress): number {
  if (progress.total <= 0) return 100;
  return Math.min(100, Math.floor((progress.received / progress.total) * 100));
}

/** The server sends `data_chunk_max_size` bytes per message at most. */
export function expectedChunks(size: number, chunkSize: number | undefined): number | undefined {
  if (!chunkSize || chunkSize <= 0) return undefined;
  return Math.max(1, Math.ceil(size / chunkSize));
}

/**
 * Why a result's data cannot be downloaded, as an i18n key; undefined when it can. Only a
 * completed result has data: a created one is still awaited, an aborted one will never be
 * written, a deleted one was purged.
 */
export function downloadBlocker(result: Pick<ResultRaw, 'status'>): string | undefined {
  switch (result.status) {
    case ResultStatus.COMPLETED:
      return undefined;
    case ResultStatus.CREATED:
      return 'results.download.blocked.created';
    case ResultStatus.ABORTED:
      return 'results.download.blocked.aborted';
    case ResultStatus.DELETED:
      return 'results.download.blocked.deleted';
    case ResultStatus.NOTFOUND:
      return 'results.download.blocked.notfound';
    default:
      return 'results.download.blocked.unspecified';
  }
}

/**
 * The name the browser saves the data under: the result's name, else its id, with characters
 * file systems refuse replaced. Untrusted: never used as a path.
 */
export function downloadFileName(result: Pick<ResultRaw, 'name' | 'resultId'>): string {
  const base = (result.name || result.resultId).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_');
  const trimmed = base.replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 200);
  return trimmed === '' ? 'result.bin' : trimmed;
}
