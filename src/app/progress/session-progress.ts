import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { EMPTY, Subject, catchError, switchMap, tap } from 'rxjs';

import { type ApiError } from '../api/api-error';
import { fromCall } from '../api/rx';
import { equals } from '../grid/grid-link';
import { taskCounter } from '../tasks';
import { ProgressChart } from './progress-chart';
import { ProgressHistory, sessionScope } from './progress-history';
import { ProgressWords } from './progress-words';
import { OVERVIEW_REFRESH_MS, refreshLoop } from './progress-refresh';
import { countsMap, sampleOf } from './task-groups';

/**
 * Throughput, backlog and ETA of one session, for its inspection page: the overview's arithmetic
 * and chart, its readings taken by the overview's refresh loop and kept in the same memory (so
 * they survive leaving the page and coming back).
 */
@Component({
  selector: 'app-session-progress',
  imports: [ProgressChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 [id]="titleId()">{{ words.t('overview.progress.sessionTitle') }}</h2>
    <app-progress-chart
      [history]="history()"
      [scope]="scope()"
      [scopeName]="words.t('overview.progress.thisSession')"
    />
    @if (error(); as failure) {
      <p role="alert" class="failed">
        {{ words.t('overview.failed', { reason: failure.reason }) }}
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin-top: 0;
    }
    .failed {
      color: var(--mat-sys-error);
    }
  `,
  host: { role: 'region', '[attr.aria-labelledby]': 'titleId()' },
})
export class SessionProgress {
  readonly sessionId = input.required<string>();

  protected readonly words = inject(ProgressWords);
  private readonly readings = inject(ProgressHistory);
  private readonly count = taskCounter();
  // Taken now: the loop starts on each id, outside the constructor's injection context.
  private readonly document = inject(DOCUMENT);
  protected readonly error = signal<ApiError | undefined>(undefined);
  protected readonly titleId = computed(() => `progress-${this.sessionId()}`);
  protected readonly scope = computed(() => equals('sessionId', this.sessionId()));
  protected readonly history = computed(
    () => this.readings.all().get(sessionScope(this.sessionId())) ?? [],
  );

  constructor() {
    const manual$ = new Subject<void>();
    toObservable(this.sessionId)
      .pipe(
        switchMap((id) =>
          refreshLoop(
            () =>
              fromCall((signal) => this.count(equals('sessionId', id), signal)).pipe(
                tap((entries) => {
                  this.error.set(undefined);
                  this.readings.record(sessionScope(id), sampleOf(countsMap(entries), Date.now()));
                }),
                catchError((error: ApiError) => {
                  this.error.set(error);
                  return EMPTY;
                }),
              ),
            manual$,
            OVERVIEW_REFRESH_MS,
            this.document,
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
  }
}
