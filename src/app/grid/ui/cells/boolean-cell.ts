import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import type { ColumnDef } from '../../model/definition';

/** Yes / No, in words (an icon alone is not enough for everyone). */
@Component({
  selector: 'app-boolean-cell',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="bool" [class.on]="value() === true">
    <mat-icon aria-hidden="true">{{ value() === true ? 'check' : 'remove' }}</mat-icon>
    {{ (value() === true ? 'grid.values.yes' : 'grid.values.no') | translate }}
  </span>`,
  styles: `
    .bool {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .bool.on {
      color: var(--app-success);
    }
    mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
  `,
})
export class BooleanCell {
  readonly row = input<unknown>();
  readonly column = input.required<ColumnDef>();
  readonly value = input<unknown>();
}
