import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

import { ConsoleLocale } from '../../shared/console-locale';
import type { ColumnDef } from '../model/definition';
import { GridClock } from '../state/clock';
import { GridCell } from './grid-cell';
import { GridTipsDirective } from './grid-table.tips';

/**
 * One row shown as a list of labelled fields (an inspection page), with the grid's own cells, so a
 * field looks the same in both places. Key/value fields are shown as a table in place rather than
 * behind a button. The page provides the resource the row belongs to with `provideRecordView(DEFINITION)`, as the
 * cells read it for the row's identity and renderers.
 */
@Component({
  selector: 'app-record-view',
  imports: [GridCell, GridTipsDirective, TranslatePipe],
  providers: [GridClock],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="record" appGridTips>
      @for (column of columns(); track column.key) {
        <div class="field" [class.wide]="column.kind === 'object'">
          <dt>{{ column.title ?? (column.label | translate) }}</dt>
          <dd>
            @if (column.kind === 'object') {
              @let entries = column.entries?.(row(), locale.locale()) ?? [];
              @if (entries.length > 0) {
                <table class="entries">
                  <tbody>
                    @for (entry of entries; track entry[0]) {
                      <tr>
                        <th scope="row" class="mono">{{ entry[0] }}</th>
                        <td class="mono">{{ entry[1] }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              } @else {
                <span class="empty">{{ 'grid.object.empty' | translate }}</span>
              }
            } @else {
              <app-grid-cell [row]="row()" [column]="column" />
            }
          </dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .record {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 12px 24px;
      margin: 0;
    }
    .field {
      min-width: 0;
    }
    .field.wide {
      grid-column: 1 / -1;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      margin-bottom: 2px;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .entries {
      border-collapse: collapse;
    }
    .entries th,
    .entries td {
      text-align: left;
      padding: 2px 16px 2px 0;
      vertical-align: top;
      font-weight: normal;
    }
    .entries th {
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      color: var(--mat-sys-outline);
    }
  `,
})
export class RecordView<T> {
  protected readonly locale = inject(ConsoleLocale);
  readonly columns = input.required<readonly ColumnDef<T>[]>();
  readonly row = input.required<T>();
}
