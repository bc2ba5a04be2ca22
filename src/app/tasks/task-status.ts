import type { StatusLook, StatusSet } from '../grid/model/definition';
import { TaskStatus } from '../../../proto/gen/armonik/api/grpc/v1/task_status_pb';

/** How each task status looks (chip icon and tone) and its URL/i18n token. */
export const TASK_STATUS_LOOKS: readonly StatusLook[] = [
  { value: TaskStatus.CREATING, key: 'creating', icon: 'add_circle', tone: 'neutral' },
  { value: TaskStatus.PENDING, key: 'pending', icon: 'pending', tone: 'neutral' },
  { value: TaskStatus.SUBMITTED, key: 'submitted', icon: 'schedule', tone: 'info' },
  { value: TaskStatus.DISPATCHED, key: 'dispatched', icon: 'send', tone: 'info' },
  { value: TaskStatus.PROCESSING, key: 'processing', icon: 'autorenew', tone: 'info' },
  { value: TaskStatus.PROCESSED, key: 'processed', icon: 'task_alt', tone: 'success' },
  { value: TaskStatus.COMPLETED, key: 'completed', icon: 'check_circle', tone: 'success' },
  { value: TaskStatus.ERROR, key: 'error', icon: 'error', tone: 'danger' },
  { value: TaskStatus.TIMEOUT, key: 'timeout', icon: 'timer_off', tone: 'danger' },
  { value: TaskStatus.RETRIED, key: 'retried', icon: 'replay', tone: 'warning' },
  { value: TaskStatus.PAUSED, key: 'paused', icon: 'pause_circle', tone: 'warning' },
  { value: TaskStatus.CANCELLING, key: 'cancelling', icon: 'hourglass_disabled', tone: 'warning' },
  { value: TaskStatus.CANCELLED, key: 'cancelled', icon: 'cancel', tone: 'neutral' },
  { value: TaskStatus.UNSPECIFIED, key: 'unspecified', icon: 'help', tone: 'neutral' },
];

/** The task status enum for chips, filters and "tasks by status" cells. */
export const TASK_STATUSES = {
  looks: TASK_STATUS_LOOKS,
  label: (key: string) => `tasks.status.${key}`,
  meaning: (key: string) => `tasks.statusMeaning.${key}`,
} satisfies StatusSet;

/**
 * Final statuses, as ArmoniK.Core lists them: nothing will happen to these tasks any more, and
 * CancelTasks leaves them as they are.
 */
export const FINAL_TASK_STATUSES: readonly TaskStatus[] = [
  TaskStatus.COMPLETED,
  TaskStatus.CANCELLED,
  TaskStatus.ERROR,
  TaskStatus.RETRIED,
  TaskStatus.TIMEOUT,
];

export function isFinalTaskStatus(status: TaskStatus): boolean {
  return FINAL_TASK_STATUSES.includes(status);
}

/** CancelTasks changes only tasks that are neither final nor already being cancelled. */
export function isCancellable(status: TaskStatus): boolean {
  return !isFinalTaskStatus(status) && status !== TaskStatus.CANCELLING;
}
