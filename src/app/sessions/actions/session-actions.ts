import { Injectable, Injector, inject } from '@angular/core';
import type { MatSnackBarConfig } from '@angular/material/snack-bar';
import { TranslateService } from '@ngx-translate/core';
import { type Observable, ReplaySubject, finalize, map, of, shareReplay, switchMap } from 'rxjs';

import { type ActivityOrigin } from '../action-journal.port';
import { CurrentUserStore } from '../../api/current-user.store';
import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import {
  ACTION_CONFIRMATION,
  ACTION_PERMISSION,
  type Refusal,
  SESSION_ACTIONS,
  type SessionAction,
  type SessionFacts,
  UNDO_ACTION,
  allowedActions,
  isActionAllowed,
  refusalOf,
} from '../session-rules';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type ActionOutcome, ActionExecutor } from './action-executor';
import type { ActionDialog, ActionDialogData, ActionDialogResult } from './action.dialog';
import { type BulkTarget, bulkOffer, planBulk } from './bulk-planner';
import type { BulkRunDialog, BulkRunDialogData } from './bulk-run.dialog';
import { PendingActions } from './pending-actions.store';
import { openLazilyForChoiceIn, openLazilyIn, snackBarOf } from '../../shared/lazy-overlays';
import { guardHeldActivationKeys } from '../../shared/held-key-guard';
import { shortcutRequest } from './shortcuts';
import { statusLabelKey } from './status-label';

// The dialogs load on first open (openLazily…), MatDialog and MatSnackBar on first use
// (lazy-overlays): the sessions page paints without their code.
const actionDialog = () => import('./action.dialog').then((m) => m.ActionDialog);
const bulkRunDialog = () => import('./bulk-run.dialog').then((m) => m.BulkRunDialog);

/** An action shown for a session: offered, or shown disabled because the user may not. */
export interface ShownAction {
  readonly action: SessionAction;
  /** Set when the action is shown but refused: the sentence saying why. */
  readonly refused?: string;
}

/** A sent action: its outcome, and when the dialog may stop waiting (answer or no answer). */
interface Sent {
  readonly outcome$: Observable<ActionOutcome>;
  readonly answered$: Observable<void>;
}

/**
 * What the row menu, the inspection page, the bulk bar and keyboard shortcuts call: it asks the
 * rule table, confirms as the action requires, sends through the one executor, and tells the
 * operator the server's answer — never before it.
 */
@Injectable({ providedIn: 'root' })
export class SessionActions {
  private readonly injector = inject(Injector);
  private readonly translate = inject(TranslateService);
  private readonly user = inject(CurrentUserStore);
  private readonly executor = inject(ActionExecutor);
  private readonly pending = inject(PendingActions);

  constructor() {
    guardHeldActivationKeys();
  }

  /** The permission check the rule table needs, bound to the current user (reactive). */
  readonly can = (permission: string): boolean => this.user.can(permission);

  /** Actions offered for this session, in menu order. */
  allowed(session: SessionRaw): SessionAction[] {
    return allowedActions(session, this.can);
  }

  /** Actions the bulk bar offers for this selection. */
  bulkAllowed(targets: readonly BulkTarget[]): SessionAction[] {
    return bulkOffer(targets, this.can);
  }

  /**
   * What to show for a session: every action its status allows, those the user lacks the
   * permission for disabled with the reason (not hidden: a read-only user sees why). Nothing
   * until GetCurrentUser has answered; everything refused, with its error, if it failed.
   */
  shown(session: SessionFacts): ShownAction[] {
    if (!this.user.user() && !this.user.error()) return [];
    return SESSION_ACTIONS.flatMap((action): ShownAction[] => {
      const refusal = refusalOf(action, session, this.can);
      if (refusal === undefined) return [{ action }];
      return refusal === 'permission'
        ? [{ action, refused: this.refusalText(action, refusal, session) }]
        : [];
    });
  }

