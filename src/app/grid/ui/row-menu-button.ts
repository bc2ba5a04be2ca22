import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { type MatMenuPanel, MatMenuModule } from '@angular/material/menu';

import { GridI18n } from './grid-i18n';

/**
 * A row's "⋮" button. It opens the grid's one row menu (`menu`), handing it the row as the
 * menu content's `$implicit`: a row costs a button and a trigger, not a menu of its own, and
 * its tip is the grid's shared tip (`data-tip`), not a tooltip directive (bench section 7).
 */
@Component({
  selector: 'app-row-menu-button',
  imports: [MatButtonModule, MatIconModule, MatMenuModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu()"
      [matMenuTriggerData]="{ $implicit: row() }"
      [attr.aria-label]="label()"
      [attr.aria-busy]="busy() || null"
      [attr.data-tip]="tip()"
    >
      <mat-icon aria-hidden="true">more_vert</mat-icon>
    </button>
  `,
})
export class RowMenuButton {
  readonly menu = input.required<MatMenuPanel>();
  readonly row = input.required<unknown>();
  /** i18n key of the button's accessible name, given `{{id}}` ("Actions for task {{id}}"). */
  readonly labelKey = input.required<string>();
  /** The row's id (or name) in that label. */
  readonly id = input.required<string>();
  /** i18n key of its tip: the actions column's name ("Actions") unless a grid says otherwise. */
  readonly tipKey = input('grid.actionsColumn');
  readonly busy = input(false);

  private readonly i18n = inject(GridI18n);
  // Signals, not the translate pipe: an impure pipe per row re-ran on every change detection.
  protected readonly label = computed(() => this.i18n.t(this.labelKey(), { id: this.id() }));
  protected readonly tip = computed(() => this.i18n.t(this.tipKey()));
}
