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
  /**
   * This row's counts: the same array until this row's answer changes, so another row's answer
   * (one arrives per row scrolled in) recomputes nothing here.
   */
  private readonly counts = computed(() => this.store.countsOf(this.id()));
  /**
   * What does not depend on the counts, made once per row and groups: the chips' links keep
   * their identity, so their router links do not recompute their URL when a count changes.
   */
  private readonly chips = computed(() => {
    const spec = this.definition.counts;
    const row = this.row();
    if (!spec) return [];
    return this.preferences.countGroups().map((group) => ({
      id: group.id,
      name: this.i18n.groupName(group),
      color: countColorCss(group.color),
      target: spec.link(row, group.statuses),
    }));
  });
  protected readonly numbers = computed(() => {
    const spec = this.definition.counts;
    const counts = this.counts();
    if (!spec || !counts) return undefined;
    const sums = groupCounts(counts, this.preferences.countGroups(), spec.statuses);
    return this.chips().map((chip, i) => ({ ...chip, count: sums[i] }));
  });
}
