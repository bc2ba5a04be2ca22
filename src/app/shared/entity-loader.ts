import { type Signal, computed, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Code } from '@connectrpc/connect';
import {
  BehaviorSubject,
  type Observable,
  Subject,
  catchError,
  map,
  merge,
  of,
  scan,
  startWith,
  switchMap,
  tap,
} from 'rxjs';

import { type ApiError } from '../api/api-error';
import { fromCall } from '../api/rx';
import { refreshDue } from './refresh-loop';

/** What an inspection page shows for the id in its URL. */
export type EntityState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | {
      readonly kind: 'loaded';
      readonly value: T;
      /** A refresh failed: the value shown is the last one read. */
      readonly refreshError?: ApiError;
    };

type Answer<T> = { readonly value?: T; readonly error?: ApiError };

export interface EntityLoaderOptions<T> {
  /** Reads one entity; `undefined` (or NOT_FOUND) means there is no such id. */
  readonly fetch: (id: string, signal: AbortSignal) => Promise<T | undefined>;
  /** While true for the value shown, it is read again every `periodMs` (a task still running…). */
  readonly live?: (value: T) => boolean;
  readonly periodMs?: number;
}

export const LIVE_REFRESH_MS = 5_000;

/**
 * One entity by id, for an inspection page. Call in an injection context. A new id shows
 * "loading" then its entity; a refresh (by hand, or live while the entity can still change) keeps
 * the entity on screen and only reports a failure beside it; NOT_FOUND is "no such id".
 */
export class EntityLoader<T> {
  private readonly refreshes = new Subject<void>();
  readonly refreshing = signal(false);
  readonly state: Signal<EntityState<T>>;
  readonly value = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.value : undefined;
  });

  constructor(id: Signal<string>, options: EntityLoaderOptions<T>) {
    const period = options.periodMs ?? LIVE_REFRESH_MS;
    const read = (key: string): Observable<Answer<T>> => {
      this.refreshing.set(true);
      return fromCall((abort) => options.fetch(key, abort)).pipe(
        map((value): Answer<T> => ({ value })),
        catchError((error: ApiError) => of<Answer<T>>({ error })),
        map((answer) => {
          this.refreshing.set(false);
          return answer;
        }),
      );
    };
    // While the value shown is live, it is read again once it is `period` old (shared/refresh-loop).
    const livePeriod = new BehaviorSubject(0);
    let settledAt = 0;
    const due$ = refreshDue({
      period: livePeriod,
      settledAt: () => settledAt,
      busy: () => this.refreshing(),
    });
    const settle = (answer: Answer<T>) => {
      settledAt = Date.now();
      livePeriod.next(answer.value !== undefined && options.live?.(answer.value) ? period : 0);
    };
    this.state = toSignal(
      toObservable(id).pipe(
        switchMap((key) => {
          livePeriod.next(0);
          return merge(this.refreshes, due$).pipe(
            startWith(undefined),
            switchMap(() => read(key)),
            tap(settle),
            scan(reduce<T>, { kind: 'loading' } as EntityState<T>),
            startWith<EntityState<T>>({ kind: 'loading' }),
          );
        }),
      ),
      { initialValue: { kind: 'loading' } },
    );
  }

  refresh(): void {
    this.refreshes.next();
  }
}

function reduce<T>(state: EntityState<T>, answer: Answer<T>): EntityState<T> {
  if (answer.error === undefined)
    return answer.value === undefined
      ? { kind: 'notFound' }
      : { kind: 'loaded', value: answer.value };
  if (answer.error.code === Code.NotFound) return { kind: 'notFound' };
  return state.kind === 'loaded'
    ? { kind: 'loaded', value: state.value, refreshError: answer.error }
    : { kind: 'failed', error: answer.error };
}
