import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { isActive } from '../session-rules';
import { type TimelineStep, timelineOf } from '../../grid/model/timeline';
import { toDate, toMillis } from '../../shared/format';

export type LifecycleEvent = 'created' | 'cancelled' | 'closed' | 'purged' | 'deleted';

export type LifecycleStep = TimelineStep<LifecycleEvent>;

/** The session's life in plain terms (HobbyFarm's active/finished/paused, start and end). */
export interface Lifecycle {
  readonly steps: readonly LifecycleStep[];
  /** Running or Paused. */
  readonly active: boolean;
  readonly paused: boolean;
  /** Created At. */
  readonly start?: number;
  /** The first of Cancelled At and Closed At. */
  readonly end?: number;
  /**
   * end − start; for an active session, now − start (live). The server's own `duration`
   * (set on close) wins when present.
   */
  readonly durationMs?: number;
  readonly live: boolean;
}

export function lifecycleOf(session: SessionRaw, now: number): Lifecycle {
  const created = toDate(session.createdAt)?.getTime();
  const cancelled = toDate(session.cancelledAt)?.getTime();
  const closed = toDate(session.closedAt)?.getTime();
  const steps = timelineOf<LifecycleEvent>([
    ['created', created],
    ['cancelled', cancelled],
    ['closed', closed],
    ['purged', toDate(session.purgedAt)?.getTime()],
    ['deleted', toDate(session.deletedAt)?.getTime()],
  ]);
  const start = created || undefined;
  const ends = [cancelled, closed].filter((t): t is number => !!t);
  const end = ends.length > 0 ? Math.min(...ends) : undefined;
  const active = isActive(session.status);
  const live = active && end === undefined;
  const serverDuration = toMillis(session.duration);
  const computed =
    start === undefined
      ? undefined
      : end !== undefined
        ? end - start
        : live
          ? now - start
          : undefined;
  return {
    steps,
    active,
    paused: session.status === SessionStatus.PAUSED,
    ...(start === undefined ? {} : { start }),
    ...(end === undefined ? {} : { end }),
    ...((serverDuration ?? computed) === undefined
      ? {}
      : { durationMs: serverDuration || computed }),
    live,
  };
}