  /** For the bulk bar: shown when allowed by status for at least one target, disabled without permission. */
  bulkShown(targets: readonly BulkTarget[]): ShownAction[] {
    if (!this.user.user() && !this.user.error()) return [];
    const everything = () => true;
    return bulkOffer(targets, everything).map((action) =>
      this.can(ACTION_PERMISSION[action])
        ? { action }
        : { action, refused: this.refusalText(action, 'permission') },
    );
  }

  /** Why an action is refused, in the user's words. */
  refusalText(action: SessionAction, refusal: Refusal, session?: SessionFacts): string {
    const verb = this.verb(action);
    if (refusal === 'permission') {
      const error = this.user.error();
      return error
        ? (this.translate.instant('actions.refused.noUser', {
            verb,
            reason: error.reason,
          }) as string)
        : (this.translate.instant('actions.refused.permission', {
            verb,
            permission: ACTION_PERMISSION[action],
          }) as string);
    }
    if (refusal === 'submissionStopped')
      return this.translate.instant('actions.refused.submissionStopped', { verb }) as string;
    return this.translate.instant('actions.refused.status', {
      verb,
      status: this.translate.instant(
        statusLabelKey(session?.status ?? SessionStatus.UNSPECIFIED),
      ) as string,
    }) as string;
  }

  /**
   * A key pressed on the inspection page: runs its action like the button, or says why it does
   * nothing (status, permission, an action already running). False when the key is no shortcut.
   */
  shortcut(key: string, session: SessionRaw): boolean {
    const wanted = shortcutRequest(key, session, this.can);
    if (!wanted) return false;
    if (wanted.refusal) {
      this.say(
        'actions.refused.shortcut',
        {
          key,
          reason: this.refusalText(wanted.action, wanted.refusal, session),
        },
        false,
      );
      return true;
    }
    const running = this.pending.actionFor(session.sessionId);
    if (running) {
      this.say('actions.refused.busy', { key, id: session.sessionId }, false);
      return true;
    }
    this.request(wanted.action, session);
    return true;
  }

  /**
   * Confirms (when the action needs it) and runs one action. Emits the outcome once the server
   * has answered; completes without emitting if the operator backed out — in whatever way the
   * dialog was left — or it is not allowed. The call runs to the end even if nobody subscribes.
   */
  request(
    action: SessionAction,
    session: SessionRaw,
    origin: ActivityOrigin = 'single',
  ): Observable<ActionOutcome> {
    if (!isActionAllowed(action, session, this.can) || this.pending.actionFor(session.sessionId))
      return of();
    if (ACTION_CONFIRMATION[action] === 'none')
      return this.send(action, session, {}, origin).outcome$;
    let sent: Sent | undefined;
    const outcome$ = openLazilyForChoiceIn<ActionDialogResult, ActionDialog, ActionDialogData>(
      this.injector,
      actionDialog,
      {
        data: {
          action,
          target: { kind: 'single', session },
          // Called at most once, by the dialog's Confirm; the dialog shows progress meanwhile.
          send: (choice) => (sent ??= this.send(action, session, choice, origin)).answered$,
        },
        width: '560px',
      },
    ).pipe(switchMap(() => sent?.outcome$ ?? of<ActionOutcome>()));
    const shared = outcome$.pipe(shareReplay({ bufferSize: 1, refCount: false }));
    shared.subscribe();
    return shared;
  }

  /** Plans, confirms and runs a bulk action over a selection. */
  requestBulk(action: SessionAction, targets: readonly BulkTarget[]): void {
    const plan = planBulk(action, targets, this.can);
    openLazilyForChoiceIn<ActionDialogResult, ActionDialog, ActionDialogData>(
      this.injector,
      actionDialog,
      {
        data: { action, target: { kind: 'bulk', plan } },
        width: '560px',
      },
    ).subscribe((result) => {
      void openLazilyIn<BulkRunDialog, BulkRunDialogData>(this.injector, bulkRunDialog, {
        data: { plan, ...(result.stop ? { stop: result.stop } : {}) },
        width: '720px',
        disableClose: true,
        // Focus on the dialog itself, not on Stop: an Enter still held from the confirmation
        // must not press anything in it.
        autoFocus: 'dialog',
      });
    });
  }

