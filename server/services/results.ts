import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import {
  CreateResultsMetaDataResponseSchema,
  CreateResultsResponseSchema,
  DeleteResultsDataResponseSchema,
  DownloadResultDataResponseSchema,
  GetOwnerTaskIdResponseSchema,
  GetOwnerTaskIdResponse_MapResultTaskSchema,
  GetResultResponseSchema,
  ListResultsResponseSchema,
  ResultsServiceConfigurationResponseSchema,
} from '../../proto/gen/armonik/api/grpc/v1/results_common_pb';
import type { Results } from '../../proto/gen/armonik/api/grpc/v1/results_service_pb';
import { DATA_CHUNK_MAX_SIZE, resultData } from '../domain/result-data';
import { requireSession } from '../domain/session-actions';
import { resultFields } from '../filtering/fields/result-fields';
import type { IndexResolver } from '../filtering/plan';
import type { Cluster } from '../store/cluster';
import type { ServiceContext } from './context';
import { toResultRaw } from './convert/result';
import { runListQuery, toMessages } from './list-query';

const STATUS_NAMES: Readonly<Record<number, string>> = {
  [ResultStatus.CREATED]: 'Created',
  [ResultStatus.ABORTED]: 'Aborted',
  [ResultStatus.DELETED]: 'Deleted',
};

/** RESULT_ID pins one row; SESSION_ID pins the session's result index. */
export function resultIndex(cluster: Cluster): IndexResolver {
  return (index, value) => {
    if (index === 'self') {
      const row = cluster.findResult(value);
      return row === undefined ? [] : [row];
    }
    const session = cluster.findSession(value);
    return session ? cluster.sessions.resultRows.rowsOf(session.index) : [];
  };
}

/**
 * Core finds results by result id alone (its `GetResults(sessionId, ids)` ignores the session):
 * a wrong or absent session id never changes what Get, GetOwnerTaskId, DownloadResultData or
 * DeleteResultsData see. Only the two creation RPCs need the session, to create into it.
 */
export function resultsService({
  cluster,
  limits,
  scheduler,
  quotas,
}: ServiceContext): Partial<ServiceImpl<typeof Results>> {
  const requireResult = (id: string): number => {
    const row = cluster.findResult(id);
    if (row === undefined) {
      throw new ConnectError(`Result was not found: Result '${id}' not found.`, Code.NotFound);
    }
    return row;
  };
  /** The known ones among `ids`, in request order; unknown ids are skipped, as Core does. */
  const known = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const row = cluster.findResult(id);
      return row === undefined ? [] : [[id, row] as const];
    });
  /**
   * Both creation RPCs: new results in the session, within the quotas. With data (CreateResults)
   * each one is uploaded and so completed at once; without (CreateResultsMetaData) it waits.
   */
  const createIn = <S extends { readonly name: string; readonly manualDeletion: boolean }>(
    sessionId: string,
    specs: readonly S[],
    dataOf?: (spec: S) => Uint8Array,
  ) => {
    const session = requireSession(cluster, sessionId);
    quotas.checkItems(specs.length, 'results');
    quotas.checkRows(specs.length);
    if (dataOf) quotas.checkData(specs.reduce((sum, spec) => sum + dataOf(spec).length, 0));
    quotas.addRows(specs.length);
    const now = cluster.clock();
    return specs.map((spec) => {
      const row = cluster.allocateResult(session, ResultStatus.CREATED, spec.name, now);
      cluster.results.manualDeletion[row] = spec.manualDeletion ? 1 : 0;
      const data = dataOf?.(spec);
      if (data) {
        cluster.results.size.set(row, data.length);
        cluster.results.completedAt.set(row, now);
        cluster.uploadedData.set(row, data.slice());
      }
      cluster.announceResult(row);
      if (data) cluster.setResultStatus(row, ResultStatus.COMPLETED);
      return toResultRaw(cluster, row);
    });
  };
  return {
    listResults(request, context) {
      return scheduler.run(context.signal, async (pacer) => {
        const { rows, total } = await runListQuery(
          {
            request,
            table: resultFields(cluster),
            sortFields: [request.sort?.field],
            rowCount: cluster.results.count,
            isLive: (row) => cluster.results.status[row] !== 0,
            resolveIndex: resultIndex(cluster),
            limits,
          },
          pacer,
        );
        return create(ListResultsResponseSchema, {
          results: await toMessages(rows, pacer, (row) => toResultRaw(cluster, row)),
          page: request.page,
          pageSize: request.pageSize,
          total,
        });
      });
    },
    getResult(request) {
      return create(GetResultResponseSchema, {
        result: toResultRaw(cluster, requireResult(request.resultId)),
      });
    },
    getOwnerTaskId(request) {
      const resultTask = known(request.resultId).map(([resultId, row]) =>
        create(GetOwnerTaskIdResponse_MapResultTaskSchema, {
          resultId,
          taskId: cluster.taskId(cluster.results.owner[row]!),
        }),
      );
      // Core echoes the request's session id, whatever it is.
      return create(GetOwnerTaskIdResponseSchema, { sessionId: request.sessionId, resultTask });
    },
    getServiceConfiguration() {
      return create(ResultsServiceConfigurationResponseSchema, {
        dataChunkMaxSize: DATA_CHUNK_MAX_SIZE,
      });
    },
    // connect-node takes an async iterable for a server stream; the chunks are ready at once
    // (the consumer awaits each one), so nothing here needs an await.
    // eslint-disable-next-line @typescript-eslint/require-await
    async *downloadResultData(request, context) {
      const row = cluster.findResult(request.resultId);
      // Core's own wording for an unknown result and for one without data.
      if (row === undefined) throw new ConnectError('Result data not found', Code.NotFound);
      const status = cluster.results.statusAt(row);
      if (status !== ResultStatus.COMPLETED) {
        throw new ConnectError(
          `Result data not found: result '${request.resultId}' has no data (status ${STATUS_NAMES[status] ?? status}).`,
          Code.NotFound,
        );
      }
      const data = resultData(cluster, row);
      for (
        let offset = 0;
        offset < data.length && !context.signal.aborted;
        offset += DATA_CHUNK_MAX_SIZE
      ) {
        yield create(DownloadResultDataResponseSchema, {
          dataChunk: data.subarray(offset, offset + DATA_CHUNK_MAX_SIZE),
        });
      }
    },
    deleteResultsData(request) {
      // Results kept for manual deletion are left alone, as in Core; unknown ids are ignored.
      for (const [, row] of known(request.resultId))
        if (cluster.results.manualDeletion[row] !== 1)
          cluster.setResultStatus(row, ResultStatus.DELETED);
      // Core answers with the requested ids only (no session id).
      return create(DeleteResultsDataResponseSchema, { resultId: request.resultId });
    },
    createResultsMetaData(request) {
      const results = createIn(request.sessionId, request.results);
      return create(CreateResultsMetaDataResponseSchema, { results });
    },
    createResults(request) {
      const results = createIn(request.sessionId, request.results, (spec) => spec.data);
      return create(CreateResultsResponseSchema, { results });
    },
  };
}
