import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { NO_FILTERS } from '../model/filter-types';
import { hasFilters } from '../model/view';
import { GridStore } from '../state/grid.store';

/**
 * What the page says when there is nothing to show or something went wrong: plain words, the
 * server's own reason (as text), and the way out (retry, clear filters). A failed refresh keeps
 * the previous rows and says they may be stale; later refreshes go on.
 */
@Component({
  selector: 'app-grid-states',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (part() === 'error' && page().error; as error) {
      <div class="state error" role="alert">
        <mat-icon aria-hidden="true">error</mat-icon>
        <div class="text">
          <strong>{{ labels.loadError | translate }}</strong>
          <span>{{ 'errors.codes.' + error.codeName | translate }}.</span>
          @if (error.reason) {
            <span class="reason">{{
              'grid.states.serverSaid' | translate: { reason: error.reason }
            }}</span>
          }
          @if (page().rows.length > 0) {
            <span>{{ 'grid.states.stale' | translate }}</span>
          }
        </div>
        <button mat-flat-button type="button" (click)="store.refresh()">
          <mat-icon aria-hidden="true">refresh</mat-icon>
          {{ 'common.retry' | translate }}
        </button>
      </div>
    } @else if (part() === 'empty' && empty() && !page().error) {
      <div class="state empty" role="status">
        <mat-icon aria-hidden="true">{{ filtered() ? 'filter_alt_off' : 'inbox' }}</mat-icon>
        @if (filtered()) {
          <strong>{{ labels.emptyFiltered | translate }}</strong>
          <button mat-stroked-button type="button" (click)="store.setFilters(noFilters)">
            {{ 'grid.chips.clear' | translate }}
          </button>
        } @else {
          <strong>{{ labels.empty | translate }}</strong>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .state {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 16px;
      margin: 12px 0;
      border-radius: 8px;
    }
    .error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .error .text {
      flex: 1;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
    }
    .reason {
      overflow-wrap: anywhere;
    }
    .empty {
      flex-direction: column;
      padding: 48px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .empty mat-icon {
      font-size: 40px;
      width: 40px;
      height: 40px;
    }
  `,
})
export class GridStates {
  /** The error sits above the table (seen even under stale rows), the empty state below its header. */
  readonly part = input.required<'error' | 'empty'>();
  protected readonly store = inject(GridStore);
  protected readonly labels = this.store.definition.labels;
  protected readonly page = this.store.page;
  protected readonly noFilters = NO_FILTERS;
  protected readonly filtered = computed(() => hasFilters(this.store.view().filters));
  protected readonly empty = computed(() => {
    const page = this.page();
    return page.generation > 0 && !page.loading && page.rows.length === 0 && page.total === 0;
  });
}
