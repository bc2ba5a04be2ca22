import { TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { type SessionAction } from '../session-rules';
import { isCancellable } from '../../tasks';
import { type TaskCounts, totalOf } from './session-task-counts';

/** What an action will touch, counted from one CountTasksByStatus call. */
export interface Impact {
  /** Tasks not yet final (and not already being cancelled): what Cancel cancels, what Close lets finish. */
  readonly unfinished: number;
  /** Completed tasks: their results stay (cancel, close) or lose their data (purge). */
  readonly completed: number;
  readonly total: number;
}

/** Actions whose confirmation states an impact preview. */
export const IMPACT_ACTIONS: readonly SessionAction[] = ['cancel', 'close', 'purge', 'delete'];

export function hasImpactPreview(action: SessionAction): boolean {
  return IMPACT_ACTIONS.includes(action);
}

export function impactOf(counts: TaskCounts): Impact {
  let unfinished = 0;
  for (const [status, count] of counts) if (isCancellable(status)) unfinished += count;
  return { unfinished, completed: counts.get(TaskStatus.COMPLETED) ?? 0, total: totalOf(counts) };
}
