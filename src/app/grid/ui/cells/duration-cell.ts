import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { ColumnDef } from '../../model/definition';
import { ConsoleLocale } from '../../../shared/console-locale';
import { durationOf } from './cell-values';

/** A duration in ms, in the console's one localised form; the exact value on hover. Ticking columns re-render every second. */
@Component({
  selector: 'app-duration-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (ms() !== undefined) {
      <span class="duration" [attr.data-tip-duration]="ms()">{{ text() }}</span>
    } @else {
      <span class="empty" aria-hidden="true">—</span>
    }`,
  styles: `
    .duration {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .empty {
      color: var(--mat-sys-outline);
    }
  `,
})
export class DurationCell {
  private readonly locale = inject(ConsoleLocale);
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();
  protected readonly ms = computed(() => durationOf(this.value()));
  protected readonly text = computed(() => this.locale.duration(this.ms() ?? 0));
}
