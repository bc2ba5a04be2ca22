import { type SessionAction } from '../sessions/session-rules';

/** How the action reached the server: from one session's controls, a bulk run, or an Undo. */
export type ActivityOrigin = 'single' | 'bulk' | 'undo';

/** `unknown`: the console stopped waiting before the server answered (the page was closed…). */
export type ActivityOutcome = 'succeeded' | 'failed' | 'unknown';

/** One action the console sent, as the journal keeps it. Every string is rendered as text. */
export interface ActivityEntry {
  readonly id: string;
  /** ISO 8601, when the answer (or its absence) was recorded. */
  readonly at: string;
  /** Who, from GetCurrentUser. */
  readonly user: string;
  readonly sessionId: string;
  readonly action: SessionAction;
  /** Stop submission only: which submissions were stopped (`client`, `worker`, `client+worker`). */
  readonly detail?: string;
  readonly origin: ActivityOrigin;
  readonly outcome: ActivityOutcome;
  /** gRPC code name of a refusal (`FAILED_PRECONDITION`…). */
  readonly code?: string;
  /** The server's own message of a refusal. */
  readonly message?: string;
  /** The status the server returned after a success (`RUNNING`, `PAUSED`…). */
  readonly status?: string;
}

const ACTIONS: readonly string[] = [
  'pause',
  'resume',
  'cancel',
  'close',
  'purge',
  'stopSubmission',
  'delete',
];
const ORIGINS: readonly string[] = ['single', 'bulk', 'undo'];
const OUTCOMES: readonly string[] = ['succeeded', 'failed', 'unknown'];

/** Storage is another program's input: keep only well-formed entries. */
export function isActivityEntry(value: unknown): value is ActivityEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const optionalText = (key: string) => v[key] === undefined || typeof v[key] === 'string';
  return (
    typeof v['id'] === 'string' &&
    typeof v['at'] === 'string' &&
    !Number.isNaN(Date.parse(v['at'])) &&
    typeof v['user'] === 'string' &&
    typeof v['sessionId'] === 'string' &&
    ACTIONS.includes(v['action'] as string) &&
    ORIGINS.includes(v['origin'] as string) &&
    OUTCOMES.includes(v['outcome'] as string) &&
    optionalText('detail') &&
    optionalText('code') &&
    optionalText('message') &&
    optionalText('status')
  );
}
