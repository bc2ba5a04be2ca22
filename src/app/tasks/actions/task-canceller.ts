import { Injectable, inject } from '@angular/core';
import { type Observable, catchError, concatMap, from, map, of, reduce } from 'rxjs';

import { type ApiError } from '../../api/api-error';
import { TASKS_CLIENT } from '../../api/clients';
import { fromCall } from '../../api/rx';
import { type CancelLine, cancelLines, failedLines } from './cancel-plan';

/** Ids per CancelTasks call: a large selection is sent in several calls, one after the other. */
export const CANCEL_CHUNK = 200;

/** Cancels tasks by id and tells, per task, what became of it. Never errors: failures are lines. */
@Injectable({ providedIn: 'root' })
export class TaskCanceller {
  private readonly client = inject(TASKS_CLIENT);

  cancel(ids: readonly string[]): Observable<CancelLine[]> {
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += CANCEL_CHUNK) chunks.push(ids.slice(i, i + CANCEL_CHUNK));
    return from(chunks).pipe(
      concatMap((chunk) =>
        fromCall((signal) => this.client.cancelTasks({ taskIds: chunk }, { signal })).pipe(
          map(({ tasks }) => cancelLines(chunk, tasks)),
          catchError((error: ApiError) => of(failedLines(chunk, error.codeName, error.reason))),
        ),
      ),
      reduce((all, lines) => [...all, ...lines], [] as CancelLine[]),
    );
  }
}
