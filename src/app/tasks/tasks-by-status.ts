import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';

import { type ApiError } from '../api/api-error';
import { fromCall } from '../api/rx';
import type { StatusCountLike } from '../grid/model/counts';
import type { FilterGroup } from '../grid/model/filter-types';
import { encodeGroup } from '../grid/model/url-codec';
import { StatusChip } from '../grid/ui/status-chip';
import { tasksLink, taskCounter } from './task-counts';
import { TASK_STATUSES } from './task-status';

type CountsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly counts: readonly StatusCountLike[] }
  | { readonly kind: 'failed'; readonly error: ApiError };

/**
 * The tasks of a scope (a partition's, an application's) by status, each number a link to exactly
 * those tasks in the tasks grid, and the total a link to all of them.
 */
@Component({
  selector: 'app-tasks-by-status',
  imports: [MatProgressSpinnerModule, RouterLink, StatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    @if (current.kind === 'loading') {
      <p role="status" class="muted">
        <mat-progress-spinner mode="indeterminate" diameter="16" aria-hidden="true" />
        {{ 'tasks.byStatus.loading' | translate }}
      </p>
    } @else if (current.kind === 'failed') {
      <p role="alert" class="failed">
        {{ 'tasks.byStatus.failed' | translate: { reason: current.error.reason } }}
      </p>
    } @else {
      <ul class="counts">
        @for (entry of entries(); track entry.key) {
          <li>
            <app-status-chip [look]="entry.look" [label]="entry.label | translate" />
            <a
              [routerLink]="entry.link.commands"
              [queryParams]="entry.link.queryParams"
              [attr.aria-label]="
                'tasks.byStatus.link'
                  | translate: { count: entry.count, status: (entry.label | translate) }
              "
              >{{ entry.count }}</a
            >
          </li>
        } @empty {
          <li class="muted">{{ 'tasks.byStatus.none' | translate }}</li>
        }
      </ul>
      <a class="all" [routerLink]="all().commands" [queryParams]="all().queryParams">
        {{ 'tasks.byStatus.all' | translate: { count: total() } }}
      </a>
    }
  `,
  styles: `
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 20px;
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    li {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    a {
      color: var(--mat-sys-primary);
      font-variant-numeric: tabular-nums;
    }
    .muted {
      display: flex;
      gap: 8px;
      align-items: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .failed {
      color: var(--mat-sys-error);
    }
  `,
})
export class TasksByStatus {
  /** Which tasks, as conditions on the tasks grid's columns. */
  readonly scope = input.required<FilterGroup>();
  /** Counted again whenever this changes (e.g. the page's entity, read again). */
  readonly at = input<unknown>();

  private readonly count = taskCounter();

  /** The scope last counted: a re-count of the same scope keeps its numbers on screen. */
  private counted?: string;

  protected readonly state = toSignal(
    toObservable(computed(() => ({ scope: this.scope(), at: this.at() }))).pipe(
      distinctUntilChanged(
        (a, b) => a.at === b.at && encodeGroup(a.scope) === encodeGroup(b.scope),
      ),
      switchMap(({ scope }) => {
        const key = encodeGroup(scope);
        const again = key === this.counted;
        this.counted = key;
        const counts$ = fromCall((signal) => this.count(scope, signal)).pipe(
          map((counts): CountsState => ({ kind: 'loaded', counts })),
          catchError((error: ApiError) => of<CountsState>({ kind: 'failed', error })),
        );
        return again ? counts$ : counts$.pipe(startWith<CountsState>({ kind: 'loading' }));
      }),
    ),
    { initialValue: { kind: 'loading' } },
  );

  protected readonly entries = computed(() => {
    const state = this.state();
    if (state.kind !== 'loaded') return [];
    return TASK_STATUSES.looks
      .map((look) => ({
        key: look.key,
        look,
        label: TASK_STATUSES.label(look.key),
        count: state.counts
          .filter((entry) => entry.status === look.value)
          .reduce((sum, entry) => sum + entry.count, 0),
        link: tasksLink(this.scope(), [look.key]),
      }))
      .filter((entry) => entry.count > 0);
  });
  protected readonly total = computed(() =>
    this.entries().reduce((sum, entry) => sum + entry.count, 0),
  );
  protected readonly all = computed(() => tasksLink(this.scope()));
}
