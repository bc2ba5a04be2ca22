import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@ngx-translate/core';
import { type Observable, finalize } from 'rxjs';

import { armingCountdown } from './arming-countdown';
import { type ChoiceDialogRef, DISMISSED, confirmed } from './dialog-result';

/** What the dialog says, as i18n keys; `params` fill every one of them. */
export interface ArmedConfirmTexts {
  readonly title: string;
  /** What will happen, in plain words. */
  readonly message: string;
  /** What cannot be undone, and what stays available. */
  readonly irreversible?: string;
  readonly confirm: string;
  readonly dismiss: string;
  /** "Arms in {{seconds}} s". */
  readonly arming: string;
  /** Shown while `send` runs: "Sent — waiting for the server's answer…". */
  readonly sending?: string;
  /** "…and {{count}} more" under a long list of items. */
  readonly more?: string;
}

export interface ArmedConfirmData {
  readonly texts: ArmedConfirmTexts;
  readonly params?: Readonly<Record<string, unknown>>;
  /** What the action applies to (ids), shown as text; long lists are cut. */
  readonly items?: readonly string[];
  /** The confirm button is styled as destructive. */
  readonly danger?: boolean;
  readonly seconds?: number;
  /**
   * Sends what was confirmed. The dialog stays open, showing progress, until it completes, then
   * closes confirmed. It must run to its end without the dialog (the caller shares it).
   */
  readonly send?: () => Observable<unknown>;
}

/** Items listed in full; the rest are counted. */
export const MAX_LISTED_ITEMS = 10;

/**
 * A confirmation whose Confirm button arms only after a visible countdown (3 s by default), so a
 * destructive action is never taken by a double click or a reflex Enter. Focus starts on
 * "Dismiss". It closes `confirmed(true)` (dialog-result.ts) only from an armed Confirm, once;
 * every other way out is a dismissal.
 */
@Component({
  selector: 'app-armed-confirm-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressSpinnerModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.texts.title | translate: params }}</h2>
    <mat-dialog-content>
      <p>{{ data.texts.message | translate: params }}</p>
      @if (listed.length > 0) {
        <ul class="items">
          @for (item of listed; track $index) {
            <li class="mono">{{ item }}</li>
          }
        </ul>
        @if (hidden > 0 && data.texts.more) {
          <p class="more">{{ data.texts.more | translate: { count: hidden } }}</p>
        }
      }
      @if (data.texts.irreversible) {
        <p class="irreversible">
          <mat-icon aria-hidden="true">warning</mat-icon>
          <span>{{ data.texts.irreversible | translate: params }}</span>
        </p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (sending()) {
        @if (data.texts.sending) {
          <span class="arming" role="status">{{ data.texts.sending | translate }}</span>
        }
      } @else if (remaining() > 0) {
        <span class="arming" role="timer">
          {{ data.texts.arming | translate: { seconds: remaining() } }}
        </span>
      }
      <button
        mat-button
        type="button"
        cdkFocusInitial
        [disabled]="sending()"
        [mat-dialog-close]="dismissed"
      >
        {{ data.texts.dismiss | translate: params }}
      </button>
      <button
        mat-flat-button
        type="button"
        class="confirm"
        [class.danger]="data.danger"
        [disabled]="!armed() || sending()"
        [attr.aria-busy]="sending() ? 'true' : null"
        (click)="confirm()"
      >
        @if (sending()) {
          <mat-progress-spinner mode="indeterminate" diameter="16" aria-hidden="true" />
        }
        {{ data.texts.confirm | translate: params }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    :host {
      display: block;
      max-width: 600px;
    }
    .items {
      margin: 0;
      padding-left: 20px;
      overflow-wrap: anywhere;
    }
    .more {
      color: var(--mat-sys-on-surface-variant);
    }
    .irreversible {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      color: var(--app-warning);
      font-weight: 500;
    }
    .arming {
      margin-right: auto;
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
    .confirm.danger:not([disabled]) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ArmedConfirmDialog {
  protected readonly data = inject<ArmedConfirmData>(MAT_DIALOG_DATA);
  private readonly ref = inject<ChoiceDialogRef<ArmedConfirmDialog, true>>(MatDialogRef);
  protected readonly dismissed = DISMISSED;
  /** Confirmed once: nothing can confirm again (double click, Enter held down). */
  protected readonly sending = signal(false);

  protected readonly params = this.data.params ?? {};
  protected readonly listed = (this.data.items ?? []).slice(0, MAX_LISTED_ITEMS);
  protected readonly hidden = (this.data.items?.length ?? 0) - this.listed.length;
  protected readonly remaining = armingCountdown(this.data.seconds);
  protected readonly armed = computed(() => this.remaining() === 0);

  protected confirm(): void {
    if (!this.armed() || this.sending()) return;
    this.sending.set(true);
    if (!this.data.send) {
      this.ref.close(confirmed(true));
      return;
    }
    this.ref.disableClose = true;
    this.data
      .send()
      .pipe(finalize(() => this.ref.close(confirmed(true))))
      .subscribe();
  }
}
