import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { ConsoleLocale } from '../../shared/console-locale';
import { PAGE_SIZES } from '../model/view';
import { GridStore } from '../state/grid.store';
import { GridI18n } from './grid-i18n';
import { elementId } from '../../shared/element-id';

/**
 * Rows per page, which rows are shown ("1 – 25 of 100,000") and first/previous/next/last, as
 * Material's paginator lays them out. Written out: MatPaginator pulled MatSelect and MatFormField
 * onto the first view. The page size is a native <select> in an outlined field; the four buttons
 * are named icon buttons, disabled at the ends. A new page size starts again at the first page.
 */
@Component({
  selector: 'app-grid-paginator',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="size">
      <label class="field-label" [for]="id">{{ 'grid.paginator.itemsPerPage' | translate }}</label>
      <select class="field-control" [id]="id" (change)="sized($event)">
        @for (size of sizes; track size) {
          <option [value]="size" [selected]="size === store.view().pageSize">{{ size }}</option>
        }
      </select>
    </div>
    <span class="range">{{ range() }}</span>
    @for (step of steps(); track step.label) {
      <button
        mat-icon-button
        type="button"
        [disabled]="!step.enabled"
        [attr.aria-label]="step.label | translate"
        (click)="go(step.page)"
      >
        <mat-icon aria-hidden="true">{{ step.icon }}</mat-icon>
      </button>
    }
  `,
  styles: `
    @use 'outlined-field' as field;

    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 4px 8px;
      min-height: 56px;
      padding: 8px 8px 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .size {
      @include field.select-field;
      width: 112px;
      margin-right: 24px;
    }
    .range {
      margin: 0 24px 0 8px;
    }
  `,
})
export class GridPaginator {
  protected readonly store = inject(GridStore);
  private readonly locale = inject(ConsoleLocale);
  private readonly i18n = inject(GridI18n);
  protected readonly sizes = PAGE_SIZES;
  protected readonly id = elementId('page-size');

  protected readonly lastPage = computed(() =>
    Math.max(0, Math.ceil(this.store.page().total / this.store.view().pageSize) - 1),
  );
  /** First, previous, next and last: where each goes, and whether it can (not at the ends). */
  protected readonly steps = computed(() => {
    const page = this.store.view().page;
    const last = this.lastPage();
    return [
      { label: 'grid.paginator.first', icon: 'first_page', page: 0, enabled: page > 0 },
      { label: 'grid.paginator.previous', icon: 'chevron_left', page: page - 1, enabled: page > 0 },
      { label: 'grid.paginator.next', icon: 'chevron_right', page: page + 1, enabled: page < last },
      { label: 'grid.paginator.last', icon: 'last_page', page: last, enabled: page < last },
    ];
  });

  /** "1 – 25 of 100,000" in the console's language; "0 of 0" for no rows. */
  protected readonly range = computed(() => {
    const total = this.store.page().total;
    const { page, pageSize } = this.store.view();
    if (total === 0) return this.i18n.t('grid.paginator.none');
    return this.i18n.t('grid.paginator.range', {
      start: this.locale.number(page * pageSize + 1),
      end: this.locale.number(Math.min(total, (page + 1) * pageSize)),
      total: this.locale.number(total),
    });
  });

  protected go(page: number): void {
    this.store.setPage(Math.min(Math.max(0, page), this.lastPage()), this.store.view().pageSize);
  }

  protected sized(event: Event): void {
    const size = Number((event.target as HTMLSelectElement).value);
    if ((this.sizes as readonly number[]).includes(size)) this.store.setPage(0, size);
  }
}
