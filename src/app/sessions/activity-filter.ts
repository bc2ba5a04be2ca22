import { type ActivityEntry, type ActivityOutcome } from './action-journal.port';
import { type SessionAction } from './session-rules';

export interface ActivityFilter {
  /** Matches the session id, the user and the server's message (case-insensitive). */
  readonly text: string;
  readonly action: SessionAction | '';
  readonly outcome: ActivityOutcome | '';
  /** Exact session (the inspection page's own journal). */
  readonly sessionId?: string;
}

/** The entries matching the filter, newest first. */
export function filterActivity(
  entries: readonly ActivityEntry[],
  filter: ActivityFilter,
): ActivityEntry[] {
  const text = filter.text.trim().toLowerCase();
  return entries
    .filter(
      (entry) =>
        (!filter.sessionId || entry.sessionId === filter.sessionId) &&
        (!filter.action || entry.action === filter.action) &&
        (!filter.outcome || entry.outcome === filter.outcome) &&
        (!text ||
          entry.sessionId.toLowerCase().includes(text) ||
          entry.user.toLowerCase().includes(text) ||
          (entry.message ?? '').toLowerCase().includes(text)),
    )
    .reverse();
}
