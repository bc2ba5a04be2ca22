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
  template: `@if (shown(); as shown) {
    <app-status-chip
      [look]="shown.look"
      [label]="shown.label | translate"
      [tooltip]="shown.meaning ? (shown.meaning | translate) : ''"
    />
  }`,
})
export class StatusCell {
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();
  /** The chip's look and the i18n keys of its label and meaning; nothing for a column without statuses. */
  protected readonly shown = computed(() => {
    const statuses = this.column().statuses;
    if (!statuses) return undefined;
    const look = lookOf(statuses, Number(this.value() ?? 0));
    return { look, label: statuses.label(look.key), meaning: statuses.meaning?.(look.key) };
  });
}
