// The sessions folder's public entry: what other features use of it (boundary rule
// `features-through-public-entry` in .dependency-cruiser.cjs). Its port for the journal is
// action-journal.port.ts. Everything else is internal.
export {
  ACTION_JOURNAL,
  type ActionJournal,
  type ActivityEntry,
  type ActivityOrigin,
  type ActivityOutcome,
  SESSION_ACTIONS,
  type SessionAction,
} from './action-journal.port';
export { type ActivityFilter, filterActivity } from './activity-filter';
export { ActivityTable } from './activity-table';
export { SESSIONS } from './sessions.definition';
export { sessionTasks, sessionTasksFilters } from './session-counts';
export { SessionActions } from './actions/session-actions';
export { type SessionChange, SessionChanges } from './actions/session-changes';
export { SESSION_STATUS_SET } from './session-status-cell';
