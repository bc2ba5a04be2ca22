import { DOCUMENT, inject } from '@angular/core';
import {
  EMPTY,
  type Observable,
  distinctUntilChanged,
  exhaustMap,
  filter,
  finalize,
  fromEvent,
  interval,
  map,
  merge,
  of,
  startWith,
  switchMap,
} from 'rxjs';

/** How often the overview and the session progress panel read the cluster again. */
export const OVERVIEW_REFRESH_MS = 10_000;

/**
 * The overview's one refresh loop (kept in this one place so the app's shared refresh piece can
 * replace it): runs `refresh` at once, on demand, and whenever the last run is older than the
 * period — never while the tab is hidden, and never twice at the same time (a slow cluster is
 * not asked again before it answered). Call in an injection context.
 */
export function refreshLoop<T>(
  refresh: () => Observable<T>,
  manual$: Observable<void>,
  periodMs = OVERVIEW_REFRESH_MS,
): Observable<T> {
  const document = inject(DOCUMENT);
  const visible = () => document.visibilityState !== 'hidden';
  let busy = false;
  let lastRun = 0;
  const visible$ = fromEvent(document, 'visibilitychange').pipe(
    map(visible),
    startWith(visible()),
    distinctUntilChanged(),
  );
  const auto$ = visible$.pipe(
    switchMap((shown) =>
      shown ? interval(1000).pipe(filter(() => !busy && Date.now() - lastRun >= periodMs)) : EMPTY,
    ),
  );
  return merge(of(undefined), manual$, auto$).pipe(
    exhaustMap(() => {
      busy = true;
      return refresh().pipe(
        finalize(() => {
          busy = false;
          lastRun = Date.now();
        }),
      );
    }),
  );
}
