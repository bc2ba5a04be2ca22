import { TestBed } from '@angular/core/testing';
import { Code, ConnectError } from '@connectrpc/connect';
import { lastValueFrom, toArray } from 'rxjs';

import { RESULTS_CLIENT } from '../../api/clients';
import { ResultStatus } from '../../../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { downloadBlocker, downloadFileName, expectedChunks, percentOf } from './download-progress';
import { type DownloadEvent, ResultDownloader } from './result-downloader';
import { defined } from '../../../testing/defined';

const RESULT = { sessionId: 's-1', resultId: 'r-1' };

/** Bytes 0, 1, 2, … (mod 251) cut into chunks of `chunk` bytes, as the server streams them. */
function bytes(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => i % 251);
}

function* chunks(data: Uint8Array, chunk: number) {
  for (let i = 0; i < data.length; i += chunk) yield { dataChunk: data.slice(i, i + chunk) };
}

function setup(stream: () => AsyncIterable<{ dataChunk: Uint8Array }>, chunkSize = 4) {
  const client = {
    getServiceConfiguration: jest.fn().mockResolvedValue({ dataChunkMaxSize: chunkSize }),
    downloadResultData: jest.fn(stream),
  };
  TestBed.configureTestingModule({ providers: [{ provide: RESULTS_CLIENT, useValue: client }] });
  return { client, downloader: TestBed.inject(ResultDownloader) };
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('ResultDownloader', () => {
  it('joins every chunk, in order, into exactly the bytes the server holds', async () => {
    const data = bytes(10);
    const { client, downloader } = setup(async function* () {
      yield* chunks(data, 4);
    });
    const events = await lastValueFrom(
      downloader.download({ ...RESULT, size: 10n }).pipe(toArray()),
    );
    expect(client.downloadResultData).toHaveBeenCalledWith(
      RESULT,
      expect.objectContaining({ timeoutMs: 0 }),
    );
    const progress = events.filter(
      (e): e is Extract<DownloadEvent, { kind: 'progress' }> => e.kind === 'progress',
    );
    expect(progress.map((e) => [e.progress.received, e.progress.chunks])).toEqual([
      [0, 0],
      [4, 1],
      [8, 2],
      [10, 3],
    ]);
    expect(progress.every((e) => e.progress.expectedChunks === 3)).toBe(true);
    const done = defined(events.at(-1), 'a last event');
    expect(done.kind).toBe('done');
    expect(await blobBytes((done as { blob: Blob }).blob)).toEqual(data);
  });

  it('keeps chunks intact even if the transport reuses its buffer', async () => {
    const shared = new Uint8Array(3);
    const { downloader } = setup(async function* () {
      for (const part of [
        [1, 2, 3],
        [4, 5, 6],
      ]) {
        shared.set(part);
        yield { dataChunk: shared };
      }
    });
    const events = await lastValueFrom(
      downloader.download({ ...RESULT, size: 6n }).pipe(toArray()),
    );
    const done = events.at(-1) as { blob: Blob };
    expect(await blobBytes(done.blob)).toEqual(new Uint8Array([1, 2, 3, 4, 5, 6]));
  });

  it('fails with DATA_LOSS when the stream ends short of the size', async () => {
    const { downloader } = setup(async function* () {
      yield* chunks(bytes(6), 4);
    });
    await expect(
      lastValueFrom(downloader.download({ ...RESULT, size: 10n })),
    ).rejects.toMatchObject({
      code: Code.DataLoss,
      reason: 'Received 6 of the 10 bytes of result r-1',
    });
  });

  it("passes the server's error on", async () => {
    const { downloader } = setup(async function* () {
      yield* [];
      throw new ConnectError('Result was not found', Code.NotFound);
    });
    await expect(lastValueFrom(downloader.download({ ...RESULT, size: 1n }))).rejects.toMatchObject(
      {
        code: Code.NotFound,
      },
    );
  });

  it('still downloads when the chunk size is unknown', async () => {
    const { client, downloader } = setup(async function* () {
      yield* chunks(bytes(2), 4);
    });
    client.getServiceConfiguration.mockRejectedValue(new ConnectError('no', Code.Unimplemented));
    const events = await lastValueFrom(
      downloader.download({ ...RESULT, size: 2n }).pipe(toArray()),
    );
    expect(events.at(-1)?.kind).toBe('done');
    expect(events[0]).toEqual({ kind: 'progress', progress: { received: 0, total: 2, chunks: 0 } });
  });
});

describe('download rules', () => {
  it.each([
    [ResultStatus.COMPLETED, undefined],
    [ResultStatus.CREATED, 'results.download.blocked.created'],
    [ResultStatus.ABORTED, 'results.download.blocked.aborted'],
    [ResultStatus.DELETED, 'results.download.blocked.deleted'],
    [ResultStatus.NOTFOUND, 'results.download.blocked.notfound'],
    [ResultStatus.UNSPECIFIED, 'results.download.blocked.unspecified'],
  ])('status %d → %p', (status, reason) => {
    expect(downloadBlocker({ status })).toBe(reason);
  });

  it('counts chunks and percentages', () => {
    expect(expectedChunks(81_920 * 2 + 1, 81_920)).toBe(3);
    expect(expectedChunks(0, 81_920)).toBe(1);
    expect(expectedChunks(10, 0)).toBeUndefined();
    expect(percentOf({ received: 1, total: 3, chunks: 1 })).toBe(33);
    expect(percentOf({ received: 0, total: 0, chunks: 0 })).toBe(100);
  });

  it('names the file after the result, safely', () => {
    expect(downloadFileName({ name: 'out.bin', resultId: 'r' })).toBe('out.bin');
    expect(downloadFileName({ name: '', resultId: 'r-1' })).toBe('r-1');
    expect(downloadFileName({ name: '../../etc/passwd', resultId: 'r' })).toBe('_.._etc_passwd');
    expect(downloadFileName({ name: '...', resultId: 'r' })).toBe('result.bin');
  });
});
