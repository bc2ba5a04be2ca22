import { Injectable, computed, signal } from '@angular/core';

import type { FiltersInit, ListRequest } from '../model/definition';

/**
 * The grid's selection, what a bulk bar plugs into: rows picked by id (they survive refreshes
 * and paging), or "all N matching" the current filters across pages. Changing the filters clears
 * it, so an action never applies to rows the user no longer sees.
 */
@Injectable()
export class GridSelection<T = unknown> {
  private readonly picked = signal<ReadonlyMap<string, T>>(new Map());
  private readonly matching = signal(false);
  private readonly matchingTotal = signal(0);
  private readonly matchingRequest = signal<Pick<ListRequest, 'filters' | 'sort'> | undefined>(
    undefined,
  );

  /** Ids picked one by one (or page by page). */
  readonly ids = computed(() => new Set(this.picked().keys()) as ReadonlySet<string>);
  /** The latest data seen for each picked row (refreshed whenever the row is on screen). */
  readonly rows = computed(() => [...this.picked().values()]);
  /** True when the selection is every row matching the filters, on every page. */
  readonly allMatching = this.matching.asReadonly();
  /** How many rows the selection stands for. */
  readonly count = computed(() => (this.matching() ? this.matchingTotal() : this.picked().size));
  /** For "all matching": the filters and sort that list them (as the List RPC takes them). */
  readonly matchingFilters = computed<FiltersInit | undefined>(
    () => this.matchingRequest()?.filters,
  );
  readonly matchingSort = computed(() => this.matchingRequest()?.sort);

  isSelected(id: string): boolean {
    return this.matching() || this.picked().has(id);
  }

  /**
   * Ticks or unticks one row. Unticking a row of "all matching" leaves the rest of the page
   * selected: the only rows the user can see.
   */
  toggle(id: string, row: T, page: readonly (readonly [string, T])[]): void {
    if (this.matching()) {
      this.matching.set(false);
      this.picked.set(new Map(page.filter(([other]) => other !== id)));
      return;
    }
    const next = new Map(this.picked());
    if (next.has(id)) next.delete(id);
    else next.set(id, row);
    this.picked.set(next);
  }

  /** Selects or unselects every row of the page. */
  setPage(rows: readonly (readonly [string, T])[], selected: boolean): void {
    this.matching.set(false);
    const next = new Map(this.picked());
    for (const [id, row] of rows) {
      if (selected) next.set(id, row);
      else next.delete(id);
    }
    this.picked.set(next);
  }

  selectAllMatching(): void {
    this.matching.set(true);
  }

  clear(): void {
    this.matching.set(false);
    if (this.picked().size > 0) this.picked.set(new Map());
  }

  /** Called by the grid after each load: fresher rows, and what "all matching" means now. */
  sync(
    rows: readonly (readonly [string, T])[],
    total: number,
    request: Pick<ListRequest, 'filters' | 'sort'>,
  ): void {
    this.matchingTotal.set(total);
    this.matchingRequest.set(request);
    const picked = this.picked();
    if (picked.size === 0) return;
    let changed = false;
    const next = new Map(picked);
    for (const [id, row] of rows)
      if (next.has(id) && next.get(id) !== row) {
        next.set(id, row);
        changed = true;
      }
    if (changed) this.picked.set(next);
  }
}
