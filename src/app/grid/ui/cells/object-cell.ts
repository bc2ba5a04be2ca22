import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  inject,
  input,
} from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import type { ColumnDef } from '../../model/definition';
import { GRID_DEFINITION } from '../../state/grid-definition';
import { ConsoleLocale } from '../../../shared/console-locale';
import { openLazilyIn } from '../../../shared/lazy-overlays';
import type { ObjectViewData, ObjectViewDialog } from '../dialogs/object-view.dialog';
import { GridI18n } from '../grid-i18n';

/**
 * Key/value data (options, custom data): a count here, a readable table on click. A plain button
 * styled as a text button: Material's button brings positioned ripple and focus layers, which in
 * a table with pinned (sticky) columns each become a compositor layer per row while scrolling.
 */
const objectViewDialog = () =>
  import('../dialogs/object-view.dialog').then((m) => m.ObjectViewDialog);

@Component({
  selector: 'app-object-cell',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (entries().length > 0) {
      <button
        type="button"
        class="object"
        [attr.aria-label]="'grid.object.show' | translate: { column: columnName(), id: rowId() }"
        (click)="open()"
      >
        <mat-icon aria-hidden="true">data_object</mat-icon>
        {{ 'grid.object.keys' | translate: { count: entries().length } }}
      </button>
    } @else {
      <span class="empty">{{ 'grid.object.empty' | translate }}</span>
    }`,
  styles: `
    .object {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      height: 28px;
      padding: 0 8px 0 4px;
      border: 0;
      border-radius: 14px;
      background: transparent;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .object:hover {
      background: color-mix(in srgb, var(--mat-sys-primary) 8%, transparent);
    }
    .object:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .empty {
      color: var(--mat-sys-outline);
    }
  `,
})
export class ObjectCell {
  private readonly injector = inject(Injector);
  private readonly i18n = inject(GridI18n);
  private readonly definition = inject(GRID_DEFINITION);
  private readonly locale = inject(ConsoleLocale);
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();

  protected readonly entries = computed(() => {
    const fromColumn = this.column().entries?.(this.row(), this.locale.locale());
    if (fromColumn) return fromColumn;
    const value = this.value();
    return value && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)] as const)
      : [];
  });
  protected readonly rowId = computed(() => this.definition.rowId(this.row()));
  protected readonly columnName = computed(
    () => this.column().title ?? this.i18n.t(this.column().label),
  );

  /**
   * The dialog and MatDialog load on first open: a page of cells does not need their code to
   * paint. The loader is one function for every cell, so a second click while it loads opens
   * nothing more.
   */
  protected open(): Promise<unknown> {
    return openLazilyIn<ObjectViewDialog, ObjectViewData>(this.injector, objectViewDialog, {
      data: { title: this.columnName(), subject: this.rowId(), entries: this.entries() },
      autoFocus: 'dialog',
      width: '640px',
      maxWidth: '96vw',
    });
  }
}
