import { type SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import {
  type Refusal,
  SESSION_ACTIONS,
  type SessionAction,
  type SessionFacts,
  isActionAllowed,
  refusalOf,
} from '../session-rules';

/** A selected session as the bulk bar knows it: its id and what the rules need. */
export interface BulkTarget extends SessionFacts {
  readonly sessionId: string;
}

export interface SkippedTarget {
  readonly target: BulkTarget;
  readonly reason: Refusal;
}

/** One group of skipped sessions for the confirmation ("2 Cancelled", "1 with submission stopped"). */
export interface SkipGroup {
  readonly reason: Refusal;
  /** Set when reason is `status`. */
  readonly status?: SessionStatus;
  readonly count: number;
}

/** Which selected sessions an action will be sent to, and which it skips and why. */
export interface BulkPlan {
  readonly action: SessionAction;
  readonly affected: readonly BulkTarget[];
  readonly skipped: readonly SkippedTarget[];
  readonly skipGroups: readonly SkipGroup[];
}

/** Splits a selection by the rule table: nothing is sent for a session the rules do not allow. */
export function planBulk(
  action: SessionAction,
  targets: readonly BulkTarget[],
  can: (permission: string) => boolean,
): BulkPlan {
  const affected: BulkTarget[] = [];
  const skipped: SkippedTarget[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.sessionId)) continue;
    seen.add(target.sessionId);
    const reason = refusalOf(action, target, can);
    if (reason === undefined) affected.push(target);
    else skipped.push({ target, reason });
  }
  return { action, affected, skipped, skipGroups: groupSkipped(skipped) };
}

function groupSkipped(skipped: readonly SkippedTarget[]): SkipGroup[] {
  const groups = new Map<string, SkipGroup>();
  for (const { target, reason } of skipped) {
    const status = reason === 'status' ? target.status : undefined;
    const key = `${reason}:${status ?? ''}`;
    const group = groups.get(key);
    groups.set(key, {
      reason,
      ...(status === undefined ? {} : { status }),
      count: (group?.count ?? 0) + 1,
    });
  }
  // Largest group first; then in status order, so the same selection always reads the same.
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || (a.status ?? 99) - (b.status ?? 99),
  );
}

/** Actions the bulk bar offers: those the rules allow for at least one selected session. */
export function bulkOffer(
  targets: readonly BulkTarget[],
  can: (permission: string) => boolean,
): SessionAction[] {
  return SESSION_ACTIONS.filter((action) =>
    targets.some((target) => isActionAllowed(action, target, can)),
  );
}
