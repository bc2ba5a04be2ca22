import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { ColumnDef } from '../../model/definition';

/** An id that leads somewhere (an inspection page, a filtered grid). */
@Component({
  selector: 'app-link-cell',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (target(); as target) {
      <a class="mono" [routerLink]="target.commands" [queryParams]="target.queryParams">{{
        text()
      }}</a>
    } @else if (text() !== '') {
      <span class="mono">{{ text() }}</span>
    } @else {
      <span class="empty" aria-hidden="true">—</span>
    }`,
  styles: `
    a {
      color: var(--mat-sys-primary);
    }
    .empty {
      color: var(--mat-sys-outline);
    }
  `,
})
export class LinkCell {
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();
  // A link cell's value is an id (string or number), shown as it is.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  protected readonly text = computed(() => String(this.value() ?? ''));
  protected readonly target = computed(() =>
    this.text() === '' ? undefined : this.column().link?.(this.row()),
  );
}
