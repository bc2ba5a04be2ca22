import { CdkTable } from '@angular/cdk/table';
import { DestroyRef, Directive, ElementRef, inject } from '@angular/core';

/**
 * The part of the CDK table's (private) sticky styler this directive uses. Typed here because the
 * CDK does not export it; if a CDK update renames it, the release silently does nothing and
 * release-sticky-row.directive.spec.ts fails.
 */
interface StickyReplayQueue {
  _removeFromStickyColumnReplayQueue?(rows: HTMLElement[]): void;
}

/**
 * Lets the table forget a data row when the row is destroyed. With sticky columns, the CDK table
 * (22.2) queues every row it positions so that it can re-position them when a cell's width
 * changes, and empties that queue only when a width does change. Rows the table destroys
 * meanwhile (a session that leaves the page on a refresh, say) stayed queued, detached, with
 * all their cells: about 240 DOM nodes each, for as long as no column resized (the endurance
 * bench's DOM count grew by 5,200 nodes over 1,000 refreshes, 22 such rows). A row being
 * destroyed is the moment it can no longer need re-positioning.
 */
@Directive({ selector: '[appReleaseStickyRow]' })
export class ReleaseStickyRowDirective {
  constructor() {
    const table = inject(CdkTable) as unknown as { _stickyStyler?: StickyReplayQueue };
    const row = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    inject(DestroyRef).onDestroy(() =>
      table._stickyStyler?._removeFromStickyColumnReplayQueue?.([row]),
    );
  }
}
