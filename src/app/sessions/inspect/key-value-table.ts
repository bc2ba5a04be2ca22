import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

import { InertText } from '../../shared/inert-text';

/**
 * Key/value pairs as a two-column table (the seed's "Params"). Keys and values are text — option
 * keys and values come from whoever created the session — shown inert (InertText): isolated,
 * direction controls marked, long values cut with "Show all" and "Copy".
 */
@Component({
  selector: 'app-key-value-table',
  imports: [InertText, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length === 0) {
      <p class="empty">{{ emptyKey() | translate }}</p>
    } @else {
      <table>
        <caption class="visually-hidden">
          {{
            caption() | translate
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'inspect.key' | translate }}</th>
            <th scope="col">{{ 'inspect.value' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of entries(); track $index) {
            <tr>
              <th scope="row">
                @if (translateKeys()) {
                  {{ entry[0] | translate }}
                } @else {
                  <app-inert-text [value]="entry[0]" />
                }
              </th>
              <td><app-inert-text [value]="entry[1]" /></td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    thead th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    tbody th {
      font-weight: 500;
      width: 40%;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class KeyValueTable {
  readonly entries = input.required<readonly (readonly [string, string])[]>();
  /** i18n key of the table's accessible caption. */
  readonly caption = input.required<string>();
  readonly emptyKey = input('inspect.none');
  /** Keys are i18n keys (the console's own field names) rather than user text. */
  readonly translateKeys = input(false);
}
