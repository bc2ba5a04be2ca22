import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { countColorCss, groupCounts } from '../../model/counts';
import type { ColumnDef } from '../../model/definition';
import { GridCountsStore } from '../../state/counts.store';
import { GRID_DEFINITION } from '../../state/grid-definition';
import { GridPreferencesStore } from '../../state/preferences.store';
import { GridI18n } from '../grid-i18n';

/**
 * Per-row counts by status group ("tasks by statuses"): one coloured number per group, each a
 * link to the counted items (e.g. the tasks grid filtered on this row and those statuses), named
 * "Completed: 46, show them" for assistive technology; the header's legend names the groups for
 * everyone. Every chip, pending or not, has the legend slot's width: nothing moves on arrival.
 */
@Component({
  selector: 'app-counts-cell',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (numbers(); as numbers) {
      <span class="counts">
        @for (item of numbers; track item.id) {
          <a
            class="count"
            [class.zero]="item.count === 0"
            [style.--count-color]="item.color"
            [routerLink]="item.target.commands"
            [queryParams]="item.target.queryParams"
            [attr.data-tip]="item.name"
            [attr.aria-label]="
              'grid.counts.link' | translate: { count: item.count, group: item.name }
            "
            >{{ item.count }}</a
          >
        }
      </span>
    } @else if (failed()) {
      <span class="unavailable" [attr.data-tip]="'grid.counts.unavailable' | translate">
        <span aria-hidden="true">—</span>
        <span class="visually-hidden">{{ 'grid.counts.unavailable' | translate }}</span>
      </span>
    } @else {
      <span class="pending" role="img" [attr.aria-label]="'grid.counts.loading' | translate">
        @for (group of groups(); track group.id) {
          <span></span>
        }
      </span>
    }`,
  styleUrl: './counts-cell.scss',
})
export class CountsCell {
  private readonly store = inject(GridCountsStore);
  private readonly preferences = inject(GridPreferencesStore);
  private readonly definition = inject(GRID_DEFINITION);
  private readonly i18n = inject(GridI18n);
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();

  private readonly id = computed(() => this.definition.rowId(this.row()));
  protected readonly failed = computed(() => this.store.failed(this.id()));
  protected readonly groups = this.preferences.countGroups;
  protected readonly numbers = computed(() => {
    const spec = this.definition.counts;
    const counts = this.store.countsOf(this.id());
    if (!spec || !counts) return undefined;
    const groups = this.preferences.countGroups();
    const sums = groupCounts(counts, groups, spec.statuses);
    return groups.map((group, i) => ({
      id: group.id,
      count: sums[i],
      name: this.i18n.groupName(group),
      color: countColorCss(group.color),
      target: spec.link(this.row(), group.statuses),
    }));
  });
}
