import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { CountGroup } from '../../grid/model/counts';
import type { FilterGroup } from '../../grid/model/filter-types';
import { GridI18n } from '../../grid/ui/grid-i18n';
import { StatusChip } from '../../grid/ui/status-chip';
import { TASK_STATUSES, tasksLink } from '../../tasks';
import type { StatusCounts } from '../../progress';
import { OverviewWords } from './overview-words';

/**
 * Counts of a scope of tasks, by status or by status group, each a link to exactly those tasks
 * in the tasks grid (its own URL form), the total a link to all of them.
 */
@Component({
  selector: 'app-scope-counts',
  imports: [RouterLink, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="counts">
      @for (entry of entries(); track entry.key) {
        <li>
          @if (entry.look) {
            <app-status-chip [look]="entry.look" [label]="entry.label" />
          } @else {
            <span class="group" [attr.data-color]="entry.color">{{ entry.label }}</span>
          }
          <a
            [routerLink]="entry.link.commands"
            [queryParams]="entry.link.queryParams"
            [attr.aria-label]="
              words.t('overview.counts.link', {
                count: entry.text,
                status: entry.label,
                scope: scopeName(),
              })
            "
            >{{ entry.text }}</a
          >
        </li>
      }
      <li class="total">
        <a
          [routerLink]="all().commands"
          [queryParams]="all().queryParams"
          [attr.aria-label]="
            words.t('overview.counts.totalLink', { count: totalText(), scope: scopeName() })
          "
          >{{ words.t('overview.counts.total', { count: totalText() }) }}</a
        >
      </li>
    </ul>
  `,
  styles: `
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 18px;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    a {
      color: var(--mat-sys-primary);
      font-variant-numeric: tabular-nums;
      font-weight: 500;
    }
    .group {
      color: var(--mat-sys-on-surface-variant);
    }
    .total a {
      font-weight: 400;
    }
  `,
})
export class ScopeCounts {
  readonly counts = input.required<StatusCounts>();
  /** Which tasks, as conditions on the tasks grid's columns ([] = the whole cluster). */
  readonly scope = input.required<FilterGroup>();
  /** Show these groups; by default every status with tasks. */
  readonly groups = input<readonly CountGroup[]>();
  /** What the scope is called in accessible names ("the cluster", a line's name). */
  readonly scopeName = input.required<string>();

  protected readonly words = inject(OverviewWords);
  private readonly i18n = inject(GridI18n);

  protected readonly entries = computed(() => {
    const counts = this.counts();
    const scope = this.scope();
    const groups = this.groups();
    if (groups)
      return groups.map((group) => {
        const looks = TASK_STATUSES.looks.filter((look) => group.statuses.includes(look.key));
        const count = looks.reduce((sum, look) => sum + (counts.get(look.value) ?? 0), 0);
        return {
          key: group.id,
          look: undefined,
          color: group.color,
          label: this.i18n.groupName(group),
          text: this.words.number(count),
          link: tasksLink(scope, group.statuses),
        };
      });
    return TASK_STATUSES.looks
      .filter((look) => (counts.get(look.value) ?? 0) > 0)
      .map((look) => ({
        key: look.key,
        look,
        color: undefined,
        label: this.i18n.t(TASK_STATUSES.label(look.key)),
        text: this.words.number(counts.get(look.value) ?? 0),
        link: tasksLink(scope, [look.key]),
      }));
  });

  protected readonly totalText = computed(() => {
    let total = 0;
    for (const n of this.counts().values()) total += n;
    return this.words.number(total);
  });
  protected readonly all = computed(() => tasksLink(this.scope()));
}
