import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { type Observable, EMPTY, map, of, shareReplay, switchMap, tap } from 'rxjs';

import { CurrentUserStore } from '../../api/current-user.store';
import {
  ArmedConfirmDialog,
  type ArmedConfirmData,
  type ArmedConfirmTexts,
} from '../../shared/armed-confirm.dialog';
import { openForChoice } from '../../shared/dialog-result';
import { guardHeldActivationKeys } from '../../shared/held-key-guard';
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
  sending: 'tasks.cancel.confirm.sending',
  more: 'tasks.cancel.confirm.more',
};

const TEXTS_ONE: ArmedConfirmTexts = {
  ...TEXTS,
  confirm: 'tasks.cancel.confirm.confirmOne',
  dismiss: 'tasks.cancel.confirm.dismissOne',
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

  constructor() {
    guardHeldActivationKeys();
  }

  /** Whether the user may cancel tasks at all (GetCurrentUser's permissions). */
  allowed(): boolean {
    return this.user.can(CANCEL_PERMISSION);
  }

  run(tasks: readonly TaskFacts[]): Observable<readonly CancelLine[]> {
    const plan = planCancel(tasks);
    if (plan.send.length === 0) return this.report(plan.skipped);
    let sent: Observable<CancelLine[]> | undefined;
    const data: ArmedConfirmData = {
      texts: plan.send.length === 1 ? TEXTS_ONE : TEXTS,
      params: { count: plan.send.length, skipped: plan.skipped.length },
      items: plan.send,
      danger: true,
      // Called once, by the armed Confirm: CancelTasks runs to its end even if the dialog goes.
      send: () => (sent ??= this.sendOnce(plan.send)),
    };
    return openForChoice<true, ArmedConfirmDialog, ArmedConfirmData>(
      this.dialog,
      ArmedConfirmDialog,
      { data, width: '560px' },
    ).pipe(
      switchMap(() => sent ?? of<CancelLine[]>()),
      switchMap((lines) => this.report([...lines, ...plan.skipped])),
    );
  }

  private sendOnce(ids: readonly string[]): Observable<CancelLine[]> {
    const shared = this.canceller.cancel(ids).pipe(shareReplay({ bufferSize: 1, refCount: false }));
    shared.subscribe();
    return shared;
  }

  private report(lines: readonly CancelLine[]): Observable<readonly CancelLine[]> {
    if (lines.length === 0) return EMPTY;
    return of(lines).pipe(
      tap(() =>
        this.dialog.open<CancelReportDialog, CancelReportData>(CancelReportDialog, {
          data: { lines },
          width: '640px',
          // Focus on the report itself: an Enter still held from the confirmation closes nothing.
          autoFocus: 'dialog',
        }),
      ),
      map(() => lines),
    );
  }
}
