import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import {
  type Observable,
  Subject,
  asyncScheduler,
  distinctUntilChanged,
  map,
  merge,
  observeOn,
  of,
  scan,
  shareReplay,
  skip,
  startWith,
  switchMap,
  tap,
  catchError,
} from 'rxjs';

import { toApiError } from '../../api/api-error';
import { fromCall } from '../../api/rx';
import { refreshDue } from '../../shared/refresh-loop';
import { fieldResolver } from '../field-resolver';
import { customColumnKey, isSortable, resolveColumn, resolveColumns } from '../model/columns';
import type { ColumnDef, ListRequest, ResourceDefinition, SortSpec } from '../model/definition';
import {
  type CheckedGroup,
  checkGroups,
  distributeShared,
  protoFiltersOf,
  quickConditions,
  toProtoSort,
} from '../model/filter-proto';
import type { GridFilters } from '../model/filter-types';
import {
  INITIAL_PAGE,
  type LoadEvent,
  LocalProblem,
  type PageState,
  reducePage,
} from '../model/page-state';
import {
  type QueryParams,
  type UrlPart,
  decodeView,
  encodeView,
  sameParams,
} from '../model/url-codec';
import { type GridView, defaultView } from '../model/view';
import { codecContextOf } from './codec-context';
import { GRID_DEFINITION } from './grid-definition';
import { GridPreferencesStore } from './preferences.store';
import { GridSelection } from './selection';

/** The URL parameters that make the List request (not `cols`), and those of the filters. */
const REQUEST_PARAMS = ['f', 'q', 'status', 'sort', 'page', 'size'] as const;
const FILTER_PARAMS = ['f', 'q', 'status'] as const;

/** Some parameters of a canonical query, as one comparable string. */
function paramsKey(params: QueryParams, names: readonly string[]): string {
  return names
    .map((name) => {
      const value = params[name];
      return value === undefined ? '' : typeof value === 'string' ? value : value.join('\n');
    })
    .join('&');
}

/** A request ready to send, or the reason it cannot be. */
type Prepared =
  | { readonly key: string; readonly request: ListRequest }
  | { readonly key: string; readonly error: LocalProblem };

/**
 * The state of one grid page, as one stream:
 *   URL (single source of truth) → view$ → request$ (distinct) → load per request and refresh
 *   (switchMap: a newer request cancels the one in flight) → page state → signals for templates.
 * Errors are caught inside each load, so a failure never ends the stream or later refreshes.
 */
@Injectable()
export class GridStore<T = unknown> {
  readonly definition = inject(GRID_DEFINITION) as ResourceDefinition<T>;
  readonly preferences = inject(GridPreferencesStore);
  readonly selection = inject(GridSelection) as GridSelection<T>;
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly listPage = this.definition.list();
  readonly resolveField = fieldResolver(this.definition);
  readonly quickFields = {
    searchField: this.definition.quick?.search?.column,
    statusField: this.definition.quick?.status?.column,
  };

  /** What a bare URL shows: the user's preferences over the definition's defaults. */
  readonly defaults = computed(() =>
    defaultView({
      sort: this.definition.defaultSort,
      columns: this.preferences.columns(),
      pageSize: this.preferences.pageSize(),
    }),
  );

