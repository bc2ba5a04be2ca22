import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';

import { DISMISSED } from '../../shared/dialog-result';

/** The keys, and what each does (i18n keys under `grid.shortcuts`). */
const SHORTCUTS: readonly { readonly keys: readonly string[]; readonly does: string }[] = [
  { keys: ['/'], does: 'search' },
  { keys: ['?'], does: 'help' },
  { keys: ['Tab'], does: 'enter' },
  { keys: ['←', '→', '↑', '↓'], does: 'move' },
  { keys: ['Home', 'End'], does: 'rowEnds' },
  { keys: ['Ctrl+Home', 'Ctrl+End'], does: 'gridEnds' },
  { keys: ['PageUp', 'PageDown'], does: 'page' },
  { keys: ['Enter'], does: 'open' },
  { keys: ['Space'], does: 'select' },
  { keys: ['Shift+F10'], does: 'menu' },
];

/** `?`: the grid's keyboard shortcuts. */
@Component({
  selector: 'app-grid-shortcuts-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'grid.shortcuts.title' | translate }}</h2>
    <mat-dialog-content>
      <table class="keys">
        <caption class="visually-hidden">
          {{
            'grid.shortcuts.title' | translate
          }}
        </caption>
        <thead class="visually-hidden">
          <tr>
            <th scope="col">{{ 'grid.shortcuts.key' | translate }}</th>
            <th scope="col">{{ 'grid.shortcuts.action' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (shortcut of shortcuts; track shortcut.does) {
            <tr>
              <th scope="row">
                @for (key of shortcut.keys; track key; let last = $last) {
                  <kbd>{{ key }}</kbd>
                  @if (!last) {
                    <span aria-hidden="true"> </span>
                  }
                }
              </th>
              <td>{{ 'grid.shortcuts.does.' + shortcut.does | translate }}</td>
            </tr>
          }
        </tbody>
      </table>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="dismissed">
        {{ 'common.close' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .keys {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      font-weight: normal;
    }
    th {
      white-space: nowrap;
    }
    kbd {
      font: var(--mat-sys-label-medium);
      font-family: ui-monospace, monospace;
      padding: 1px 6px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class ShortcutsDialog {
  protected readonly shortcuts = SHORTCUTS;
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
}
