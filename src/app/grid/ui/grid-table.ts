import { CdkDrag, type CdkDragDrop, CdkDragPlaceholder, CdkDropList } from '@angular/cdk/drag-drop';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type TemplateRef,
  computed,
  inject,
  input,
} from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';

import { isSortable, moveKey } from '../model/columns';
import type { ColumnDef } from '../model/definition';
import { GridCountsStore } from '../state/counts.store';
import { GridStore } from '../state/grid.store';
import { FlashDirective } from './flash.directive';
import { GridCell } from './grid-cell';
import { GridI18n } from './grid-i18n';
import type { RowActionsContext } from './grid-slots';
import { InViewDirective, RowVisibility } from './in-view.directive';

/**
 * The table: sortable, draggable headers; selectable rows; cells by kind; a row-actions slot.
 * Rows stay on screen while a newer page loads (a thin progress bar says so), so nothing
 * flickers and the scroll position does not jump.
 */
@Component({
  selector: 'app-grid-table',
  imports: [
    CdkDrag,
    CdkDragPlaceholder,
    CdkDropList,
    NgTemplateOutlet,
    MatCheckboxModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    GridCell,
    FlashDirective,
    InViewDirective,
  ],
  providers: [RowVisibility],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grid-table.html',
  styleUrl: './grid-table.scss',
})
export class GridTable {
  protected readonly store = inject(GridStore);
  protected readonly counts = inject(GridCountsStore);
  private readonly i18n = inject(GridI18n);
  readonly rowActions = input<TemplateRef<RowActionsContext>>();

  protected readonly definition = this.store.definition;
  protected readonly labels = this.definition.labels;
  protected readonly selectable = this.definition.selectable !== false;
  protected readonly columns = this.store.columns;
  protected readonly page = this.store.page;
  protected readonly rows = computed(() => this.page().rows);
  protected readonly selection = this.store.selection;
  protected readonly compact = computed(() => this.store.preferences.density() === 'compact');
  protected readonly skeleton = computed(() => {
    const page = this.page();
    return page.rows.length === 0 && page.generation === 0 && !page.error ? [0, 1, 2, 3, 4, 5] : [];
  });
  protected readonly sort = computed(() => this.store.view().sort);

  protected readonly pageEntries = computed(() =>
    this.rows().map((row) => [this.definition.rowId(row), row] as const),
  );
  protected readonly pageSelected = computed(() => {
    const entries = this.pageEntries();
    if (this.selection.allMatching()) return entries.length > 0 ? 'all' : 'none';
    const ids = this.selection.ids();
    const picked = entries.filter(([id]) => ids.has(id)).length;
    return picked === 0 ? 'none' : picked === entries.length ? 'all' : 'some';
  });

  protected columnName(column: ColumnDef): string {
    return column.title ?? this.i18n.t(column.label);
  }

  protected sortable(column: ColumnDef): boolean {
    return isSortable(column);
  }

  protected ariaSort(column: ColumnDef): string | null {
    const sort = this.sort();
    if (sort.column !== column.key) return this.sortable(column) ? 'none' : null;
    return sort.direction === 'asc' ? 'ascending' : 'descending';
  }

  protected rowId(row: unknown): string {
    return this.definition.rowId(row);
  }

  protected isSelected(id: string): boolean {
    return this.selection.allMatching() || this.selection.ids().has(id);
  }

  protected toggleRow(row: unknown): void {
    this.selection.toggle(this.rowId(row), row, this.pageEntries());
  }

  protected togglePage(checked: boolean): void {
    this.selection.setPage(this.pageEntries(), checked);
  }

  protected drop(event: CdkDragDrop<unknown>): void {
    if (event.previousIndex === event.currentIndex) return;
    const keys = this.columns().map((column) => column.key);
    this.store.setColumns(moveKey(keys, event.previousIndex, event.currentIndex));
  }
}
