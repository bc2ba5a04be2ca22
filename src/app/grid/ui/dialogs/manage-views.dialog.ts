import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import type { SavedView } from '../../model/preferences';
import { GridStore } from '../../state/grid.store';
import { TextPromptDialog, type TextPromptData } from './text-prompt.dialog';
import {
  ArmedConfirmDialog,
  type ArmedConfirmData,
  type ArmedConfirmTexts,
} from '../../../shared/armed-confirm.dialog';
import { DISMISSED, openForChoice } from '../../../shared/dialog-result';

const DELETE_VIEW_TEXTS: ArmedConfirmTexts = {
  title: 'grid.views.deleteConfirm.title',
  message: 'grid.views.deleteConfirm.message',
  confirm: 'grid.views.deleteConfirm.confirm',
  dismiss: 'grid.views.deleteConfirm.dismiss',
  arming: 'grid.views.deleteConfirm.arming',
};

/** Rename, delete or open the saved views of this grid. */
@Component({
  selector: 'app-manage-views-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'grid.views.manage' | translate }}</h2>
    <mat-dialog-content>
      <ul class="views">
        @for (view of preferences.views(); track view.id) {
          <li>
            <span class="name">{{ view.name }}</span>
            <button
              mat-button
              type="button"
              [mat-dialog-close]="dismissed"
              (click)="store.openParams(view.params)"
            >
              {{ 'grid.views.open' | translate }}
            </button>
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'grid.views.renameLabel' | translate: { name: view.name }"
              (click)="rename(view)"
            >
              <mat-icon aria-hidden="true">edit</mat-icon>
            </button>
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'grid.views.deleteLabel' | translate: { name: view.name }"
              (click)="remove(view)"
            >
              <mat-icon aria-hidden="true">delete</mat-icon>
            </button>
          </li>
        } @empty {
          <li class="none">{{ 'grid.views.none' | translate }}</li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="dismissed">
        {{ 'common.close' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .views {
      list-style: none;
      margin: 0;
      padding: 0;
      min-width: 360px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 4px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      min-height: 48px;
    }
    .name {
      flex: 1;
      overflow-wrap: anywhere;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ManageViewsDialog {
  /** Closing is never a choice: see dialog-result.ts. */
  protected readonly dismissed = DISMISSED;
  protected readonly store = inject(GridStore);
  protected readonly preferences = this.store.preferences;
  private readonly dialog = inject(MatDialog);

  protected rename(view: SavedView): void {
    openForChoice<string, TextPromptDialog, TextPromptData>(this.dialog, TextPromptDialog, {
      data: {
        title: 'grid.views.renameTitle',
        label: 'grid.views.name',
        confirm: 'grid.views.rename',
        initial: view.name,
      },
    }).subscribe((name) => this.preferences.renameView(view.id, name));
  }

  /** A saved view is gone for good once deleted: the one armed confirmation asks first. */
  protected remove(view: SavedView): void {
    openForChoice<true, ArmedConfirmDialog, ArmedConfirmData>(this.dialog, ArmedConfirmDialog, {
      data: { texts: DELETE_VIEW_TEXTS, params: { name: view.name }, danger: true },
      width: '480px',
    }).subscribe(() => this.preferences.deleteView(view.id));
  }
}
