import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import type { SessionAction } from '../../sessions';
import {
  MINUTE,
  FAILED,
  FINISHED,
  RUNNING,
  type StatusCounts,
  WAITING,
  sumOf,
} from '../../progress';

/** Why a session needs a person. */
export type AttentionKind = 'stuck' | 'failing' | 'overTime' | 'pausedLong' | 'submissionOpen';

export const ATTENTION_KINDS: readonly AttentionKind[] = [
  'stuck',
  'failing',
  'overTime',
  'pausedLong',
  'submissionOpen',
];

/** What the operator can tune (kept in the overview preferences). */
export interface AttentionThresholds {
  /** Stuck / submission left open: no task finished for this long. */
  readonly stuckMinutes: number;
  /** Failing: error + timeout tasks at or above this share of finished tasks, in percent. */
  readonly failingPercent: number;
  /** Paused for long: paused (and idle) for more than this. */
  readonly pausedMinutes: number;
}

export const DEFAULT_THRESHOLDS: AttentionThresholds = {
  stuckMinutes: 10,
  failingPercent: 20,
  pausedMinutes: 30,
};

/** A share over a handful of tasks says nothing: failing needs at least this many finished. */
export const FAILING_MIN_FINISHED = 10;

/** What the rules read of one session: its fields, its counts, its last finished task. */
export interface SessionFacts {
  readonly status: SessionStatus;
  readonly createdAt: number;
  readonly clientSubmission: boolean;
  /** The session's task options' max duration in ms; undefined when it has none. */
  readonly maxDurationMs?: number;
  readonly counts: StatusCounts;
  /** End time of its most recently finished task; undefined when none finished. */
  readonly lastEndedAt?: number;
}

/** One reason, with the numbers its sentence says (i18n parameters). */
export interface Attention {
  readonly kind: AttentionKind;
  readonly facts: Readonly<Record<string, number>>;
  /** The sentence variant: e.g. "since it opened" when no task ever finished. */
  readonly variant?: 'sinceOpened';
}

/** The one-click actions each reason offers (the rule table still decides what is allowed). */
export const ATTENTION_ACTIONS: Readonly<Record<AttentionKind, readonly SessionAction[]>> = {
  stuck: ['pause', 'cancel'],
  failing: ['pause', 'cancel'],
  overTime: ['cancel'],
  pausedLong: ['resume', 'cancel'],
  submissionOpen: ['close'],
};

/** Every reason this session needs a person now, in the order of ATTENTION_KINDS. */
export function attentionOf(
  session: SessionFacts,
  now: number,
  thresholds: AttentionThresholds = DEFAULT_THRESHOLDS,
): Attention[] {
  const reasons: Attention[] = [];
  const running = session.status === SessionStatus.RUNNING;
  const waiting = sumOf(session.counts, WAITING);
  const inFlight = waiting + sumOf(session.counts, RUNNING);
  const finished = sumOf(session.counts, FINISHED);
  const failed = sumOf(session.counts, FAILED);
  // Idle since the last task finished, or since the session opened if none ever did.
  const since = session.lastEndedAt ?? session.createdAt;
  const idleMs = Math.max(0, now - since);
  const variant = session.lastEndedAt === undefined ? ('sinceOpened' as const) : undefined;

  if (running && waiting > 0 && idleMs >= thresholds.stuckMinutes * MINUTE)
    reasons.push({ kind: 'stuck', facts: { waiting, idleMs }, ...(variant ? { variant } : {}) });

  if (finished >= FAILING_MIN_FINISHED && failed * 100 >= thresholds.failingPercent * finished)
    reasons.push({
      kind: 'failing',
      facts: { failed, finished, percent: Math.round((failed * 100) / finished) },
    });

  const ageMs = Math.max(0, now - session.createdAt);
  if (
    running &&
    session.maxDurationMs !== undefined &&
    session.maxDurationMs > 0 &&
    ageMs > session.maxDurationMs
  )
    reasons.push({ kind: 'overTime', facts: { ageMs, maxMs: session.maxDurationMs } });

  if (session.status === SessionStatus.PAUSED && idleMs > thresholds.pausedMinutes * MINUTE)
    reasons.push({ kind: 'pausedLong', facts: { idleMs }, ...(variant ? { variant } : {}) });

  if (
    running &&
    session.clientSubmission &&
    finished > 0 &&
    inFlight === 0 &&
    idleMs >= thresholds.stuckMinutes * MINUTE
  )
    reasons.push({ kind: 'submissionOpen', facts: { finished, idleMs } });

  return reasons;
}
