import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Code } from '@connectrpc/connect';
import { Subject, auditTime, catchError, filter, map, merge, of, startWith, switchMap } from 'rxjs';

import { type ApiError } from '../../api/api-error';
import { SESSIONS_CLIENT } from '../../api/clients/sessions.client';
import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { fromCall } from '../../api/rx';
import { refreshDue } from '../../shared/refresh-loop';
import { SessionChanges } from '../actions/session-changes';
import { type TaskCounts, TaskCountsReader } from '../actions/session-task-counts';

export type DetailState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | {
      readonly kind: 'loaded';
      readonly session: SessionRaw;
      /** The session was deleted (seen with status Deleted, now unknown to the server). */
      readonly gone: boolean;
    };

export type CountsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly counts: TaskCounts }
  | { readonly kind: 'failed'; readonly error: ApiError };

/** Auto-refresh periods offered, in ms; 0 = off. */
export const AUTO_REFRESH_CHOICES = [0, 5_000, 15_000, 60_000] as const;

/**
 * One session and its task counts for the inspection page: loaded on demand, refreshed by hand or
 * on a period, and patched by whatever the server returns to an action.
 */
@Injectable()
export class SessionDetailStore {
  private readonly client = inject(SESSIONS_CLIENT);
  private readonly countsReader = inject(TaskCountsReader);

  private readonly id = signal<string | undefined>(undefined);
  private readonly refreshes = new Subject<void>();
  private readonly countRefreshes = new Subject<void>();

  readonly state = signal<DetailState>({ kind: 'loading' });
  readonly counts = signal<CountsState>({ kind: 'loading' });
  readonly refreshing = signal(false);
  /** A refresh failed while a session is shown: the page keeps it and says so. */
  readonly refreshError = signal<ApiError | undefined>(undefined);
  readonly lastRefresh = signal<number | undefined>(undefined);
  /** Re-read every 15 s by default (paused while the tab is hidden); the header changes it. */
  readonly autoRefreshMs = signal<number>(15_000);

  readonly session = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.session : undefined;
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    // The console's one auto-refresh (shared/refresh-loop): never while hidden or reading.
    const autoTicks$ = refreshDue({
      period: toObservable(this.autoRefreshMs),
      settledAt: () => this.lastRefresh() ?? 0,
      busy: () => this.refreshing(),
    });
    toObservable(this.id)
      .pipe(
        filter((id): id is string => !!id),
        switchMap((id) =>
          merge(this.refreshes, autoTicks$).pipe(
            startWith(undefined),
            switchMap(() => {
              this.refreshing.set(true);
              return merge(this.readSession(id), this.readCounts(id));
            }),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe();

    // Events arrive in bursts: re-count at most every 2 s.
    toObservable(this.id)
      .pipe(
        filter((id): id is string => !!id),
        switchMap((id) =>
          this.countRefreshes.pipe(
            auditTime(2_000),
            switchMap(() => this.readCounts(id)),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe();

    inject(SessionChanges)
      .changes$.pipe(takeUntilDestroyed(destroyRef))
      .subscribe((change) => {
        if (change.kind === 'updated' && change.session.sessionId === this.id()) {
          this.state.set({ kind: 'loaded', session: change.session, gone: false });
          this.countRefreshes.next();
        } else if (change.kind === 'removed' && change.sessionId === this.id()) {
          this.onNotFound();
        }
      });
  }

  load(id: string): void {
    if (id === this.id()) return;
    this.state.set({ kind: 'loading' });
    this.counts.set({ kind: 'loading' });
    this.refreshError.set(undefined);
    this.id.set(id);
  }

  refresh(): void {
    this.refreshes.next();
  }

  /** Task counts only, soon (throttled): after events or an action. */
  recount(): void {
    this.countRefreshes.next();
  }

  private readSession(id: string) {
    return fromCall((signal) => this.client.getSession({ sessionId: id }, { signal })).pipe(
      map(({ session }) => {
        this.refreshing.set(false);
        this.lastRefresh.set(Date.now());
        this.refreshError.set(undefined);
        if (session) this.state.set({ kind: 'loaded', session, gone: false });
        else this.onNotFound();
      }),
      catchError((error: ApiError) => {
        this.refreshing.set(false);
        this.lastRefresh.set(Date.now());
        if (error.code === Code.NotFound) this.onNotFound();
        else if (this.session()) this.refreshError.set(error);
        else this.state.set({ kind: 'failed', error });
        return of(undefined);
      }),
    );
  }

  private readCounts(id: string) {
    return this.countsReader.count(id).pipe(
      map((counts) => this.counts.set({ kind: 'loaded', counts })),
      catchError((error: ApiError) => {
        // Keep showing the last counts if there are any; the page shows the error beside them.
        if (this.counts().kind !== 'loaded') this.counts.set({ kind: 'failed', error });
        return of(undefined);
      }),
    );
  }

  /** Unknown to the server: a session we just saw deleted stays on screen, marked gone. */
  private onNotFound(): void {
    const session = this.session();
    if (session && session.status === SessionStatus.DELETED)
      this.state.set({ kind: 'loaded', session, gone: true });
    else this.state.set({ kind: 'notFound' });
  }
}
