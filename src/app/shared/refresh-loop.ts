import {
  EMPTY,
  type Observable,
  combineLatest,
  distinctUntilChanged,
  filter,
  fromEvent,
  interval,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';

/** True while the tab is shown; follows `visibilitychange`. */
export function pageVisible(
  document: Document | undefined = globalThis.document,
): Observable<boolean> {
  const shown = () => document?.visibilityState !== 'hidden';
  if (!document) return of(true);
  return fromEvent(document, 'visibilitychange').pipe(
    map(shown),
    startWith(shown()),
    distinctUntilChanged(),
  );
}

export interface RefreshLoopOptions {
  /** How old the data may get, in ms; 0 = no auto-refresh. */
  readonly period: Observable<number>;
  /** When the data shown was last read (ms since the epoch, 0 = never). */
  readonly settledAt: () => number;
  /** True while a read is running: a slow cluster is never asked twice at the same time. */
  readonly busy: () => boolean;
  readonly document?: Document;
}

/**
 * The console's one auto-refresh (the grid, inspection pages, the session page): emits when the
 * data is older than the period, never while the tab is hidden or a read is running. It checks
 * every second (or every period, if shorter), so a tab coming back after a long time refreshes at
 * once. Each caller reads on every emission inside a switchMap and catches the read's errors
 * there, so one failure never ends the loop: the next period tries again.
 */
export function refreshDue(options: RefreshLoopOptions): Observable<void> {
  return combineLatest([options.period, pageVisible(options.document)]).pipe(
    switchMap(([period, visible]) =>
      !period || !visible
        ? EMPTY
        : interval(Math.min(1000, period)).pipe(
            filter(() => !options.busy() && Date.now() - options.settledAt() >= period),
          ),
    ),
    map(() => undefined),
  );
}
