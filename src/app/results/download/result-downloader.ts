import { Injectable, inject } from '@angular/core';
import { Code } from '@connectrpc/connect';
import { type Observable, catchError, concat, defer, map, of, shareReplay, switchMap } from 'rxjs';

import { ApiError } from '../../api/api-error';
import { RESULTS_CLIENT } from '../../api/clients';
import type { ResultRaw } from '../../../../proto/gen/armonik/api/grpc/v1/results_common_pb';
import { fromCall, fromStream } from '../../api/rx';
import { type DownloadProgress, expectedChunks } from './download-progress';

export type DownloadEvent =
  | { readonly kind: 'progress'; readonly progress: DownloadProgress }
  | { readonly kind: 'done'; readonly blob: Blob };

/**
 * Streams a result's data (Results.DownloadResultData) into a Blob. Chunks are copied into blob
 * parts as they arrive, in order; the download succeeds only if the bytes received add up to the
 * size the cluster gives the result, so a truncated stream never looks like a complete file.
 * Unsubscribing cancels the stream on the wire.
 */
@Injectable({ providedIn: 'root' })
export class ResultDownloader {
  private readonly client = inject(RESULTS_CLIENT);

  /** `data_chunk_max_size`, read once; undefined if the server does not say (progress still works). */
  private readonly chunkSize$: Observable<number | undefined> = defer(() =>
    fromCall((signal) => this.client.getServiceConfiguration({}, { signal })),
  ).pipe(
    map((config) => config.dataChunkMaxSize),
    catchError(() => of(undefined)),
    shareReplay(1),
  );

  download(result: Pick<ResultRaw, 'sessionId' | 'resultId' | 'size'>): Observable<DownloadEvent> {
    const total = Number(result.size);
    return this.chunkSize$.pipe(
      switchMap((chunkSize) => {
        const expected = expectedChunks(total, chunkSize);
        const parts: Blob[] = [];
        let received = 0;
        const progress = (): DownloadEvent => ({
          kind: 'progress',
          progress: {
            received,
            total,
            chunks: parts.length,
            ...(expected === undefined ? {} : { expectedChunks: expected }),
          },
        });
        const stream = fromStream((signal) =>
          // No deadline: a large result takes the time it takes; the user can cancel.
          this.client.downloadResultData(
            { sessionId: result.sessionId, resultId: result.resultId },
            { signal, timeoutMs: 0 },
          ),
        ).pipe(
          map(({ dataChunk }) => {
            // Blob copies the bytes now: a chunk's buffer may be reused by the transport.
            parts.push(new Blob([dataChunk as Uint8Array<ArrayBuffer>]));
            received += dataChunk.byteLength;
            return progress();
          }),
        );
        const finish = defer(() => {
          if (received !== total)
            throw new ApiError(
              Code.DataLoss,
              `Received ${received} of the ${total} bytes of result ${result.resultId}`,
            );
          return of<DownloadEvent>({
            kind: 'done',
            blob: new Blob(parts, { type: 'application/octet-stream' }),
          });
        });
        return concat(of(progress()), stream, finish);
      }),
    );
  }
}