  /** Each URL decoded (and so validated) once, and its view encoded once: the canonical form. */
  private readonly decoded$ = this.route.queryParams.pipe(
    map((params: QueryParams) => {
      const decoded = decodeView(params, codecContextOf(this.definition, this.defaults()));
      return { params, ...decoded, canonical: encodeView(decoded.view) };
    }),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  /** Distinct views, compared by their canonical parameters (no re-encoding). */
  private readonly distinct$ = this.decoded$.pipe(
    distinctUntilChanged((a, b) => sameParams(a.canonical, b.canonical)),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  readonly view$: Observable<GridView> = this.distinct$.pipe(map(({ view }) => view));
  readonly view = toSignal(this.view$, { initialValue: this.defaults() });

  /** Parts of the last URL that could not be read (shown as a notice until dismissed). */
  readonly urlProblems = signal<readonly UrlPart[]>([]);

  readonly columns = computed<ColumnDef<T>[]>(() =>
    resolveColumns(this.definition, this.view().columns),
  );

  /** Every column the chooser offers: the definition's, then the user's custom ones. */
  readonly availableColumns = computed<ColumnDef<T>[]>(() => {
    const custom = new Set([
      ...this.preferences.customColumns().map(customColumnKey),
      ...this.view().columns.filter((key) => key.startsWith('custom.')),
    ]);
    return [...this.definition.columns, ...resolveColumns(this.definition, [...custom])];
  });

  private readonly request$: Observable<Prepared> = this.distinct$.pipe(
    map(({ view, checked, canonical }) =>
      this.prepare(view, checked, paramsKey(canonical, REQUEST_PARAMS)),
    ),
    distinctUntilChanged((a, b) => a.key === b.key),
  );

  private readonly manual$ = new Subject<void>();
  private lastSettledAt = 0;

  /** Auto-refresh (shared/refresh-loop.ts): once the page is older than the chosen period. */
  private readonly auto$ = refreshDue({
    period: toObservable(this.preferences.refreshMs),
    settledAt: () => this.lastSettledAt,
    busy: () => this.page().loading,
    document: this.document,
  });

  private readonly events$: Observable<LoadEvent<T>> = this.request$.pipe(
    switchMap((prepared) => merge(of(null), this.manual$, this.auto$).pipe(map(() => prepared))),
    switchMap((prepared) => this.load(prepared)),
  );

  readonly page$: Observable<PageState<T>> = this.events$.pipe(
    scan((state, event) => reducePage(state, event, this.definition), INITIAL_PAGE as PageState<T>),
    startWith(INITIAL_PAGE as PageState<T>),
    shareReplay({ bufferSize: 1, refCount: false }),
  );
  readonly page = toSignal(this.page$, { initialValue: INITIAL_PAGE });

  /** The request the visible rows answer (filters and sort, for "all matching" bulk actions). */
  private lastRequest?: ListRequest;

  constructor() {
    // A hand-edited or incomplete URL is rewritten to the view actually shown (replacing the
    // history entry), after the navigation that brought it has finished.
    this.decoded$
      .pipe(observeOn(asyncScheduler), takeUntilDestroyed(this.destroyRef))
      .subscribe(({ params, problems, canonical }) => {
        if (problems.length > 0) this.urlProblems.set(problems);
        if (!sameParams(canonical, params)) this.navigate(canonical, true);
      });

    // New filters, new selection: an action must never reach rows the user no longer sees.
    this.distinct$
      .pipe(
        map(({ canonical }) => paramsKey(canonical, FILTER_PARAMS)),
        distinctUntilChanged(),
        skip(1),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.selection.clear());

    this.page$.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((page) => {
      if (page.loading || !this.lastRequest) return;
      this.selection.sync(
        page.rows.map((row) => [this.definition.rowId(row), row] as const),
        page.total,
        this.lastRequest,
      );
      // Paging past the end (rows deleted meanwhile, or a hand-edited page): go to the last page.
      const view = this.view();
      if (page.rows.length === 0 && page.total > 0 && view.page > 0 && !page.error)
        this.update(
          (v) => ({ ...v, page: Math.max(0, Math.ceil(page.total / v.pageSize) - 1) }),
          true,
        );
    });
  }

  // ---- commands (each one writes the URL; the URL drives everything) ----

  refresh(): void {
    this.manual$.next();
  }

  setFilters(filters: GridFilters): void {
    this.update((view) => ({ ...view, filters, page: 0 }));
  }

  /** Header click: a new column sorts ascending, the same column flips. */
  toggleSort(column: string): void {
    if (!isSortable(resolveColumn(this.definition, column))) return;
    this.update((view) => ({
      ...view,
      page: 0,
      sort: {
        column,
        direction: view.sort.column === column && view.sort.direction === 'asc' ? 'desc' : 'asc',
      },
    }));
  }

  setSort(sort: SortSpec): void {
    this.update((view) => ({ ...view, sort, page: 0 }));
  }

  setPage(page: number, pageSize: number): void {
    const view = this.view();
    if (pageSize !== view.pageSize) this.preferences.update({ pageSize });
    this.update((v) => ({ ...v, page: pageSize === v.pageSize ? page : 0, pageSize }));
  }

  /** Shown columns; also remembered as this user's default columns. */
  setColumns(columns: readonly string[]): void {
    if (columns.length === 0) return;
    this.preferences.update({ columns: [...columns] });
    this.update((view) => ({ ...view, columns }));
  }

  addCustomColumn(key: string): void {
    const trimmed = key.trim();
    if (trimmed === '' || !this.definition.custom) return;
    this.preferences.addCustomColumn(trimmed);
    const columnKey = customColumnKey(trimmed);
    if (!this.view().columns.includes(columnKey))
      this.setColumns([...this.view().columns, columnKey]);
  }

  resetColumns(): void {
    this.preferences.update({ columns: [...this.definition.defaultColumns] });
    this.update((view) => ({ ...view, columns: this.definition.defaultColumns }));
  }

  /** Opens a saved view: its filters, sort and columns, on page 1 with the current page size. */
  openParams(params: QueryParams): void {
    const decoded = decodeView(
      { ...params, page: '1', size: String(this.view().pageSize) },
      codecContextOf(this.definition, this.defaults()),
    );
    if (decoded.problems.length > 0) this.urlProblems.set(decoded.problems);
    this.navigate(encodeView(decoded.view), false);
  }

  dismissUrlProblems(): void {
    this.urlProblems.set([]);
  }

  update(change: (view: GridView) => GridView, replace = false): void {
    this.navigate(encodeView(change(this.view())), replace);
  }

  /** The query parameters of the current view (share links, saved views). */
  currentParams(): Record<string, string | string[]> {
    return encodeView(this.view());
  }

  private navigate(queryParams: Record<string, string | string[]>, replaceUrl: boolean): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, replaceUrl });
  }

  // ---- loading ----

  /**
   * The decoder checked and parsed the builder's groups (`checked`); only the quick controls'
   * conditions are checked here, and nothing is parsed twice.
   */
  private prepare(view: GridView, checked: readonly CheckedGroup[], key: string): Prepared {
    const shared = checkGroups(
      [quickConditions(view.filters, this.quickFields)],
      this.resolveField,
    );
    const sortColumn = resolveColumn(this.definition, view.sort.column);
    // The codec only lets valid views through; this guards the promise that a bad filter never
    // reaches the server, whatever the caller did: it is a local problem, never sent.
    if (!shared.ok || !sortColumn?.field)
      return { key, error: new LocalProblem(JSON.stringify(shared.ok ? 'sort' : shared.problems)) };
    const filters = protoFiltersOf(distributeShared(shared.groups[0] ?? [], checked));
    return {
      key,
      request: {
        page: view.page,
        pageSize: view.pageSize,
        filters,
        sort: toProtoSort(view.sort, sortColumn.field),
      },
    };
  }

  private load(prepared: Prepared): Observable<LoadEvent<T>> {
    if ('error' in prepared)
      return of({ type: 'failed', key: prepared.key, error: prepared.error });
    const { key, request } = prepared;
    return fromCall((signal) => this.listPage(request, signal)).pipe(
      tap(() => (this.lastRequest = request)),
      map((result): LoadEvent<T> => ({
        type: 'loaded',
        key,
        rows: result.rows,
        total: result.total,
        at: Date.now(),
      })),
      catchError((error: unknown) =>
        of<LoadEvent<T>>({ type: 'failed', key, error: toApiError(error) }),
      ),
      tap(() => (this.lastSettledAt = Date.now())),
      startWith<LoadEvent<T>>({ type: 'loading', key }),
    );
  }
}
