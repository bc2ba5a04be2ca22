import { Injectable, inject } from '@angular/core';
import { type Observable, map } from 'rxjs';

import { TASKS_CLIENT } from '../../api/clients/tasks.client';
import { type TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import { fromCall } from '../../api/rx';
import { sessionTasksFilters } from '../session-counts';

/** How many tasks of a session are in each status; statuses with none are absent. */
export type TaskCounts = ReadonlyMap<TaskStatus, number>;

/** One CountTasksByStatus call for one session. Errors are ApiError; callers handle them. */
@Injectable({ providedIn: 'root' })
export class TaskCountsReader {
  private readonly client = inject(TASKS_CLIENT);

  count(sessionId: string): Observable<TaskCounts> {
    return fromCall((signal) =>
      this.client.countTasksByStatus({ filters: sessionTasksFilters(sessionId) }, { signal }),
    ).pipe(map(({ status }) => toCounts(status)));
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
