import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import { StatusCountSchema } from '../../proto/gen/armonik/api/grpc/v1/objects_pb';
import { ResultStatus } from '../../proto/gen/armonik/api/grpc/v1/result_status_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import {
  CancelTasksResponseSchema,
  CountTasksByStatusResponseSchema,
  GetResultIdsResponseSchema,
  GetResultIdsResponse_MapTaskResultSchema,
  GetTaskResponseSchema,
  ListTasksDetailedResponseSchema,
  ListTasksResponseSchema,
  type ListTasksRequest,
  SubmitTasksResponseSchema,
  SubmitTasksResponse_TaskInfoSchema,
} from '../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import type { Tasks } from '../../proto/gen/armonik/api/grpc/v1/tasks_service_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { requireSession } from '../domain/session-actions';
import { cancelTasks } from '../domain/task-actions';
import { spawnTask } from '../domain/task-factory';
import { type CompiledFilter, compileFilter, stringEquality } from '../filtering/compile-filter';
import { taskFields } from '../filtering/fields/task-fields';
import { type Pacer, UNPACED } from '../filtering/pacer';
import { type IndexResolver, forEachMatch, planCandidates } from '../filtering/plan';
import { shownId } from '../limits';
import type { Cluster } from '../store/cluster';
import { TASK_STATUS_SLOTS } from '../store/session-store';
import type { ServiceContext } from './context';
import { toTaskDetailed, toTaskSummary } from './convert/task';
import { fromTaskOptions } from './convert/task-options-proto';
import { runListQuery, toMessages } from './list-query';

/** TASK_ID pins one row; SESSION_ID pins the session's task index. */
export function taskIndex(cluster: Cluster): IndexResolver {
  return (index, value) => {
    if (index === 'self') {
      const row = cluster.findTask(value);
      return row === undefined ? [] : [row];
    }
    const session = cluster.findSession(value);
    return session ? cluster.sessions.taskRows.rowsOf(session.index) : [];
  };
}

