import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { ColumnDef } from '../../model/definition';

/** A list of ids; each one a link when the column says where it leads. */
@Component({
  selector: 'app-array-cell',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (item of items(); track $index; let last = $last) {
      @if (item.target; as target) {
        <a class="mono" [routerLink]="target.commands" [queryParams]="target.queryParams">{{
          item.text
        }}</a>
      } @else {
        <span class="mono">{{ item.text }}</span>
      }
      @if (!last) {
        <span aria-hidden="true">, </span>
      }
    } @empty {
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
export class ArrayCell {
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();
  protected readonly items = computed(() => {
    const value = this.value();
    const list = Array.isArray(value) ? value.map(String) : [];
    return list.map((text) => ({ text, target: this.column().link?.(this.row(), text) }));
  });
}
