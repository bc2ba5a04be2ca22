import { Injectable } from '@angular/core';
import { type Observable, map } from 'rxjs';

import { type TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { fromCall } from '../../api/rx';
import { taskCounter } from '../../tasks';
import { sessionTasks } from '../session-counts';

/** How many tasks of a session are in each status; statuses with none are absent. */
export type TaskCounts = ReadonlyMap<TaskStatus, number>;

/**
 * One CountTasksByStatus call for one session, on the same `sessionTasks` conditions as the
 * grid's Tasks by Statuses cell. Errors are ApiError; callers handle them.
 */
@Injectable({ providedIn: 'root' })
export class TaskCountsReader {
  private readonly countTasks = taskCounter();

  count(sessionId: string): Observable<TaskCounts> {
    return fromCall((signal) => this.countTasks(sessionTasks(sessionId), signal)).pipe(
      map((entries) => toCounts(entries)),
    );
  }
}

export function toCounts(entries: readonly { status: TaskStatus; count: number }[]): TaskCounts {
  const counts = new Map<TaskStatus, number>();
  for (const { status, count } of entries)
    if (count > 0) counts.set(status, (counts.get(status) ?? 0) + count);
  return counts;
}

export function totalOf(counts: TaskCounts): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}
