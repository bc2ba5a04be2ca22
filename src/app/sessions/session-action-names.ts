/**
 * The actions an operator can send to a session, by name. Kept apart from session-rules.ts (which
 * needs the generated SessionStatus enum, hence the protobuf runtime) so that the journal port,
 * bound in the initial bundle, can name them without loading protobuf before the first route.
 */
export type SessionAction =
  'pause' | 'resume' | 'cancel' | 'close' | 'purge' | 'stopSubmission' | 'delete';

export const SESSION_ACTIONS: readonly SessionAction[] = [
  'pause',
  'resume',
  'cancel',
  'close',
  'purge',
  'stopSubmission',
  'delete',
];
