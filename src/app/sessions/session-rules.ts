import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';

import { SESSION_ACTIONS, type SessionAction } from './session-action-names';

/**
 * The one status → actions table of the product (PRODUCT.md). The row menu, the inspection page,
 * the bulk bar and keyboard shortcuts all ask this module; nothing else derives the rules.
 */
export { SESSION_ACTIONS, type SessionAction } from './session-action-names';

/** ArmoniK permission (`<Service>:<Method>`) each action needs, as GetCurrentUser lists them. */
export const ACTION_PERMISSION: Readonly<Record<SessionAction, string>> = {
  pause: 'Sessions:PauseSession',
  resume: 'Sessions:ResumeSession',
  cancel: 'Sessions:CancelSession',
  close: 'Sessions:CloseSession',
  purge: 'Sessions:PurgeSession',
  stopSubmission: 'Sessions:StopSubmission',
  delete: 'Sessions:DeleteSession',
};

const STATUS_ACTIONS: Readonly<Record<SessionStatus, readonly SessionAction[]>> = {
  [SessionStatus.RUNNING]: ['pause', 'cancel', 'close', 'stopSubmission', 'delete'],
  [SessionStatus.PAUSED]: ['resume', 'cancel', 'close', 'stopSubmission', 'delete'],
  [SessionStatus.CANCELLED]: ['purge', 'delete'],
  // ArmoniK's control plane allows cancelling a closed session (its tasks still run); its GUI does not offer it.
  [SessionStatus.CLOSED]: ['cancel', 'purge', 'delete'],
  [SessionStatus.PURGED]: ['delete'],
  [SessionStatus.DELETED]: [],
  [SessionStatus.UNSPECIFIED]: [],
};

/** What the rules need to know of a session. */
export interface SessionFacts {
  readonly status: SessionStatus;
  readonly clientSubmission: boolean;
  readonly workerSubmission: boolean;
}

/** Actions the status table allows for this status, before permissions and submission flags. */
export function actionsForStatus(status: SessionStatus): readonly SessionAction[] {
  return STATUS_ACTIONS[status] ?? [];
}

/** Why an action is not offered: the status forbids it, submission is already stopped, or the user lacks the permission. */
export type Refusal = 'status' | 'submissionStopped' | 'permission';

/** Why this action is not offered for this session to this user; `undefined` when it is offered. */
export function refusalOf(
  action: SessionAction,
  session: SessionFacts,
  can: (permission: string) => boolean,
): Refusal | undefined {
  if (!actionsForStatus(session.status).includes(action)) return 'status';
  // Stop submission is offered only while a submission flag is still on.
  if (action === 'stopSubmission' && !session.clientSubmission && !session.workerSubmission)
    return 'submissionStopped';
  return can(ACTION_PERMISSION[action]) ? undefined : 'permission';
}

/** Is this action offered for this session to a user with these permissions? */
export function isActionAllowed(
  action: SessionAction,
  session: SessionFacts,
  can: (permission: string) => boolean,
): boolean {
  return refusalOf(action, session, can) === undefined;
}

/** Every action offered for this session, in the menu's order. */
export function allowedActions(
  session: SessionFacts,
  can: (permission: string) => boolean,
): SessionAction[] {
  return SESSION_ACTIONS.filter((action) => isActionAllowed(action, session, can));
}

/** How an action is confirmed: reversible ones act at once (with Undo), others confirm. */
export type Confirmation = 'none' | 'countdown' | 'typed';

export const ACTION_CONFIRMATION: Readonly<Record<SessionAction, Confirmation>> = {
  pause: 'none',
  resume: 'none',
  cancel: 'countdown',
  close: 'countdown',
  purge: 'countdown',
  stopSubmission: 'countdown',
  delete: 'typed',
};

/** The action that undoes a reversible one. */
export const UNDO_ACTION: Partial<Readonly<Record<SessionAction, SessionAction>>> = {
  pause: 'resume',
  resume: 'pause',
};

/** "Active" (HobbyFarm's word) = Running or Paused; anything else is finished. */
export const ACTIVE_STATUSES: readonly SessionStatus[] = [
  SessionStatus.RUNNING,
  SessionStatus.PAUSED,
];

export function isActive(status: SessionStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}
