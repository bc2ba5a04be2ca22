import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import {
  EventSubscriptionResponseSchema,
  EventSubscriptionResponse_NewResultSchema,
  EventSubscriptionResponse_NewTaskSchema,
  EventSubscriptionResponse_ResultOwnerUpdateSchema,
  EventSubscriptionResponse_ResultStatusUpdateSchema,
  EventSubscriptionResponse_TaskStatusUpdateSchema,
  type EventSubscriptionResponse,
  EventsEnum,
} from '../../proto/gen/armonik/api/grpc/v1/events_common_pb';
import type { Events } from '../../proto/gen/armonik/api/grpc/v1/events_service_pb';
import { requireSession } from '../domain/session-actions';
import { type CompiledFilter, compileFilter } from '../filtering/compile-filter';
import { resultFields } from '../filtering/fields/result-fields';
import { taskFields } from '../filtering/fields/task-fields';
import type { Cluster } from '../store/cluster';
import type { ClusterEvent } from '../store/event-bus';
import { AsyncQueue } from './async-queue';
import type { ServiceContext } from './context';
import { taskRelations } from './convert/task';

/** Columns ArmoniK.Core's validator accepts in an event subscription's results_filters. */
const RESULT_EVENT_COLUMNS = new Set(['OWNER_TASK_ID', 'SESSION_ID', 'NAME', 'RESULT_ID']);

const KIND: Readonly<Record<ClusterEvent['type'], EventsEnum>> = {
  newTask: EventsEnum.NEW_TASK,
  taskStatus: EventsEnum.TASK_STATUS_UPDATE,
  newResult: EventsEnum.NEW_RESULT,
  resultStatus: EventsEnum.RESULT_STATUS_UPDATE,
  resultOwner: EventsEnum.RESULT_OWNER_UPDATE,
};

/** How many undelivered events a subscriber may accumulate before its stream is ended. */
const BACKLOG_LIMIT = 50_000;

export function eventsService({
  cluster,
  limits,
}: ServiceContext): Partial<ServiceImpl<typeof Events>> {
  return {
    /** A live stream of one session's changes; open until the client cancels. */
    async *getEvents(request, context) {
      const session = requireSession(cluster, request.sessionId);
      const max = limits.maxFilterConditions;
      const taskFilter = compileFilter(
        taskFields(cluster),
        request.tasksFilters,
        'tasks_filters',
        max,
      );
      const resultFilter = compileFilter(
        resultFields(cluster),
        request.resultsFilters,
        'results_filters',
        max,
      );
      for (const condition of resultFilter.groups.flat()) {
        if (!RESULT_EVENT_COLUMNS.has(condition.spec.label)) {
          throw new ConnectError(
            `results_filters: ${condition.spec.label} cannot be used in an event subscription ` +
              `(only OWNER_TASK_ID, SESSION_ID, NAME and RESULT_ID).`,
            Code.InvalidArgument,
          );
        }
      }
      const wanted = new Set<EventsEnum>(
        request.returnedEvents.filter((e) => e !== EventsEnum.UNSPECIFIED),
      );
      const queue = new AsyncQueue<EventSubscriptionResponse>(BACKLOG_LIMIT);
      const unsubscribe = cluster.bus.subscribe(session.index, (event) => {
        if (wanted.size > 0 && !wanted.has(KIND[event.type])) return;
        const message = toMessage(cluster, session.id, event, taskFilter, resultFilter);
        if (message) queue.push(message);
      });
      try {
        yield* queue.drain(context.signal);
      } finally {
        unsubscribe();
      }
    },
  };
}

/** The event as ArmoniK sends it, or undefined when the subscription's filters exclude it. */
function toMessage(
  cluster: Cluster,
  sessionId: string,
  event: ClusterEvent,
  taskFilter: CompiledFilter,
  resultFilter: CompiledFilter,
): EventSubscriptionResponse | undefined {
  const wrap = (update: EventSubscriptionResponse['update']) =>
    create(EventSubscriptionResponseSchema, { sessionId, update });
  switch (event.type) {
    case 'newTask': {
      if (!taskFilter.test(event.task)) return undefined;
      const r = taskRelations(cluster, event.task);
      const parent = cluster.tasks.parent[event.task]!;
      return wrap({
        case: 'newTask',
        value: create(EventSubscriptionResponse_NewTaskSchema, {
          taskId: cluster.taskId(event.task),
          payloadId: cluster.payloadId(event.task),
          originTaskId: parent >= 0 ? cluster.taskId(parent) : sessionId,
          status: cluster.tasks.statusAt(event.task),
          expectedOutputKeys: r.outputs,
          dataDependencies: r.dependencies,
          retryOfIds: r.retryOf,
          parentTaskIds: r.parents,
        }),
      });
    }
    case 'taskStatus':
      if (!taskFilter.test(event.task)) return undefined;
      return wrap({
        case: 'taskStatusUpdate',
        value: create(EventSubscriptionResponse_TaskStatusUpdateSchema, {
          taskId: cluster.taskId(event.task),
          status: event.status,
        }),
      });
    case 'newResult':
      if (!resultFilter.test(event.result)) return undefined;
      return wrap({
        case: 'newResult',
        value: create(EventSubscriptionResponse_NewResultSchema, {
          resultId: cluster.resultId(event.result),
          ownerId: cluster.taskId(cluster.results.owner[event.result]!),
          status: cluster.results.statusAt(event.result),
        }),
      });
    case 'resultStatus':
      if (!resultFilter.test(event.result)) return undefined;
      return wrap({
        case: 'resultStatusUpdate',
        value: create(EventSubscriptionResponse_ResultStatusUpdateSchema, {
          resultId: cluster.resultId(event.result),
          status: event.status,
        }),
      });
    case 'resultOwner':
      if (!resultFilter.test(event.result)) return undefined;
      return wrap({
        case: 'resultOwnerUpdate',
        value: create(EventSubscriptionResponse_ResultOwnerUpdateSchema, {
          resultId: cluster.resultId(event.result),
          previousOwnerId: cluster.taskId(event.previousOwner),
          currentOwnerId: cluster.taskId(event.currentOwner),
        }),
      });
  }
}
