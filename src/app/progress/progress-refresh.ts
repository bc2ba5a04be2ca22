import { DOCUMENT, inject } from '@angular/core';
import { type Observable, exhaustMap, finalize, merge, of } from 'rxjs';

import { refreshDue } from '../shared/refresh-loop';

/** How often the overview and the session progress panel read the cluster again. */
export const OVERVIEW_REFRESH_MS = 10_000;

/**
 * The overview's refresh loop, built on the app's one (shared/refresh-loop.ts): runs `refresh`
 * at once, on demand, and whenever the last run is older than the period — never while the tab
 * is hidden, and never twice at the same time (a slow cluster is not asked again before it
 * answered). Call in an injection context, or pass `document` — a loop started later (inside a
 * switchMap on an input) is outside one, and `inject()` there throws NG0203.
 */
export function refreshLoop<T>(
  refresh: () => Observable<T>,
  manual$: Observable<void>,
  periodMs = OVERVIEW_REFRESH_MS,
  document: Document = inject(DOCUMENT),
): Observable<T> {
  let busy = false;
  let lastRun = 0;
  const auto$ = refreshDue({
    period: of(periodMs),
    settledAt: () => lastRun,
    busy: () => busy,
    document,
  });
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
