import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  BehaviorSubject,
  EMPTY,
  type Observable,
  debounce,
  defer,
  catchError,
  distinctUntilChanged,
  filter,
  finalize,
  map,
  mergeMap,
  of,
  switchMap,
  tap,
  timer,
} from 'rxjs';

import { fromCall } from '../../api/rx';
import { holdIdle } from '../../api/transport';
import { type CountsEntry, type StatusCountLike, needsFetch } from '../model/counts';
import type { CountsSpec } from '../model/definition';
import type { PageState } from '../model/page-state';
import { GridStore } from './grid.store';

/** At most this many count calls in flight: a page of 100 rows must not flood the cluster. */
export const COUNTS_CONCURRENCY = 6;
/** How long the rows in view must stay put, once scrolled, before their counts are asked for. */
export const COUNTS_SETTLE_MS = 200;
/** The wait for a page's first rows to report (coalesces the observer's first reports), ms. */
export const FIRST_ROWS_MS = 100;

type Visible = ReadonlySet<string> | 'all';

/**
 * How long a change of the rows in view waits before it asks for counts, given what the page
 * asked for last (`undefined`: nothing yet, i.e. the page just loaded). A refresh asks for the
 * rows already on screen at once (in the next task); a page's first rows after a short wait;
 * rows scrolled to once they stayed put: a fling through a 1,000-row page passes hundreds of
 * rows nobody reads, and each count call was a fetch and a render in the middle of the scroll
 * (bench section 7).
 */
export function countsDelay(last: Visible | undefined, next: Visible): number {
  const any = (set: Visible | undefined) => set === 'all' || (set !== undefined && set.size > 0);
  if (last === undefined) return any(next) ? 0 : FIRST_ROWS_MS;
  return any(last) ? COUNTS_SETTLE_MS : FIRST_ROWS_MS;
}
/**
 * Settled rows' counts remembered after they leave the page (a few pages' worth): they are never
 * fetched again while settled. A row still moving is refetched anyway, so its counts go with it.
 */
export const MAX_SETTLED_REMEMBERED = 500;

/**
 * What the store keeps of its per-row maps when a page loads: the page's rows, and the latest
 * `maxSettled` settled rows that left it. Without this, each refresh of a newest-first view kept
 * the counts, flashes and failures of every session that had scrolled off (the endurance heap
 * slope). Returns the same map when nothing is dropped, so signals do not change for nothing.
 */
export function keptEntries<V>(
  entries: ReadonlyMap<string, V>,
  onPage: ReadonlySet<string>,
  settled: (value: V) => boolean = () => false,
  maxSettled = MAX_SETTLED_REMEMBERED,
): ReadonlyMap<string, V> {
  const gone = [...entries].filter(([id]) => !onPage.has(id));
  const keep = new Set(
    gone
      .filter(([, value]) => settled(value))
      .slice(-maxSettled)
      .map(([id]) => id),
  );
  if (keep.size === gone.length) return entries;
  return new Map([...entries].filter(([id]) => onPage.has(id) || keep.has(id)));
}

export type CountsResult<T> = {
  readonly id: string;
  readonly row: T;
  readonly generation: number;
} & ({ readonly counts: readonly StatusCountLike[] } | { readonly error: true });

/**
 * Which rows to fetch counts for, as a stream: on each refresh (generation) and whenever rows
 * scroll into view, every visible row the refetch rule selects, once, at most `concurrency` at a
 * time. A newer refresh cancels what is still pending or in flight. Pure RxJS, tested with fakes.
 *
 * `hold` (the idle signal's) is taken when a row is selected and released once every row selected
 * for the page has its answer, or the page is replaced: a call that waits for a free slot is not
 * in flight yet, and between one call's end and the next one's start the transport alone would
 * report nothing in flight (seen on a busy machine: 12 of 17 first counts, then idle).
 */
export function countsRequests<T>(options: {
  readonly pages$: Observable<Pick<PageState<T>, 'rows' | 'generation'>>;
  readonly visible$: Observable<ReadonlySet<string> | 'all'>;
  readonly rowId: (row: T) => string;
  readonly changeKey: (row: T) => string;
  readonly entry: (id: string) => CountsEntry | undefined;
  readonly fetch: (row: T) => Observable<readonly StatusCountLike[]>;
  readonly concurrency?: number;
  readonly hold?: () => () => void;
}): Observable<CountsResult<T>> {
  const { rowId, changeKey } = options;
  return options.pages$.pipe(
    filter((page) => page.generation > 0),
    distinctUntilChanged((a, b) => a.generation === b.generation),
    switchMap(({ rows, generation }) => {
      const requested = new Set<string>();
      let outstanding = 0;
      let release: (() => void) | undefined;
      const letGo = () => {
        release?.();
        release = undefined;
      };
      return options.visible$.pipe(
        mergeMap((visible) =>
          rows.filter((row) => {
            const id = rowId(row);
            if (requested.has(id) || (visible !== 'all' && !visible.has(id))) return false;
            if (!needsFetch(options.entry(id), changeKey(row), generation)) return false;
            requested.add(id);
            if (outstanding++ === 0) release = options.hold?.();
            return true;
          }),
        ),
        mergeMap(
          (row) =>
            options.fetch(row).pipe(
              map((counts): CountsResult<T> => ({ id: rowId(row), row, generation, counts })),
              catchError(() =>
                of<CountsResult<T>>({ id: rowId(row), row, generation, error: true }),
              ),
              finalize(() => {
                if (--outstanding === 0) letGo();
              }),
            ),
          options.concurrency ?? COUNTS_CONCURRENCY,
        ),
        // A newer page (or the end) drops the rows still waiting: nothing is held for them.
        finalize(letGo),
      );
    }),
  );
}

