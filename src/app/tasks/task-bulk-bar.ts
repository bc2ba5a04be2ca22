import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';
import { type Observable, catchError, filter, map, of, switchMap } from 'rxjs';

import { type ApiError } from '../api/api-error';
import type { TaskSummary } from '../../../proto/gen/armonik/api/grpc/v1/tasks_common_pb';
import { readAllMatching } from '../grid/read-all';
import type { GridSelection } from '../grid/state/selection';
import { GridStore } from '../grid/state/grid.store';
import type { TaskFacts } from './actions/cancel-plan';
import { CANCEL_PERMISSION, CancelTasksFlow } from './actions/cancel-tasks-flow';
import { isCancellable } from './task-status';

/** "All matching" is read before cancelling; beyond this many tasks, narrow the filters first. */
export const MAX_BULK_CANCEL = 10_000;

type Reading =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly read: number; readonly total: number }
  | { readonly kind: 'tooMany'; readonly total: number }
  | { readonly kind: 'failed'; readonly error: ApiError };

/** What can be done with selected tasks: cancel them (with a per-task report), clear the selection. */
@Component({
  selector: 'app-task-bulk-bar',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTooltipModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar" role="toolbar" [attr.aria-label]="'tasks.bulk.label' | translate">
      <span class="count">{{
        'tasks.bulk.selected' | translate: { count: selection().count() }
      }}</span>
      <!-- Without the permission: shown disabled, focusable, the reason in its tooltip. -->
      <button
        mat-flat-button
        type="button"
        class="danger"
        [disabled]="!allowed || !cancellable() || reading().kind === 'reading'"
        [disabledInteractive]="!allowed"
        [matTooltip]="allowed ? '' : (refusedKey | translate: { permission })"
        [attr.aria-description]="allowed ? null : (refusedKey | translate: { permission })"
        (click)="allowed && cancel()"
      >
        <mat-icon aria-hidden="true">cancel</mat-icon>
        {{ 'tasks.bulk.cancel' | translate }}
      </button>
      <button mat-button type="button" (click)="selection().clear()">
        {{ 'tasks.bulk.clear' | translate }}
      </button>
      @let state = reading();
      @if (state.kind === 'reading') {
        <span role="status" class="note">
          <mat-progress-spinner mode="indeterminate" diameter="16" aria-hidden="true" />
          {{ 'tasks.bulk.reading' | translate: { read: state.read, total: state.total } }}
        </span>
      } @else if (state.kind === 'tooMany') {
        <span role="alert" class="note error">
          {{ 'tasks.bulk.tooMany' | translate: { total: state.total, max: max } }}
        </span>
      } @else if (state.kind === 'failed') {
        <span role="alert" class="note error">
          {{ 'tasks.bulk.readFailed' | translate: { reason: state.error.reason } }}
        </span>
      } @else if (!cancellable()) {
        <span class="note">{{ 'tasks.bulk.nothingToCancel' | translate }}</span>
      }
    </div>
  `,
  styles: `
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      padding: 8px 12px;
      margin: 8px 0;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      font-weight: 500;
    }
    .note {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .danger:not([disabled]) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class TaskBulkBar {
  readonly selection = input.required<GridSelection<TaskSummary>>();

  private readonly flow = inject(CancelTasksFlow);
  private readonly store = inject(GridStore) as GridStore<TaskSummary>;
  private readonly destroyRef = inject(DestroyRef);
  private readonly list = this.store.definition.list();
  protected readonly allowed = this.flow.allowed();
  protected readonly permission = CANCEL_PERMISSION;
  protected readonly refusedKey = 'tasks.bulk.refused';
  protected readonly max = MAX_BULK_CANCEL;
  protected readonly reading = signal<Reading>({ kind: 'idle' });

  /** Picked rows: only if one can still be cancelled. "All matching": decided once read. */
  protected readonly cancellable = computed(
    () =>
      this.selection().allMatching() ||
      this.selection()
        .rows()
        .some((task) => isCancellable(task.status)),
  );

  protected cancel(): void {
    this.targets()
      .pipe(
        switchMap((tasks) => this.flow.run(tasks)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.selection().clear();
        // Read again what was acted on.
        this.store.refresh();
      });
  }

  private targets(): Observable<readonly TaskFacts[]> {
    const selection = this.selection();
    const facts = (tasks: readonly TaskSummary[]) =>
      tasks.map(({ id, status }) => ({ id, status }));
    const filters = selection.matchingFilters();
    const sort = selection.matchingSort();
    if (!selection.allMatching() || !filters || !sort) return of(facts(selection.rows()));
    if (selection.count() > MAX_BULK_CANCEL) {
      this.reading.set({ kind: 'tooMany', total: selection.count() });
      return of();
    }
    this.reading.set({ kind: 'reading', read: 0, total: selection.count() });
    return readAllMatching(this.list, { filters, sort }).pipe(
      map((progress) => {
        this.reading.set({ kind: 'reading', read: progress.rows.length, total: progress.total });
        return progress;
      }),
      filter((progress) => progress.done),
      map((progress) => {
        this.reading.set({ kind: 'idle' });
        return facts(progress.rows);
      }),
      catchError((error: ApiError) => {
        this.reading.set({ kind: 'failed', error });
        return of();
      }),
    );
  }
}
