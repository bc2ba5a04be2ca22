import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type SecondsNanos, toMillis } from '../grid/model/duration';

/** What the duration needs to know of a session. */
export interface SessionTimes {
  readonly status: SessionStatus;
  readonly createdAt?: SecondsNanos;
  readonly duration?: SecondsNanos;
  readonly cancelledAt?: SecondsNanos;
  readonly closedAt?: SecondsNanos;
  readonly purgedAt?: SecondsNanos;
  readonly deletedAt?: SecondsNanos;
}

/**
 * How long a session ran, in ms:
 * - the server's `duration` when it has one (set on close);
 * - else, for a running or paused session, now − created (live: the grid's clock re-evaluates it
 *   every second without any call);
 * - else the session's end − created, the end being the first of cancelled / closed / purged /
 *   deleted at (Core leaves `duration` empty on cancel);
 * - undefined when the timestamps needed are missing.
 */
export function sessionDuration(session: SessionTimes, now: number): number | undefined {
  const server = toMillis(session.duration);
  if (server !== undefined) return server;
  const created = toMillis(session.createdAt);
  if (created === undefined) return undefined;
  if (session.status === SessionStatus.RUNNING || session.status === SessionStatus.PAUSED)
    return Math.max(0, now - created);
  const ends = [session.cancelledAt, session.closedAt, session.purgedAt, session.deletedAt]
    .map(toMillis)
    .filter((ms): ms is number => ms !== undefined);
  return ends.length > 0 ? Math.max(0, Math.min(...ends) - created) : undefined;
}
