import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type Type,
  computed,
  inject,
  input,
} from '@angular/core';

import { GridStore } from '../state/grid.store';
import { GridPage } from './grid-page';
import { GridBulkBar, GridRowActions } from './grid-slots';
import { ActionsMenu, type MenuItem } from './actions-menu';
import { RowMenuButton } from './row-menu-button';
import { Breadcrumbs, type TrailParent, drillTrail } from './breadcrumbs';

/** Where a grid sits when a drill-down opened it: its possible parents, and its own crumb. */
export interface GridTrail {
  readonly parents: readonly TrailParent[];
  /** i18n key of the grid's crumb ("Tasks"). */
  readonly label: string;
}

/**
 * A resource's grid page: the generic grid (the page provides it with `provideGrid`), a "⋮" menu
 * on every row, the breadcrumbs of the drill-down that opened it, and an optional bulk bar shown
 * while rows are selected (a component taking the grid's `selection` as input).
 */
@Component({
  selector: 'app-resource-grid-page',
  imports: [
    ActionsMenu,
    Breadcrumbs,
    GridBulkBar,
    GridPage,
    GridRowActions,
    NgComponentOutlet,
    RowMenuButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (crumbs().length > 0) {
      <app-breadcrumbs [crumbs]="crumbs()" />
    }
    <app-actions-menu #rowMenu [items]="items()" />
    <app-grid-page>
      <ng-template [appGridRowActions]="definition" let-row>
        <app-row-menu-button
          [menu]="rowMenu.menu()"
          [row]="row"
          [labelKey]="label"
          [id]="nameOf(row)"
        />
      </ng-template>
      <ng-template [appGridBulkBar]="definition" let-selection>
        @if (bulkBar(); as bar) {
          @if (selection.count() > 0) {
            <ng-container *ngComponentOutlet="bar; inputs: { selection }" />
          }
        }
      </ng-template>
    </app-grid-page>
  `,
})
export class ResourceGridPage<T> {
  /** The entries of a row's menu. */
  readonly items = input.required<(row: T) => readonly MenuItem[]>();
  readonly trail = input<GridTrail>();
  /** How the menu button names the row ("Actions for task …"); the row id by default. */
  readonly rowName = input<(row: T) => string>();
  readonly bulkBar = input<Type<unknown>>();

  private readonly store = inject(GridStore) as GridStore<T>;
  protected readonly definition = this.store.definition;
  protected readonly label = this.definition.labels.rowActions;

  protected readonly crumbs = computed(() => {
    const trail = this.trail();
    return trail ? drillTrail(this.store.view().filters, trail.parents, trail.label) : [];
  });

  protected nameOf(row: T): string {
    return (this.rowName() ?? this.definition.rowId)(row);
  }
}
