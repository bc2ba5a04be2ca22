import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';

import { GridStore } from '../state/grid.store';
import { ConsoleLocale } from '../../shared/console-locale';

/** "All 25 on this page are selected — select all 1,234 matching", and its way back. */
@Component({
  selector: 'app-selection-banner',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (selection.allMatching()) {
      <div class="banner" role="status">
        <span>{{ 'grid.selection.allMatching' | translate: { count: total() } }}</span>
        <button mat-button type="button" (click)="selection.clear()">
          {{ 'grid.selection.clear' | translate }}
        </button>
      </div>
    } @else if (wholePage()) {
      <div class="banner" role="status">
        <span>{{ 'grid.selection.page' | translate: { count: pageCount() } }}</span>
        <button mat-button type="button" (click)="selection.selectAllMatching()">
          {{ 'grid.selection.selectAll' | translate: { count: total() } }}
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .banner {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      padding: 4px 12px;
      margin-bottom: 8px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class SelectionBanner {
  private readonly store = inject(GridStore);
  private readonly locale = inject(ConsoleLocale);
  protected readonly selection = this.store.selection;
  protected readonly total = computed(() => this.locale.number(this.store.page().total));
  protected readonly pageCount = computed(() => this.store.page().rows.length);
  /** Every row of the page is picked, and there are more matching rows than the page holds. */
  protected readonly wholePage = computed(() => {
    if (this.store.definition.selectable === false) return false;
    const page = this.store.page();
    const ids = this.selection.ids();
    return (
      page.rows.length > 0 &&
      page.total > page.rows.length &&
      page.rows.every((row) => ids.has(this.store.definition.rowId(row)))
    );
  });
}
