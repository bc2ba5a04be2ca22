import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { DISMISSED } from '../../../shared/dialog-result';
import { InertText } from '../../../shared/inert-text';

export interface ObjectViewData {
  /** What the object is (column name). */
  readonly title: string;
  /** Whose it is (row id). */
  readonly subject: string;
  readonly entries: readonly (readonly [string, string])[];
}

/** A readable key/value table of an object value; keys and values are untrusted text. */
@Component({
  selector: 'app-object-view-dialog',
  imports: [InertText, MatDialogModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p class="subject mono">{{ data.subject }}</p>
      <table class="kv" [attr.aria-label]="data.title">
        <thead>
          <tr>
            <th scope="col">{{ 'grid.object.key' | translate }}</th>
            <th scope="col">{{ 'grid.object.value' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of data.entries; track entry[0]) {
            <tr>
              <th scope="row" class="mono"><app-inert-text [value]="entry[0]" /></th>
              <td class="mono"><app-inert-text [value]="entry[1]" /></td>
            </tr>
          }
        </tbody>
      </table>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button [mat-dialog-close]="dismissed" type="button">
        {{ 'common.close' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .subject {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .kv {
      width: 100%;
      border-collapse: collapse;
    }
    .kv th,
    .kv td {
      text-align: start;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
      word-break: break-all;
    }
    thead th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    tbody th {
      font-weight: 500;
      width: 40%;
    }
  `,
})
export class ObjectViewDialog {
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  protected readonly data = inject<ObjectViewData>(MAT_DIALOG_DATA);
}
