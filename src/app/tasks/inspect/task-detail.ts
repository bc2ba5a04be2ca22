import type { TaskDetailed } from '../../../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import { columnKit } from '../../grid/column-kit';
import type { ColumnDef } from '../../grid/model/definition';
import { toMillis } from '../../grid/model/duration';
import { type TimelineStep, timelineOf } from '../../grid/model/timeline';
import { toResult, toTask } from '../task-columns';

const detailed = columnKit<TaskDetailed>('taskSummaryField', 'raw', 'tasks.columns');

/** What only one task's page shows: the ids it is linked to. */
export const TASK_RELATION_COLUMNS: readonly ColumnDef<TaskDetailed>[] = [
  // A task the client submitted has the session itself as its parent.
  detailed.array('parentTaskIds', undefined, (t) => t.parentTaskIds, toTask, {
    link: (t, item) =>
      item === undefined
        ? undefined
        : item === t.sessionId
          ? { commands: ['/sessions', item] }
          : toTask(item),
  }),
  detailed.array('dataDependencies', undefined, (t) => t.dataDependencies, toResult),
  detailed.array('expectedOutputIds', undefined, (t) => t.expectedOutputIds, toResult),
  detailed.array('retryOfIds', undefined, (t) => t.retryOfIds, toTask),
];

/** The task's life from its timestamps, in the order things happened. */
export function taskTimeline(task: TaskDetailed): TimelineStep[] {
  return timelineOf([
    ['created', toMillis(task.createdAt)],
    ['submitted', toMillis(task.submittedAt)],
    ['received', toMillis(task.receivedAt)],
    ['acquired', toMillis(task.acquiredAt)],
    ['fetched', toMillis(task.fetchedAt)],
    ['started', toMillis(task.startedAt)],
    ['processed', toMillis(task.processedAt)],
    ['ended', toMillis(task.endedAt)],
  ]);
}

export type TaskOutputView =
  | { readonly kind: 'none' }
  | { readonly kind: 'success' }
  | { readonly kind: 'error'; readonly error: string };

/** The output of a task that ran: success, or the error text (untrusted: text only). */
export function taskOutput(task: TaskDetailed): TaskOutputView {
  if (!task.output) return { kind: 'none' };
  if (task.output.success) return { kind: 'success' };
  return task.output.error === '' ? { kind: 'none' } : { kind: 'error', error: task.output.error };
}
