import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

import type { ColumnDef } from '../../model/definition';
import { lookOf } from '../../status-lookup';
import { StatusChip } from '../status-chip';

/** A status as a coloured chip with an icon; its meaning (if the definition has one) on hover. */
@Component({
  selector: 'app-status-cell',
  imports: [StatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (look(); as look) {
    <app-status-chip
      [look]="look"
      [label]="labelKey() | translate"
      [tooltip]="meaningKey() ? (meaningKey()! | translate) : ''"
    />
  }`,
})
export class StatusCell {
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();
  protected readonly look = computed(() => {
    const statuses = this.column().statuses;
    return statuses ? lookOf(statuses, Number(this.value() ?? 0)) : undefined;
  });
  protected readonly labelKey = computed(() => this.column().statuses!.label(this.look()!.key));
  protected readonly meaningKey = computed(() =>
    this.column().statuses?.meaning?.(this.look()!.key),
  );
}
