import {
  ChangeDetectionStrategy,
  Component,
  type Signal,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type Subscription, catchError, map, of, startWith, switchMap } from 'rxjs';

import { type ApiError } from '../../api/api-error';
import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { type FiltersInit, type ListRequest } from '../../grid/model/definition';
import { readAllMatching } from '../../grid/read-all';
import { SESSIONS } from '../sessions.definition';
import { LanguageService } from '../../i18n/language.service';
import { formatCount } from '../../shared/format';
import { type SessionAction } from '../session-rules';
import { ACTION_ICONS } from './action-icons';
import { type BulkTarget } from './bulk-planner';
import { SelectionReader } from './selection-reader';
import { SessionActions } from './session-actions';

/** What the bulk bar needs of a grid's selection (the grid engine's `GridSelection` fits). */
export interface BulkSelectionSource {
  /** Rows picked one by one or page by page, as last seen. */
  readonly rows: Signal<readonly SessionRaw[]>;
  /** Every session matching the current filters, on every page. */
  readonly allMatching: Signal<boolean>;
  readonly count: Signal<number>;
  readonly matchingFilters: Signal<FiltersInit | undefined>;
  /** The grid's sort for "all matching": rows are read in the order the user sees them. */
  readonly matchingSort: Signal<ListRequest['sort'] | undefined>;
  clear(): void;
}

/**
 * The bar shown while sessions are selected: each action the rule table allows for at least one
 * of them. "All matching" selections are read from the server (every page) when an action is
 * chosen, so the plan uses current statuses.
 */
@Component({
  selector: 'app-bulk-bar',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTooltipModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (selection().count() > 0) {
      <div
        class="bar"
        role="toolbar"
        [attr.aria-label]="
          'actions.bulk.barLabel' | translate: { count: format(selection().count()) }
        "
      >
        <span class="count">
          {{ 'actions.bulk.selected' | translate: { count: format(selection().count()) } }}
        </span>
        @if (reading(); as r) {
          <span class="reading" role="status">
            <mat-progress-spinner mode="indeterminate" diameter="16" aria-hidden="true" />
            {{
              'actions.bulk.reading' | translate: { done: format(r.done), total: format(r.total) }
            }}
          </span>
          <button mat-button (click)="stopReading()">{{ 'common.cancel' | translate }}</button>
        } @else if (countingStatuses()) {
          <span class="reading" role="status">
            <mat-progress-spinner mode="indeterminate" diameter="16" aria-hidden="true" />
            {{ 'actions.bulk.counting' | translate }}
          </span>
        } @else {
          @for (item of offered(); track item.action) {
            <!-- Refused for this user: disabled but focusable, the reason in its tooltip. -->
            <button
              mat-stroked-button
              [class.danger]="item.action !== 'pause' && item.action !== 'resume'"
              [disabled]="!!item.refused"
              [disabledInteractive]="true"
              [matTooltip]="item.refused ?? ''"
              [attr.aria-description]="item.refused ?? null"
              (click)="!item.refused && run(item.action)"
            >
              <mat-icon aria-hidden="true">{{ icons[item.action] }}</mat-icon>
              {{ 'sessions.actionNames.' + item.action | translate }}
            </button>
          } @empty {
            <span class="none">{{ 'actions.bulk.noneAllowed' | translate }}</span>
          }
        }
        <span class="spacer"></span>
        <button mat-button (click)="selection().clear()">
          <mat-icon aria-hidden="true">deselect</mat-icon>
          {{ 'actions.bulk.clear' | translate }}
        </button>
      </div>
      @if (readError(); as error) {
        <p class="error" role="alert">
          {{
            'actions.bulk.readFailed'
              | translate
                : { code: ('errors.codes.' + error.codeName | translate), reason: error.reason }
          }}
        </p>
      }
    }
  `,
  styles: `
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      font: var(--mat-sys-title-small);
      margin-right: 8px;
    }
    .reading {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .spacer {
      flex: 1;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class BulkBar {
  readonly selection = input.required<BulkSelectionSource>();

  private readonly actions = inject(SessionActions);
  private readonly reader = inject(SelectionReader);
  private readonly language = inject(LanguageService);
  private readonly list = SESSIONS.list();
  private readingSubscription?: Subscription;

  protected readonly icons = ACTION_ICONS;
  protected readonly reading = signal<{ done: number; total: number } | undefined>(undefined);
  protected readonly readError = signal<ApiError | undefined>(undefined);

  /** For "all matching": the statuses present among the matching sessions (counted, not read). */
  private readonly matchingStatuses = toSignal(
    toObservable(
      computed(() => {
        const selection = this.selection();
        return selection.allMatching() ? selection.matchingFilters() : undefined;
      }),
    ).pipe(
      switchMap((filters) =>
        filters
          ? this.reader.countByStatus(filters).pipe(
              map((counts) => [...counts.keys()]),
              catchError((error: ApiError) => {
                this.readError.set(error);
                return of(undefined);
              }),
              startWith(undefined),
            )
          : of(undefined),
      ),
    ),
  );

  protected readonly countingStatuses = computed(
    () => this.selection().allMatching() && !this.matchingStatuses() && !this.readError(),
  );

  /**
   * The actions allowed for at least one selected session: picked rows as last seen, or for "all
   * matching" the statuses present (the plan, read from the server, tells what is skipped).
   */
  protected readonly offered = computed(() => {
    const selection = this.selection();
    if (!selection.allMatching()) return this.actions.bulkShown(selection.rows().map(toTarget));
    const statuses = this.matchingStatuses();
    return statuses
      ? this.actions.bulkShown(
          statuses.map((status) => ({
            sessionId: String(status),
            status,
            clientSubmission: true,
            workerSubmission: true,
          })),
        )
      : [];
  });

  protected format(value: number): string {
    return formatCount(value, this.language.current());
  }

  protected run(action: SessionAction): void {
    const selection = this.selection();
    this.readError.set(undefined);
    const filters = selection.matchingFilters();
    const sort = selection.matchingSort();
    if (!selection.allMatching() || !filters || !sort) {
      this.actions.requestBulk(action, selection.rows().map(toTarget));
      return;
    }
    this.reading.set({ done: 0, total: selection.count() });
    this.readingSubscription = readAllMatching(this.list, { filters, sort }).subscribe({
      next: (progress) => {
        this.reading.set({ done: progress.rows.length, total: progress.total });
        if (progress.done) {
          this.reading.set(undefined);
          this.actions.requestBulk(action, progress.rows.map(toTarget));
        }
      },
      error: (error: ApiError) => {
        this.reading.set(undefined);
        this.readError.set(error);
      },
    });
  }

  protected stopReading(): void {
    this.readingSubscription?.unsubscribe();
    this.reading.set(undefined);
  }
}

function toTarget(session: SessionRaw): BulkTarget {
  return {
    sessionId: session.sessionId,
    status: session.status,
    clientSubmission: session.clientSubmission,
    workerSubmission: session.workerSubmission,
  };
}
