import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { inertLine } from '../../../shared/inert-text';
import type { ColumnDef } from '../../model/definition';
import { ConsoleLocale } from '../../../shared/console-locale';

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
  protected readonly text = computed(() => {
    const value = this.value();
    if (value === undefined || value === null) return '';
    if (typeof value === 'number' || typeof value === 'bigint')
      return this.locale.number(Number(value));
    // Whatever else a text column holds is shown as text, never as markup, and inert (option
    // values come from whoever created the session): controls visible, long values cut.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return inertLine(String(value));
  });
}
