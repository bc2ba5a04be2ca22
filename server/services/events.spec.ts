import { create } from '@bufbuild/protobuf';
import type { HandlerContext } from '@connectrpc/connect';
import {
  EventSubscriptionRequestSchema,
  type EventSubscriptionResponse,
  EventsEnum,
} from '../../proto/gen/armonik/api/grpc/v1/events_common_pb';
import { FilterStatusOperator } from '../../proto/gen/armonik/api/grpc/v1/filters_common_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskSummaryEnumField } from '../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import { TaskStatus } from '../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { ResultRawEnumField } from '../../proto/gen/armonik/api/grpc/v1/results_fields_pb';
import { transitionSession } from '../domain/session-actions';
import { seedCluster } from '../seed/seed';
import { Cluster } from '../store/cluster';
import { createServiceContext } from './context';
import { eventsService } from './events';

const NOW = 1_800_000_000_000;

function setup() {
  const cluster = new Cluster(4, () => NOW);
  seedCluster(cluster, { sessions: 20, tasks: 2000, now: NOW });
  const session = [...cluster.sessions.all()].find(
    (s) =>
      s.status === SessionStatus.RUNNING &&
      cluster.sessions.taskCount(s.index, TaskStatus.SUBMITTED) > 0,
  )!;
  const service = eventsService(createServiceContext(cluster, { username: 'u' }));
  return { cluster, session, service };
}

/** Starts a subscription and collects what it yields until aborted. */
function subscribe(
  service: ReturnType<typeof eventsService>,
  request: Parameters<NonNullable<ReturnType<typeof eventsService>['getEvents']>>[0],
) {
  const abort = new AbortController();
  const received: EventSubscriptionResponse[] = [];
  const stream = service.getEvents!(request, {
    signal: abort.signal,
  } as HandlerContext) as AsyncIterable<EventSubscriptionResponse>;
  const done = (async () => {
    for await (const message of stream) received.push(message);
  })();
  return { received, stop: async () => (abort.abort(), await done) };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Events.GetEvents', () => {
  it('streams the session’s changes live and unsubscribes when the client cancels', async () => {
    const { cluster, session, service } = setup();
    const sub = subscribe(
      service,
      create(EventSubscriptionRequestSchema, { sessionId: session.id }),
    );
    await tick();
    expect(cluster.bus.listenerCount(session.index)).toBe(1);
    transitionSession(cluster, session.id, 'pause');
    await tick();
    const updates = sub.received.filter((m) => m.update.case === 'taskStatusUpdate');
    expect(updates.length).toBe(cluster.sessions.taskCount(session.index, TaskStatus.PAUSED));
    expect(updates.every((m) => m.sessionId === session.id)).toBe(true);
    await sub.stop();
    expect(cluster.bus.listenerCount(session.index)).toBe(0);
  });

  it('honours returned_events and the task and result filters', async () => {
    const { cluster, session, service } = setup();
    const onlyNewResults = subscribe(
      service,
      create(EventSubscriptionRequestSchema, {
        sessionId: session.id,
        returnedEvents: [EventsEnum.RESULT_STATUS_UPDATE],
      }),
    );
    const onlyCancellingTasks = subscribe(
      service,
      create(EventSubscriptionRequestSchema, {
        sessionId: session.id,
        tasksFilters: {
          or: [
            {
              and: [
                {
                  field: {
                    field: {
                      case: 'taskSummaryField',
                      value: { field: TaskSummaryEnumField.STATUS },
                    },
                  },
                  valueCondition: {
                    case: 'filterStatus',
                    value: { value: TaskStatus.CANCELLING, operator: FilterStatusOperator.EQUAL },
                  },
                },
              ],
            },
          ],
        },
        returnedEvents: [EventsEnum.TASK_STATUS_UPDATE],
      }),
    );
    await tick();
    transitionSession(cluster, session.id, 'cancel');
    await tick();
    expect(onlyNewResults.received.length).toBeGreaterThan(0);
    expect(onlyNewResults.received.every((m) => m.update.case === 'resultStatusUpdate')).toBe(true);
    expect(onlyCancellingTasks.received.length).toBeGreaterThan(0);
    expect(
      onlyCancellingTasks.received.every(
        (m) =>
          m.update.case === 'taskStatusUpdate' && m.update.value.status === TaskStatus.CANCELLING,
      ),
    ).toBe(true);
    await onlyNewResults.stop();
    await onlyCancellingTasks.stop();
    cluster.dispose();
  });

  it('refuses result filters on columns ArmoniK does not allow in subscriptions', async () => {
    const { session, service } = setup();
    const request = create(EventSubscriptionRequestSchema, {
      sessionId: session.id,
      resultsFilters: {
        or: [
          {
            and: [
              {
                field: {
                  field: { case: 'resultRawField', value: { field: ResultRawEnumField.SIZE } },
                },
                valueCondition: { case: 'filterNumber', value: { value: 1n, operator: 0 } },
              },
            ],
          },
        ],
      },
    });
    const stream = service.getEvents!(request, {
      signal: new AbortController().signal,
    } as HandlerContext) as AsyncIterable<unknown>;
    await expect(
      (async () => {
        for await (const _ of stream) void _;
      })(),
    ).rejects.toThrow(/SIZE cannot be used in an event subscription/);
  });
});
