// Allowed: another resource through its public entry. Forbidden: through its internals.
import { TASK_COUNTS } from '../tasks';
import { TASK_COUNTS as INTERNAL } from '../tasks/task-counts';

export const SESSION = TASK_COUNTS + INTERNAL;
