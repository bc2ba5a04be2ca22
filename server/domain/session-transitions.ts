import { shownId } from '../limits';
import { SessionStatus } from '../../proto/gen/armonik/api/grpc/v1/session_status_pb';

/** Lifecycle actions whose legality depends on the current status (Delete and StopSubmission never do). */
export type TransitionAction = 'pause' | 'resume' | 'cancel' | 'close' | 'purge';

/**
 * Accepted transitions (armonik-api.md; armonik-semantics.md §2.4): the Admin GUI table plus
 * idempotent Resume on Running and Cancel from Closed, which ArmoniK.Core accepts. Everything
 * else is FAILED_PRECONDITION — including Pause/Resume on Closed, where Core answers UNKNOWN.
 */
const ALLOWED_FROM: Readonly<Record<TransitionAction, readonly SessionStatus[]>> = {
  pause: [SessionStatus.RUNNING],
  resume: [SessionStatus.RUNNING, SessionStatus.PAUSED],
  cancel: [SessionStatus.RUNNING, SessionStatus.PAUSED, SessionStatus.CLOSED],
  close: [SessionStatus.RUNNING, SessionStatus.PAUSED],
  purge: [SessionStatus.CLOSED, SessionStatus.CANCELLED],
};

const TARGET: Readonly<Record<TransitionAction, SessionStatus>> = {
  pause: SessionStatus.PAUSED,
  resume: SessionStatus.RUNNING,
  cancel: SessionStatus.CANCELLED,
  close: SessionStatus.CLOSED,
  purge: SessionStatus.PURGED,
};

/** Core's internal status names, which its error details use. */
export const SESSION_STATUS_NAMES: Readonly<Record<SessionStatus, string>> = {
  [SessionStatus.UNSPECIFIED]: 'Unspecified',
  [SessionStatus.RUNNING]: 'Running',
  [SessionStatus.CANCELLED]: 'Cancelled',
  [SessionStatus.PAUSED]: 'Paused',
  [SessionStatus.CLOSED]: 'Closed',
  [SessionStatus.PURGED]: 'Purged',
  [SessionStatus.DELETED]: 'Deleted',
};

export type TransitionCheck =
  | { readonly ok: true; readonly next: SessionStatus; readonly changes: boolean }
  | { readonly ok: false; readonly message: string };

export function checkTransition(action: TransitionAction, current: SessionStatus): TransitionCheck {
  if (!ALLOWED_FROM[action].includes(current)) {
    return { ok: false, message: invalidTransitionMessage(action, current) };
  }
  const next = TARGET[action];
  return { ok: true, next, changes: next !== current };
}

export function invalidTransitionMessage(action: TransitionAction, current: SessionStatus): string {
  return `The session transition is invalid: Cannot ${action} a session with status ${SESSION_STATUS_NAMES[current]}`;
}

export function sessionNotFoundMessage(id: string): string {
  return `Session was not found: Session ${shownId(id)} not found.`;
}
