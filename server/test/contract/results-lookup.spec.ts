/**
 * ArmoniK.Core finds a result by its id alone: the session id of a Results request never changes
 * what Get, GetOwnerTaskId, DownloadResultData or DeleteResultsData find. ArmoniK's own Admin
 * GUI relies on it (it downloads with `result_id` only, in the gRPC-web text form).
 */
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';

import {
  DownloadResultDataRequestSchema,
  DownloadResultDataResponseSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/results_common_pb';
import {
  failure,
  grpcWebTextCall,
  listAll,
  readAll,
  RESULTS,
  ResultRaw,
  TEST_TIMEOUT_MS,
  Unary,
  useCluster,
} from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const { cluster, c } = useCluster();
let results: ResultRaw[];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DOWNLOAD = '/armonik.api.grpc.v1.results.Results/DownloadResultData';

/** DeleteResultsData is bound by the harness like every method of the service. */
const deleteResultsData = () =>
  (
    c.results as unknown as {
      DeleteResultsData: Unary<{ session_id: string; result_id: string[] }>;
    }
  ).DeleteResultsData;

const download = async (request: Record<string, unknown>) =>
  Buffer.concat((await readAll(c.results.DownloadResultData(request))).map((m) => m.data_chunk));

beforeAll(async () => {
  results = (await listAll(c, RESULTS)).rows;
});

const completed = () =>
  results.filter((r) => r.status === 'RESULT_STATUS_COMPLETED' && Number(r.size) > 0);
const otherSession = (r: ResultRaw) => results.find((o) => o.session_id !== r.session_id)!;

describe('Results RPCs find a result by its id alone, as ArmoniK.Core does', () => {
  it('DownloadResultData gives the same bytes with the right, a wrong or no session id', async () => {
    const result = completed()[0]!;
    const expected = await download({ session_id: result.session_id, result_id: result.result_id });
    expect(expected.length).toBe(Number(result.size));
    expect((await download({ result_id: result.result_id })).equals(expected)).toBe(true);
    const wrong = { session_id: otherSession(result).session_id, result_id: result.result_id };
    expect((await download(wrong)).equals(expected)).toBe(true);
    const garbage = { session_id: 'no such session', result_id: result.result_id };
    expect((await download(garbage)).equals(expected)).toBe(true);
  });

  it('DownloadResultData with only result_id works in the gRPC-web text form ArmoniK’s GUI sends', async () => {
    const result = completed()[1]!;
    const reply = await grpcWebTextCall(
      cluster.url,
      DOWNLOAD,
      toBinary(
        DownloadResultDataRequestSchema,
        create(DownloadResultDataRequestSchema, { resultId: result.result_id }),
      ),
    );
    expect(reply.grpcStatus).toBe(0);
    const bytes = Buffer.concat(
      reply.messages.map((m) => fromBinary(DownloadResultDataResponseSchema, m).dataChunk),
    );
    expect(bytes.length).toBe(Number(result.size));
    expect(bytes.equals(await download({ result_id: result.result_id }))).toBe(true);
  });

  it('DownloadResultData of an unknown result id is NOT_FOUND with Core’s wording, whatever the session', async () => {
    const someSession = results[0]!.session_id;
    for (const request of [
      { result_id: UNKNOWN_ID },
      { session_id: someSession, result_id: UNKNOWN_ID },
      { session_id: someSession, result_id: '' },
    ]) {
      await expect(failure(download(request))).resolves.toEqual({
        code: 'NOT_FOUND',
        details: 'Result data not found',
      });
    }
  });

  it('DownloadResultData of a result without data is NOT_FOUND and says so', async () => {
    const empty = results.find((r) => r.status === 'RESULT_STATUS_CREATED')!;
    expect(empty).toBeDefined();
    const { code, details } = await failure(download({ result_id: empty.result_id }));
    expect(code).toBe('NOT_FOUND');
    expect(details).toMatch(/^Result data not found: .*has no data \(status Created\)/);
  });

  it('GetResult needs no session; an unknown id is NOT_FOUND with Core’s wording', async () => {
    const result = completed()[2]!;
    const { result: got } = await c.results.GetResult({ result_id: result.result_id });
    expect(got.session_id).toBe(result.session_id);
    await expect(failure(c.results.GetResult({ result_id: UNKNOWN_ID }))).resolves.toEqual({
      code: 'NOT_FOUND',
      details: `Result was not found: Result '${UNKNOWN_ID}' not found.`,
    });
  });

  it('GetOwnerTaskId maps results of any session, echoes the session id and skips unknown ids', async () => {
    const a = results[0]!;
    const b = results.find((r) => r.session_id !== a.session_id)!;
    for (const sessionId of ['', a.session_id, 'no such session']) {
      const reply = await c.results.GetOwnerTaskId({
        session_id: sessionId,
        result_id: [a.result_id, UNKNOWN_ID, b.result_id],
      });
      expect(reply.session_id).toBe(sessionId);
      expect(reply.result_task).toEqual([
        { result_id: a.result_id, task_id: a.owner_task_id },
        { result_id: b.result_id, task_id: b.owner_task_id },
      ]);
    }
  });

  it('DeleteResultsData deletes by result id without a session, keeps manual-deletion results, ignores unknown ids', async () => {
    const candidates = completed();
    const automatic = candidates.filter((r) => !r.manual_deletion).slice(-2);
    const manual = candidates.find((r) => r.manual_deletion);
    expect(automatic).toHaveLength(2);
    expect(manual).toBeDefined();
    const ids = [automatic[0]!.result_id, UNKNOWN_ID, automatic[1]!.result_id, manual!.result_id];

    const reply = await deleteResultsData()({ result_id: ids });
    expect(reply.result_id).toEqual(ids);

    for (const r of automatic) {
      const { result } = await c.results.GetResult({ result_id: r.result_id });
      expect(result.status).toBe('RESULT_STATUS_DELETED');
      const { details } = await failure(download({ result_id: r.result_id }));
      expect(details).toMatch(/^Result data not found/);
    }
    const { result: kept } = await c.results.GetResult({ result_id: manual!.result_id });
    expect(kept.status).toBe('RESULT_STATUS_COMPLETED');
    expect((await download({ result_id: manual!.result_id })).length).toBe(Number(manual!.size));
  });
});
