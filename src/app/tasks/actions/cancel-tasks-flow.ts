import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { type Observable, EMPTY, filter, map, of, switchMap, tap } from 'rxjs';

import { CurrentUserStore } from '../../api/current-user.store';
import {
  ArmedConfirmDialog,
  type ArmedConfirmData,
  type ArmedConfirmTexts,
} from '../../shared/armed-confirm-dialog';
import { type CancelLine, type TaskFacts, planCancel } from './cancel-plan';
import { CancelReportDialog, type CancelReportData } from './cancel-report-dialog';
import { TaskCanceller } from './task-canceller';

export const CANCEL_PERMISSION = 'Tasks:CancelTasks';

const TEXTS: ArmedConfirmTexts = {
  title: 'tasks.cancel.confirm.title',
  message: 'tasks.cancel.confirm.message',
  irreversible: 'tasks.cancel.confirm.irreversible',
  confirm: 'tasks.cancel.confirm.confirm',
  dismiss: 'tasks.cancel.confirm.dismiss',
  arming: 'tasks.cancel.confirm.arming',
  more: 'tasks.cancel.confirm.more',
};

/**
 * Cancel one task or a selection: an armed confirmation naming what will be cancelled (and what
 * will not, being finished already), CancelTasks, then a per-task report. Emits the report's
 * lines once done (so the caller refreshes what it shows); nothing if the operator backs out.
 */
@Injectable({ providedIn: 'root' })
export class CancelTasksFlow {
  private readonly dialog = inject(MatDialog);
  private readonly canceller = inject(TaskCanceller);
  private readonly user = inject(CurrentUserStore);

  /** Whether the user may cancel tasks at all (GetCurrentUser's permissions). */
  allowed(): boolean {
    return this.user.can(CANCEL_PERMISSION);
  }

  run(tasks: readonly TaskFacts[]): Observable<readonly CancelLine[]> {
    const plan = planCancel(tasks);
    if (plan.send.length === 0) return this.report(plan.skipped);
    const data: ArmedConfirmData = {
      texts: TEXTS,
      params: { count: plan.send.length, skipped: plan.skipped.length },
      items: plan.send,
      danger: true,
    };
    return this.dialog
      .open<ArmedConfirmDialog, ArmedConfirmData, boolean>(ArmedConfirmDialog, {
        data,
        width: '560px',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.canceller.cancel(plan.send)),
        switchMap((lines) => this.report([...lines, ...plan.skipped])),
      );
  }

  private report(lines: readonly CancelLine[]): Observable<readonly CancelLine[]> {
    if (lines.length === 0) return EMPTY;
    return of(lines).pipe(
      tap(() =>
        this.dialog.open<CancelReportDialog, CancelReportData>(CancelReportDialog, {
          data: { lines },
          width: '640px',
        }),
      ),
      map(() => lines),
    );
  }
}
