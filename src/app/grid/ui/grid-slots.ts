import { Directive, TemplateRef, inject, input } from '@angular/core';

import type { ResourceDefinition } from '../model/definition';
import type { GridSelection } from '../state/selection';

/** Context of the row-actions slot: the row. */
export interface RowActionsContext<T = unknown> {
  readonly $implicit: T;
}

/** Context of the bulk-bar slot: the grid's selection (ids, rows, "all matching", count, clear). */
export interface BulkBarContext<T = unknown> {
  readonly $implicit: GridSelection<T>;
}

/**
 * The last cell of every row, filled by the resource page. Passing the definition types `row`:
 * `<ng-template [appGridRowActions]="definition" let-row> <app-session-row-menu [session]="row" /> </ng-template>`
 */
@Directive({ selector: 'ng-template[appGridRowActions]' })
export class GridRowActions<T = unknown> {
  readonly appGridRowActions = input<ResourceDefinition<T> | ''>('');
  readonly template = inject<TemplateRef<RowActionsContext<T>>>(TemplateRef);

  static ngTemplateContextGuard<T>(
    _dir: GridRowActions<T>,
    _ctx: unknown,
  ): _ctx is RowActionsContext<T> {
    return true;
  }
}

/**
 * Shown above the table (the page decides when, e.g. while `selection.count() > 0`):
 * `<ng-template [appGridBulkBar]="definition" let-selection> … </ng-template>`
 */
@Directive({ selector: 'ng-template[appGridBulkBar]' })
export class GridBulkBar<T = unknown> {
  readonly appGridBulkBar = input<ResourceDefinition<T> | ''>('');
  readonly template = inject<TemplateRef<BulkBarContext<T>>>(TemplateRef);

  static ngTemplateContextGuard<T>(_dir: GridBulkBar<T>, _ctx: unknown): _ctx is BulkBarContext<T> {
    return true;
  }
}
