import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import {
  CancelSessionResponseSchema,
  CloseSessionResponseSchema,
  CreateSessionReplySchema,
  DeleteSessionResponseSchema,
  GetSessionResponseSchema,
  ListSessionsResponseSchema,
  PauseSessionResponseSchema,
  PurgeSessionResponseSchema,
  ResumeSessionResponseSchema,
  StopSubmissionResponseSchema,
} from '../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import type { Sessions } from '../../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import {
  deleteSession,
  requireSession,
  stopSubmission,
  transitionSession,
} from '../domain/session-actions';
import { sessionFields } from '../filtering/fields/session-fields';
import { IdKind } from '../store/ids';
import type { ServiceContext } from './context';
import { fromTaskOptions } from './convert/task-options-proto';
import { toSessionRaw } from './convert/session';
import { runListQuery, toMessages } from './list-query';

export function sessionsService({
  cluster,
  limits,
  scheduler,
  quotas,
}: ServiceContext): Partial<ServiceImpl<typeof Sessions>> {
  const raw = (s: Parameters<typeof toSessionRaw>[1]) => toSessionRaw(cluster, s);
  return {
    listSessions(request, context) {
      return scheduler.run(context.signal, async (pacer) => {
        const { rows, total } = await runListQuery(
          {
            request,
            table: sessionFields(cluster, cluster.clock()),
            sortFields: [request.sort?.field],
            rowCount: cluster.sessions.count,
            isLive: (row) => cluster.sessions.get(row) !== undefined,
            resolveIndex: (index, value) => {
              if (index !== 'self') return undefined;
              const row = cluster.ids.decode(value, IdKind.Session);
              return row === undefined ? [] : [row];
            },
            limits,
          },
          pacer,
        );
        return create(ListSessionsResponseSchema, {
          sessions: await toMessages(rows, pacer, (row) => {
            const session = cluster.sessions.get(row);
            return session && raw(session);
          }),
          page: request.page,
          pageSize: request.pageSize,
          total,
        });
      });
    },
    getSession(request) {
      return create(GetSessionResponseSchema, {
        session: raw(requireSession(cluster, request.sessionId)),
      });
    },
    pauseSession(request) {
      return create(PauseSessionResponseSchema, {
        session: raw(transitionSession(cluster, request.sessionId, 'pause')),
      });
    },
    resumeSession(request) {
      return create(ResumeSessionResponseSchema, {
        session: raw(transitionSession(cluster, request.sessionId, 'resume')),
      });
    },
    cancelSession(request) {
      return create(CancelSessionResponseSchema, {
        session: raw(transitionSession(cluster, request.sessionId, 'cancel')),
      });
    },
    closeSession(request) {
      return create(CloseSessionResponseSchema, {
        session: raw(transitionSession(cluster, request.sessionId, 'close')),
      });
    },
    purgeSession(request) {
      return create(PurgeSessionResponseSchema, {
        session: raw(transitionSession(cluster, request.sessionId, 'purge')),
      });
    },
    deleteSession(request) {
      const deleted = deleteSession(cluster, request.sessionId);
      if (deleted.index >= 0) quotas.removeSession(deleted.index);
      return create(DeleteSessionResponseSchema, { session: raw(deleted) });
    },
    stopSubmission(request) {
      return create(StopSubmissionResponseSchema, {
        session: raw(stopSubmission(cluster, request.sessionId, request.client, request.worker)),
      });
    },
    createSession(request) {
      quotas.checkSession();
      const options = fromTaskOptions(request.defaultTaskOption);
      if (!options)
        throw new ConnectError(
          'Property DefaultTaskOption failed validation.',
          Code.InvalidArgument,
        );
      const requested = request.partitionIds.filter((p) => p !== '');
      const partitionIds = requested.length > 0 ? requested : ['default'];
      if (partitionIds.some((p) => !cluster.partitions.has(p))) {
        throw new ConnectError(
          'Partition was not found: One of the partitions does not exist',
          Code.NotFound,
        );
      }
      const partitionId = options.partitionId || partitionIds[0]!;
      if (!cluster.partitions.has(partitionId)) {
        throw new ConnectError(
          'Partition was not found: The partition in the task options does not exist',
          Code.NotFound,
        );
      }
      const session = cluster.addSession({
        status: SessionStatus.RUNNING,
        partitionIds,
        options: cluster.options.intern({ ...options, partitionId }),
        createdAt: cluster.clock(),
      });
      quotas.addSession(session.index);
      return create(CreateSessionReplySchema, { sessionId: session.id });
    },
  };
}
