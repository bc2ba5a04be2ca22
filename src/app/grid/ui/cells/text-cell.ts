import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { ColumnDef } from '../../model/definition';
import { ConsoleLocale } from '../../../shared/console-locale';
import { textOf } from './cell-values';

/** Strings and numbers, as text (never HTML), inert and isolated; empty values show a dash. */
@Component({
  selector: 'app-text-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (text() === '') {
      <span class="empty" aria-hidden="true">—</span>
    } @else {
      <!-- Isolated: a value's direction controls cannot reorder the text around it. -->
      <bdi [class.number]="column().kind === 'number'">{{ text() }}</bdi>
    }`,
  styles: `
    .empty {
      color: var(--mat-sys-outline);
    }
    .number {
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class TextCell {
  private readonly locale = inject(ConsoleLocale);
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();
  protected readonly text = computed(() => textOf(this.value(), this.locale));
}
