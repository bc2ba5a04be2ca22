import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { ColumnDef } from '../../model/definition';
import { ConsoleLocale } from '../../../shared/console-locale';
import { bytesOf, exactBytes } from './cell-values';

/** A size in bytes, in human units; the exact byte count on hover. */
@Component({
  selector: 'app-bytes-cell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="bytes" [attr.data-tip]="exact()">{{ text() }}</span>`,
  styles: `
    .bytes {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class BytesCell {
  private readonly locale = inject(ConsoleLocale);
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();
  private readonly bytes = computed(() => bytesOf(this.value()));
  protected readonly text = computed(() => this.locale.bytes(this.bytes()));
  protected readonly exact = computed(() => exactBytes(this.bytes(), this.locale));
}