  /**
   * Sends one action through the executor and reports the server's answer. Started here and
   * shared: the call runs to the end and is reported even if the caller's view (or the dialog)
   * goes away; late subscribers get the outcome replayed.
   */
  private send(
    action: SessionAction,
    session: SessionRaw,
    choice: ActionDialogResult,
    origin: ActivityOrigin,
  ): Sent {
    // answered$ completes at the server's answer — or when the call ended without one: the dialog then
    // closes and the operator is told the outcome is being checked.
    const answered = new ReplaySubject<void>(1);
    const sessionId = session.sessionId;
    const shared = this.executor
      .execute({ action, sessionId, ...(choice.stop ? { stop: choice.stop } : {}) }, origin, () => {
        answered.complete();
        this.say('actions.notify.noAnswer', { verb: this.verb(action), id: sessionId }, true);
      })
      .pipe(
        map((outcome) => {
          this.notify(action, sessionId, outcome);
          return outcome;
        }),
        finalize(() => answered.complete()),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    shared.subscribe();
    return { outcome$: shared, answered$: answered.asObservable() };
  }

  private verb(action: SessionAction): string {
    return this.translate.instant(`actions.verbs.${action}`) as string;
  }

  private say(key: string, params: Record<string, unknown>, urgent: boolean): void {
    this.tell(
      this.translate.instant(key, params) as string,
      this.translate.instant('actions.notify.dismiss') as string,
      urgent
        ? { duration: 12_000, politeness: 'assertive', panelClass: 'app-snack-error' }
        : { duration: 8_000 },
    );
  }

  /** A snack bar, once MatSnackBar is loaded (lazy-overlays); `onAction` runs on its button. */
  private tell(
    message: string,
    action: string | undefined,
    config: MatSnackBarConfig,
    onAction?: () => void,
  ): void {
    void snackBarOf(this.injector).then((snackBar) => {
      const ref = snackBar.open(message, action, config);
      if (onAction) ref.onAction().subscribe(onAction);
    });
  }

  private notify(action: SessionAction, sessionId: string, outcome: ActionOutcome): void {
    if (outcome.ok) {
      const undo = UNDO_ACTION[action];
      const session = outcome.session;
      const offerUndo = undo && session && isActionAllowed(undo, session, this.can);
      const text = this.translate.instant(`actions.notify.succeeded.${action}`, {
        id: sessionId,
      }) as string;
      this.tell(
        outcome.checked
          ? `${text} ${this.translate.instant('actions.notify.checkedApplied') as string}`
          : text,
        offerUndo ? (this.translate.instant('actions.notify.undo') as string) : undefined,
        { duration: offerUndo ? 8_000 : 4_000 },
        offerUndo ? () => this.request(undo, session, 'undo') : undefined,
      );
      return;
    }
    if (outcome.checked) {
      // What re-reading the session told after a call that got no answer.
      this.say(
        outcome.checked === 'notApplied'
          ? 'actions.notify.checkedNotApplied'
          : 'actions.notify.stillUnknown',
        { verb: this.verb(action), id: sessionId, reason: outcome.error.reason },
        true,
      );
      return;
    }
    this.tell(
      this.translate.instant('actions.notify.failed', {
        verb: this.verb(action),
        id: sessionId,
        code: this.translate.instant(`errors.codes.${outcome.error.codeName}`) as string,
        reason: outcome.error.reason,
      }) as string,
      this.translate.instant('actions.notify.dismiss') as string,
      { duration: 12_000, politeness: 'assertive', panelClass: 'app-snack-error' },
    );
  }
}