/** Per-row counts of the grid (e.g. tasks by status), for the rows on screen only. */
@Injectable()
export class GridCountsStore<T = unknown> {
  private readonly grid = inject(GridStore) as GridStore<T>;
  private readonly spec: CountsSpec<T> | undefined = this.grid.definition.counts;
  private readonly entries = signal<ReadonlyMap<string, CountsEntry>>(new Map());
  private readonly failures = signal<ReadonlySet<string>>(new Set());
  /**
   * Rows an operator should notice since the previous refresh — their change key (status,
   * submission flags) changed or their counts gained errors — with a token that restarts the
   * highlight. A count that merely grew (tasks completing) or a ticking duration is not one.
   */
  readonly flashes = signal<ReadonlyMap<string, number>>(new Map());
  private readonly visible = new BehaviorSubject<Visible>(
    typeof IntersectionObserver === 'undefined' ? 'all' : new Set(),
  );
  private readonly visibleIds = new Set<string>();
  /** Held from a change of the rows in view until the calls it causes have started. */
  private releaseIdle: (() => void) | undefined;
  /** Number of count calls made since the page opened (shown nowhere; measured by tests). */
  callCount = 0;

  constructor() {
    const spec = this.spec;
    if (!spec) return;
    const fetchCounts = spec.fetch();
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => this.letIdle());
    countsRequests<T>({
      pages$: this.grid.page$,
      // Subscribed anew for each page (countsRequests' switchMap): `last` is per page.
      visible$: defer(() => {
        let last: Visible | undefined;
        return this.visible.pipe(
          // Even "at once" is a task of its own (timer(0)): the refresh's page was decoded and
          // compared in this one, and two dozen fetches more made it a long task (bench: 49 ms).
          debounce((next) => timer(countsDelay(last, next))),
          tap((visible) => (last = visible)),
          // The fetches this emission causes start synchronously downstream; release after them.
          tap(() => queueMicrotask(() => this.letIdle())),
        );
      }),
      rowId: this.grid.definition.rowId,
      changeKey: this.grid.definition.changeKey,
      entry: (id) => this.entries().get(id),
      fetch: (row) => {
        this.callCount++;
        return fromCall((signal) => fetchCounts(row, signal));
      },
      hold: holdIdle,
    })
      .pipe(
        tap((result) => this.record(result, spec)),
        catchError(() => EMPTY),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe();

    // Highlight rows whose own data changed on a refresh, too.
    this.grid.page$
      .pipe(
        distinctUntilChanged((a, b) => a.generation === b.generation),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((page) => {
        // A new page asks for its counts once the rows in view settle: hold the idle signal.
        if (page.generation > 0) this.releaseIdle ??= holdIdle();
        if (page.changed.size > 0) this.flash(page.changed);
        this.prune(new Set(page.rows.map(this.grid.definition.rowId)));
      });
  }

  countsOf(id: string): readonly StatusCountLike[] | undefined {
    return this.entries().get(id)?.counts;
  }

  failed(id: string): boolean {
    return this.failures().has(id);
  }

  /** Reported by each row as it enters or leaves the viewport. */
  setVisible(id: string, visible: boolean): void {
    if (this.visible.value === 'all') return;
    if (visible === this.visibleIds.has(id)) return;
    if (visible) this.visibleIds.add(id);
    else this.visibleIds.delete(id);
    this.releaseIdle ??= holdIdle();
    this.visible.next(new Set(this.visibleIds));
  }

  private letIdle(): void {
    this.releaseIdle?.();
    this.releaseIdle = undefined;
  }

  private record(result: CountsResult<T>, spec: CountsSpec<T>): void {
    if ('error' in result) {
      this.failures.update((set) => new Set(set).add(result.id));
      return;
    }
    const previous = this.entries().get(result.id);
    const entry: CountsEntry = {
      counts: result.counts,
      key: this.grid.definition.changeKey(result.row),
      generation: result.generation,
      settled: spec.settled(result.row, result.counts),
    };
    this.entries.update((map) => new Map(map).set(result.id, entry));
    if (this.failures().has(result.id))
      this.failures.update((set) => {
        const next = new Set(set);
        next.delete(result.id);
        return next;
      });
    // Running rows' counts change on every refresh: only new errors are worth an operator's eye.
    if (previous && errorCount(result.counts, spec) > errorCount(previous.counts, spec))
      this.flash([result.id]);
  }

  /** Forgets rows that left the page, except the latest settled ones (never fetched again). */
  private prune(onPage: ReadonlySet<string>): void {
    this.entries.set(keptEntries(this.entries(), onPage, (entry) => entry.settled));
    this.flashes.set(keptEntries(this.flashes(), onPage));
    const failures = this.failures();
    if ([...failures].some((id) => !onPage.has(id)))
      this.failures.set(new Set([...failures].filter((id) => onPage.has(id))));
  }

  private flash(ids: Iterable<string>): void {
    const token = Date.now();
    this.flashes.update((map) => {
      const next = new Map(map);
      for (const id of ids) next.set(id, token);
      return next;
    });
  }
}

/** Items in an error status (the counted statuses whose tone is `danger`). */
export function errorCount<T>(counts: readonly StatusCountLike[], spec: CountsSpec<T>): number {
  const errors = new Set(
    spec.statuses.looks.filter((look) => look.tone === 'danger').map((look) => look.value),
  );
  return counts.reduce((sum, item) => sum + (errors.has(item.status) ? item.count : 0), 0);
}
