import type { SessionRaw } from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { toDuration, toTimestamp } from '../../proto-time';
import type { Cluster } from '../../store/cluster';
import type { SessionRecord } from '../../store/session-store';
import { toTaskOptions } from './task-options-proto';

/** A literal, not create() (see proto-time.ts): ListSessions builds one per row of the page. */
export function toSessionRaw(cluster: Cluster, s: SessionRecord): SessionRaw {
  return {
    $typeName: 'armonik.api.grpc.v1.sessions.SessionRaw',
    sessionId: s.id,
    status: s.status,
    partitionIds: [...s.partitionIds],
    options: toTaskOptions(cluster, s.options),
    createdAt: toTimestamp(s.createdAt),
    cancelledAt: toTimestamp(s.cancelledAt),
    closedAt: toTimestamp(s.closedAt),
    purgedAt: toTimestamp(s.purgedAt),
    deletedAt: toTimestamp(s.deletedAt),
    // Only set once closed, as ArmoniK.Core does (the console computes live durations itself).
    duration: toDuration(s.durationMs),
    clientSubmission: s.clientSubmission,
    workerSubmission: s.workerSubmission,
  };
}