export function tasksService({
  cluster,
  limits,
  scheduler,
  quotas,
}: ServiceContext): Partial<ServiceImpl<typeof Tasks>> {
  const isLive = (row: number) => cluster.tasks.status[row] !== 0;
  const list = (request: ListTasksRequest, pacer: Pacer) =>
    runListQuery(
      {
        request,
        table: taskFields(cluster),
        sortFields: [request.sort?.field],
        rowCount: cluster.tasks.count,
        isLive,
        resolveIndex: taskIndex(cluster),
        limits,
      },
      pacer,
    );
  const requireTask = (id: string): number => {
    const row = cluster.findTask(id);
    if (row === undefined)
      throw new ConnectError(`Task was not found: Task '${shownId(id)}' not found.`, Code.NotFound);
    return row;
  };
  return {
    listTasks(request, context) {
      return scheduler.run(context.signal, async (pacer) => {
        const { rows, total } = await list(request, pacer);
        return create(ListTasksResponseSchema, {
          tasks: await toMessages(rows, pacer, (row) => toTaskSummary(cluster, row)),
          page: request.page,
          pageSize: request.pageSize,
          total,
        });
      });
    },
    listTasksDetailed(request, context) {
      return scheduler.run(context.signal, async (pacer) => {
        const { rows, total } = await list(request, pacer);
        return create(ListTasksDetailedResponseSchema, {
          tasks: await toMessages(rows, pacer, (row) => toTaskDetailed(cluster, row)),
          page: request.page,
          pageSize: request.pageSize,
          total,
        });
      });
    },
    getTask(request) {
      return create(GetTaskResponseSchema, {
        task: toTaskDetailed(cluster, requireTask(request.taskId)),
      });
    },
    cancelTasks(request) {
      // Unknown ids are ignored, as in ArmoniK.Core; the reply lists the requested tasks that exist.
      const rows = [...new Set(request.taskIds)]
        .map((id) => cluster.findTask(id))
        .filter((row): row is number => row !== undefined);
      cancelTasks(cluster, rows);
      return create(CancelTasksResponseSchema, {
        tasks: rows.map((row) => toTaskSummary(cluster, row)),
      });
    },
    getResultIds(request) {
      const taskResults = request.taskId.flatMap((id) => {
        const row = cluster.findTask(id);
        if (row === undefined) return [];
        const resultIds = cluster.taskOutputs(row).map((r) => cluster.resultId(r));
        return [create(GetResultIdsResponse_MapTaskResultSchema, { taskId: id, resultIds })];
      });
      return create(GetResultIdsResponseSchema, { taskResults });
    },
    countTasksByStatus(request, context) {
      const filter = compileFilter(
        taskFields(cluster),
        request.filters,
        'filters',
        limits.maxFilterConditions,
      );
      return scheduler.run(context.signal, async (pacer) => {
        const counts = await countByStatus(cluster, filter, pacer);
        const status = [];
        for (let s = 0; s < TASK_STATUS_SLOTS; s++) {
          if (counts[s]! > 0)
            status.push(create(StatusCountSchema, { status: s as TaskStatus, count: counts[s]! }));
        }
        return create(CountTasksByStatusResponseSchema, { status });
      });
    },
    submitTasks(request) {
      const session = requireSession(cluster, request.sessionId);
      quotas.checkItems(request.taskCreations.length, 'task creations');
      quotas.checkRows(request.taskCreations.length);
      if (
        !session.clientSubmission ||
        (session.status !== SessionStatus.RUNNING && session.status !== SessionStatus.PAUSED)
      ) {
        throw new ConnectError(
          'Submission for the session is closed: Client submission is closed',
          Code.FailedPrecondition,
        );
      }
      const resultRow = (id: string, what: string): number => {
        const row = cluster.findResult(id);
        if (row === undefined || cluster.results.session[row] !== session.index) {
          throw new ConnectError(
            `Result was not found: ${what} '${id}' is not a result of session ${session.id}.`,
            Code.NotFound,
          );
        }
        return row;
      };
      const sessionOptions = cluster.options.get(session.options);
      const requestOptions = fromTaskOptions(request.taskOptions);
      // Validate everything before creating anything, so a bad request has no partial effect.
      const plans = request.taskCreations.map((creation) => {
        const outputs = creation.expectedOutputKeys.map((id) => resultRow(id, 'Expected output'));
        if (outputs.some((r) => cluster.results.status[r] !== ResultStatus.CREATED)) {
          throw new ConnectError(
            'Expected outputs must be results in status Created.',
            Code.FailedPrecondition,
          );
        }
        const dependencies = creation.dataDependencies.map((id) =>
          resultRow(id, 'Data dependency'),
        );
        const options = fromTaskOptions(creation.taskOptions) ?? requestOptions ?? sessionOptions;
        const partitionId = options.partitionId || sessionOptions.partitionId;
        if (!session.partitionIds.includes(partitionId)) {
          throw new ConnectError(
            `Partition ${partitionId} is not a partition of session ${session.id}.`,
            Code.InvalidArgument,
          );
        }
        return {
          creation,
          outputs,
          dependencies,
          options: cluster.options.intern({ ...options, partitionId }),
        };
      });
      quotas.addRows(plans.length);
      const taskInfos = plans.map(({ creation, outputs, dependencies, options }) => {
        const row = spawnTask(cluster, session, {
          options,
          outputs,
          dependencies,
          payloadId: creation.payloadId,
        });
        return create(SubmitTasksResponse_TaskInfoSchema, {
          taskId: cluster.taskId(row),
          expectedOutputIds: creation.expectedOutputKeys,
          dataDependencies: creation.dataDependencies,
          payloadId: creation.payloadId,
        });
      });
      return create(SubmitTasksResponseSchema, { taskInfos });
    },
  };
}

/**
 * Counts matching live tasks per status. When every AND-group is just "SESSION_ID = x" the
 * per-session counters answer directly; otherwise only the pinned sessions' tasks (or all
 * tasks, for filters without a session) are scanned.
 */
export async function countByStatus(
  cluster: Cluster,
  filter: CompiledFilter,
  pacer: Pacer = UNPACED,
): Promise<Int32Array> {
  if (filter.groups.length === 0 || filter.groups.some((g) => g.length === 0))
    return cluster.taskCounts.slice();
  // "Tasks of these sessions": one filter_string EQUAL on the session per group.
  const sessionIds = filter.groups.map(([only, ...more]) =>
    only && more.length === 0 && only.spec.index === 'session' ? stringEquality(only) : undefined,
  );
  const counts = new Int32Array(TASK_STATUS_SLOTS);
  if (sessionIds.every((id): id is string => id !== undefined)) {
    for (const id of new Set(sessionIds)) {
      const session = cluster.findSession(id);
      if (session)
        for (let s = 0; s < TASK_STATUS_SLOTS; s++)
          counts[s]! += cluster.sessions.taskCount(session.index, s);
    }
    return counts;
  }
  const candidates = planCandidates(filter, cluster.tasks.count, taskIndex(cluster));
  const status = cluster.tasks.status;
  await forEachMatch(
    candidates,
    (row) => status[row] !== 0,
    filter,
    (row) => counts[status[row]!]!++,
    pacer,
  );
  return counts;
}
