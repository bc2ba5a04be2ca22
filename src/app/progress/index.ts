// The progress folder's public entry: throughput, backlog and ETA of a scope of tasks, sampled
// from its counts (the overview's charts, and the session inspection page's panel). It depends
// on tasks/ and the engine only, so both the overview and the sessions folder can use it.
export { SessionProgress } from './session-progress';
export { ProgressChart } from './progress-chart';
export { ProgressWords } from './progress-words';
export { CLUSTER_SCOPE, ProgressHistory, lineScope, sessionScope } from './progress-history';
export { OVERVIEW_REFRESH_MS, refreshLoop } from './progress-refresh';
export { MINUTE, type Sample } from './progress';
export {
  FAILED,
  FAILED_KEYS,
  FINISHED,
  FINISHED_KEYS,
  RUNNING,
  RUNNING_KEYS,
  type StatusCounts,
  WAITING,
  WAITING_KEYS,
  countsMap,
  sampleOf,
  sumOf,
} from './task-groups';
