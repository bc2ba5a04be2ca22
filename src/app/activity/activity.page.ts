import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';

import { LanguageService } from '../i18n/language.service';
import { type ActivityFilter, ActivityTable, SESSION_ACTIONS, filterActivity } from '../sessions';
import { formatCount } from '../shared/format';
import { type ActivityOutcome } from './activity-entry';
import { saveBlob } from '../shared/save-blob';
import { toCsv, toJson } from './activity-export';
import { ACTIVITY_LIMIT, ActivityJournal } from './activity-journal';

/** `/activity`: every action this browser sent, for all sessions; filterable and exportable. */
@Component({
  selector: 'app-activity-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ActivityTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'activity.title' | translate }}</h1>
    <p class="intro">{{ 'activity.intro' | translate: { limit: limit() } }}</p>
    <div class="filters" role="search" [attr.aria-label]="'activity.filters' | translate">
      <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'activity.search' | translate }}</mat-label>
        <input matInput [ngModel]="text()" (ngModelChange)="text.set($event)" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'activity.columns.action' | translate }}</mat-label>
        <mat-select [ngModel]="action()" (ngModelChange)="action.set($event)">
          <mat-option value="">{{ 'activity.any' | translate }}</mat-option>
          @for (a of actions; track a) {
            <mat-option [value]="a">{{ 'actions.names.' + a | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'activity.columns.outcome' | translate }}</mat-label>
        <mat-select [ngModel]="outcome()" (ngModelChange)="outcome.set($event)">
          <mat-option value="">{{ 'activity.any' | translate }}</mat-option>
          @for (o of outcomes; track o) {
            <mat-option [value]="o">{{ 'activity.outcome.' + o | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="spacer"></span>
      <button mat-stroked-button [disabled]="filtered().length === 0" (click)="exportJson()">
        <mat-icon aria-hidden="true">download</mat-icon>
        {{ 'activity.exportJson' | translate }}
      </button>
      <button mat-stroked-button [disabled]="filtered().length === 0" (click)="exportCsv()">
        <mat-icon aria-hidden="true">download</mat-icon>
        {{ 'activity.exportCsv' | translate }}
      </button>
      <button
        mat-button
        [class.armed]="clearArmed()"
        [disabled]="journal.entries().length === 0"
        (click)="clear()"
      >
        <mat-icon aria-hidden="true">delete</mat-icon>
        {{ (clearArmed() ? 'activity.clearConfirm' : 'activity.clear') | translate }}
      </button>
    </div>
    <p class="count" role="status">
      {{
        'activity.count' | translate: { shown: filtered().length, total: journal.entries().length }
      }}
    </p>
    @if (journal.notSaved(); as reason) {
      <p class="notice" role="alert">{{ 'activity.notSaved' | translate: { reason } }}</p>
    }
    @if (journal.evicted() > 0) {
      <p class="notice" role="status">
        {{ 'activity.evictedCount' | translate: { count: journal.evicted(), limit: limit() } }}
      </p>
    }
    <app-activity-table
      [entries]="filtered()"
      [emptyKey]="journal.entries().length > 0 ? 'activity.noMatch' : 'activity.empty'"
    />
  `,
  styles: `
    .notice {
      color: var(--app-warning);
    }
    .intro,
    .count {
      color: var(--mat-sys-on-surface-variant);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin-bottom: 8px;
    }
    .search {
      min-width: min(100%, 340px);
    }
    .spacer {
      flex: 1;
    }
    .armed {
      color: var(--mat-sys-error);
    }
  `,
})
export class ActivityPage {
  protected readonly journal = inject(ActivityJournal);
  protected readonly actions = SESSION_ACTIONS;
  protected readonly outcomes: readonly ActivityOutcome[] = ['succeeded', 'failed', 'unknown'];
  private readonly language = inject(LanguageService);
  protected readonly limit = computed(() => formatCount(ACTIVITY_LIMIT, this.language.current()));

  protected readonly clearArmed = signal(false);
  private disarm?: ReturnType<typeof setTimeout>;
  protected readonly text = signal('');
  protected readonly action = signal<ActivityFilter['action']>('');
  protected readonly outcome = signal<ActivityFilter['outcome']>('');
  protected readonly filtered = computed(() =>
    filterActivity(this.journal.entries(), {
      text: this.text(),
      action: this.action(),
      outcome: this.outcome(),
    }),
  );

  protected exportJson(): void {
    saveBlob(
      new Blob([toJson(this.filtered())], { type: 'application/json' }),
      this.filename('json'),
    );
  }

  protected exportCsv(): void {
    saveBlob(new Blob([toCsv(this.filtered())], { type: 'text/csv' }), this.filename('csv'));
  }

  /** Clearing takes two clicks: the first arms the button for a few seconds. */
  protected clear(): void {
    clearTimeout(this.disarm);
    if (this.clearArmed()) {
      this.clearArmed.set(false);
      this.journal.clear();
      return;
    }
    this.clearArmed.set(true);
    this.disarm = setTimeout(() => this.clearArmed.set(false), 5_000);
  }

  private filename(extension: string): string {
    return `session-console-activity-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.${extension}`;
  }
}
