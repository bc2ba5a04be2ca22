// The tasks folder's public entry: what other resources use of it (boundary rule
// `features-through-public-entry` in .dependency-cruiser.cjs). Everything else is internal.
export { TASKS } from './tasks.definition';
export { TASK_STATUSES, TASK_STATUS_LOOKS, isCancellable, isFinalTaskStatus } from './task-status';
export {
  DEFAULT_TASK_COUNT_GROUPS,
  taskCounter,
  taskFilters,
  tasksByStatus,
  tasksLink,
} from './task-counts';
export { TasksByStatus } from './tasks-by-status';
export { optionEntries, taskOptionColumns, taskOptionCustom } from './task-option-columns';
