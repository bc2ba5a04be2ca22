import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { ColumnDef } from '../model/definition';
import { GridClock } from '../state/clock';
import { GRID_DEFINITION } from '../state/grid-definition';
import { DEFAULT_RENDERERS } from './cells/cell-renderer';

/**
 * One cell: the renderer of the column's kind (the definition may replace it), given the row,
 * the column and the value. Only `ticks` columns read the clock, so only they re-render each second.
 */
@Component({
  selector: 'app-grid-cell',
  imports: [NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ng-container *ngComponentOutlet="renderer(); inputs: inputs()" />`,
})
export class GridCell<T = unknown> {
  private readonly clock = inject(GridClock);
  private readonly definition = inject(GRID_DEFINITION);
  readonly row = input.required<T>();
  readonly column = input.required<ColumnDef<T>>();

  protected readonly renderer = computed(() => {
    const kind = this.column().kind;
    return this.definition.renderers?.[kind] ?? DEFAULT_RENDERERS[kind];
  });
  private readonly value = computed(() => {
    const column = this.column();
    return column.value(this.row(), column.ticks ? this.clock.now() : 0);
  });
  protected readonly inputs = computed(() => ({
    row: this.row(),
    column: this.column(),
    value: this.value(),
  }));
}
