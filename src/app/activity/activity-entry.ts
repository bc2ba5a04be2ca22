import { type ActivityEntry, SESSION_ACTIONS } from '../sessions/action-journal.port';

export type {
  ActivityEntry,
  ActivityOrigin,
  ActivityOutcome,
} from '../sessions/action-journal.port';

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
    (SESSION_ACTIONS as readonly string[]).includes(v['action'] as string) &&
    ORIGINS.includes(v['origin'] as string) &&
    OUTCOMES.includes(v['outcome'] as string) &&
    optionalText('detail') &&
    optionalText('code') &&
    optionalText('message') &&
    optionalText('status') &&
    (v['checked'] === undefined || typeof v['checked'] === 'boolean')
  );
}
