import { TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { isCancellable, isFinalTaskStatus } from '../task-status';

/** What the console knows of a task when the operator asks to cancel it. */
export interface TaskFacts {
  readonly id: string;
  readonly status: TaskStatus;
}

/**
 * `cancelled`: the server moved it to Cancelling/Cancelled; `alreadyCancelled`: it was being or
 * had been cancelled; `finished`: it had ended (completed, error…), nothing to cancel;
 * `notFound`: the server does not know it; `unchanged`: the server answered but left it as it
 * was; `failed`: the call failed, it is unchanged as far as we know.
 */
export type CancelOutcome =
  'cancelled' | 'alreadyCancelled' | 'finished' | 'notFound' | 'unchanged' | 'failed';

export const CANCEL_OUTCOMES: readonly CancelOutcome[] = [
  'cancelled',
  'alreadyCancelled',
  'finished',
  'notFound',
  'unchanged',
  'failed',
];

export interface CancelLine {
  readonly taskId: string;
  readonly outcome: CancelOutcome;
  /** The task's status after the call (or as last seen, when not sent). */
  readonly status?: TaskStatus;
  /** A failure's gRPC code name and the server's words. */
  readonly code?: string;
  readonly reason?: string;
}

export interface CancelPlan {
  /** Ids sent to CancelTasks. */
  readonly send: readonly string[];
  /** Tasks not sent: their last known status already says there is nothing to cancel. */
  readonly skipped: readonly CancelLine[];
}

const isCancelledStatus = (status: TaskStatus) =>
  status === TaskStatus.CANCELLING || status === TaskStatus.CANCELLED;

function settledLine(task: TaskFacts): CancelLine {
  return {
    taskId: task.id,
    outcome: isCancelledStatus(task.status) ? 'alreadyCancelled' : 'finished',
    status: task.status,
  };
}

/** Sends only the tasks that can still be cancelled; the others are reported as they are. */
export function planCancel(tasks: readonly TaskFacts[]): CancelPlan {
  const unique = [...new Map(tasks.map((task) => [task.id, task])).values()];
  return {
    send: unique.filter((task) => isCancellable(task.status)).map((task) => task.id),
    skipped: unique.filter((task) => !isCancellable(task.status)).map(settledLine),
  };
}

/**
 * One line per requested id from CancelTasks' answer, which lists the requested tasks that exist
 * with their status after the call (unknown ids are left out, without an error).
 */
export function cancelLines(
  requested: readonly string[],
  returned: readonly TaskFacts[],
): CancelLine[] {
  const byId = new Map(returned.map((task) => [task.id, task.status]));
  return requested.map((taskId): CancelLine => {
    const status = byId.get(taskId);
    if (status === undefined) return { taskId, outcome: 'notFound' };
    if (isCancelledStatus(status)) return { taskId, outcome: 'cancelled', status };
    // Ended on its own between the last refresh and the call.
    if (isFinalTaskStatus(status)) return { taskId, outcome: 'finished', status };
    return { taskId, outcome: 'unchanged', status };
  });
}

/** The lines of a chunk whose call failed. */
export function failedLines(
  requested: readonly string[],
  code: string,
  reason: string,
): CancelLine[] {
  return requested.map((taskId) => ({ taskId, outcome: 'failed', code, reason }));
}

/** How many lines have each outcome, for the report's summary. */
export function countOutcomes(
  lines: readonly CancelLine[],
): Readonly<Record<CancelOutcome, number>> {
  const counts = Object.fromEntries(CANCEL_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    CancelOutcome,
    number
  >;
  for (const line of lines) counts[line.outcome]++;
  return counts;
}
