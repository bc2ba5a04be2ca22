import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { ColumnDef } from '../../model/definition';
import { ConsoleLocale } from '../../../shared/console-locale';
import { instantOf } from './cell-values';

/** A date in the console's language and the user's time zone; the exact instant on hover. Value: epoch ms. */
@Component({
  selector: 'app-date-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (ms(); as ms) {
      <time [attr.datetime]="iso()" [attr.data-tip-instant]="ms">{{ text() }}</time>
    } @else {
      <span class="empty" aria-hidden="true">—</span>
    }`,
  styles: `
    time {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .empty {
      color: var(--mat-sys-outline);
    }
  `,
})
export class DateCell {
  private readonly locale = inject(ConsoleLocale);
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();
  protected readonly ms = computed(() => instantOf(this.value()));
  protected readonly text = computed(() => this.locale.date(this.ms() ?? 0));
  protected readonly iso = computed(() => new Date(this.ms() ?? 0).toISOString());
}
