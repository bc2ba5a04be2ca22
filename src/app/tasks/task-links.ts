import type { TaskSummary } from '../../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import { equals, gridLink } from '../grid/grid-link';
import type { LinkTarget } from '../grid/model/definition';
import { tasksLink } from './task-counts';

export interface TaskLinks {
  readonly session: LinkTarget;
  /** The results it owns: its expected outputs (until it hands one over to a subtask). */
  readonly results: LinkTarget;
  /** Every attempt of the same work: tasks with the same initial task id. */
  readonly retries: LinkTarget;
}

/** Where "See session / results / retries" lead, in the target grids' own URL form. */
export function taskLinks(
  task: Pick<TaskSummary, 'id' | 'sessionId' | 'initialTaskId'>,
): TaskLinks {
  return {
    session: { commands: ['/sessions', task.sessionId] },
    results: gridLink('/results', equals('ownerTaskId', task.id)),
    // A first attempt is its own initial task.
    retries: tasksLink(equals('initialTaskId', task.initialTaskId || task.id)),
  };
}
