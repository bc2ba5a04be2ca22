import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';
import { type Observable, catchError, finalize, map, of, startWith } from 'rxjs';

import { type ApiError } from '../../api/api-error';
import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { LanguageService } from '../../i18n/language.service';
import { formatCount } from '../../shared/format';
import { ACTION_CONFIRMATION, type SessionAction } from '../session-rules';
import { type StopSubmissionChoice } from './action-request';
import { armingCountdown } from '../../shared/arming-countdown';
import { type ChoiceDialogRef, DISMISSED, confirmed } from '../../shared/dialog-result';
import { type BulkPlan } from './bulk-planner';
import { type Impact, hasImpactPreview, impactOf } from './impact';
import { statusLabelKey } from './status-label';
import { TaskCountsReader } from './session-task-counts';

export type ActionDialogTarget =
  | { readonly kind: 'single'; readonly session: SessionRaw }
  | { readonly kind: 'bulk'; readonly plan: BulkPlan };

export interface ActionDialogData {
  readonly action: SessionAction;
  readonly target: ActionDialogTarget;
  /**
   * Sends the confirmed action (single sessions). The dialog stays open, its buttons showing
   * progress, until this completes — the server has answered — then closes confirmed. The call
   * must run to its end without the dialog (it is shared by the caller): navigation away or a
   * destroyed dialog does not abort it.
   */
  readonly send?: (choice: ActionDialogResult) => Observable<unknown>;
}

/** What the operator confirmed. The dialog closes with `confirmed(result)` and only then. */
export interface ActionDialogResult {
  readonly stop?: StopSubmissionChoice;
}

/** The word Delete asks to type; the same in every language, as it names the action. */
export const DELETE_WORD = 'delete';

type StopChoiceKey = 'both' | 'client' | 'worker';
const STOP_CHOICES: Readonly<Record<StopChoiceKey, StopSubmissionChoice>> = {
  both: { client: true, worker: true },
  client: { client: true, worker: false },
  worker: { client: false, worker: true },
};

type ImpactState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly impact: Impact }
  | { readonly state: 'failed'; readonly reason: string };

/**
 * Confirmation of a session action, single or bulk: says in plain words what will happen, what is
 * irreversible and what stays; previews the impact; arms "Confirm" only after a visible countdown
 * (or, for Delete, once `delete` is typed). Escape and "Cancel" close it with nothing done.
 */
@Component({
  selector: 'app-action-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action.dialog.html',
  styleUrl: './action.dialog.scss',
})
export class ActionDialog {
  protected readonly data = inject<ActionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<ChoiceDialogRef<ActionDialog, ActionDialogResult>>(MatDialogRef);
  private readonly language = inject(LanguageService);
  private readonly counts = inject(TaskCountsReader);

  protected readonly action = this.data.action;
  protected readonly target = this.data.target;
  protected readonly session = this.target.kind === 'single' ? this.target.session : undefined;
  protected readonly plan = this.target.kind === 'bulk' ? this.target.plan : undefined;
  protected readonly confirmation = ACTION_CONFIRMATION[this.action];
  protected readonly statusLabelKey = statusLabelKey;
  protected readonly deleteWord = DELETE_WORD;
  protected readonly dismissed = DISMISSED;

  /** Seconds before Confirm arms; only actions confirmed by countdown have one. */
  protected readonly remaining =
    this.confirmation === 'countdown' ? armingCountdown() : signal(0).asReadonly();
  protected readonly typed = signal('');
  protected readonly stopChoice = signal<StopChoiceKey>('both');

  protected readonly affectedCount = this.plan ? this.plan.affected.length : 1;
  /** "Keep session" / "Cancel session", or "Keep 12 sessions" / "Cancel 12 sessions". */
  protected readonly many = this.affectedCount !== 1;
  /** Keep names every selected session, skipped ones included: none of them is touched. */
  protected readonly keptCount = this.plan
    ? this.plan.affected.length + this.plan.skipped.length
    : 1;
  /** Confirmed once: the request is on its way (or sent); nothing can confirm again. */
  protected readonly sending = signal(false);

  protected readonly armed = computed(() => {
    if (this.affectedCount === 0) return false;
    if (this.confirmation === 'typed') return this.typed().trim() === DELETE_WORD;
    return this.remaining() === 0;
  });

  protected readonly impact =
    this.session && hasImpactPreview(this.action)
      ? toSignal(this.impact$(this.session.sessionId), { requireSync: true })
      : undefined;

  protected readonly impactParams = computed(() => {
    const state = this.impact?.();
    if (state?.state !== 'ready') return {};
    const locale = this.language.current();
    return {
      unfinished: formatCount(state.impact.unfinished, locale),
      completed: formatCount(state.impact.completed, locale),
      total: formatCount(state.impact.total, locale),
    };
  });

  protected format(value: number): string {
    return formatCount(value, this.language.current());
  }

  /**
   * Confirm's only handler: a double click, Enter held down or a second shortcut land here again
   * and are ignored once the first confirmation is on its way.
   */
  protected confirm(): void {
    if (!this.armed() || this.sending()) return;
    this.sending.set(true);
    const choice: ActionDialogResult =
      this.action === 'stopSubmission' ? { stop: STOP_CHOICES[this.stopChoice()] } : {};
    if (!this.data.send) {
      this.ref.close(confirmed(choice));
      return;
    }
    // No way out while the server has not answered: the outcome is reported, not guessed.
    this.ref.disableClose = true;
    this.data
      .send(choice)
      .pipe(finalize(() => this.ref.close(confirmed(choice))))
      .subscribe();
  }

  private impact$(sessionId: string): Observable<ImpactState> {
    return this.counts.count(sessionId).pipe(
      map((counts): ImpactState => ({ state: 'ready', impact: impactOf(counts) })),
      catchError((error: ApiError) => of<ImpactState>({ state: 'failed', reason: error.reason })),
      startWith<ImpactState>({ state: 'loading' }),
    );
  }
}
