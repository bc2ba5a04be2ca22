import { ChangeDetectionStrategy, Component, input, viewChild } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatMenu, MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import type { LinkTarget } from '../model/definition';

/** One entry of a row's menu: a drill-down (`link`) or an action (`run`). */
export interface MenuItem {
  /** i18n key. */
  readonly label: string;
  readonly icon: string;
  readonly link?: LinkTarget;
  readonly run?: () => void;
  readonly danger?: boolean;
}

/**
 * The rows' "⋮" menu: one per grid, opened by each row's `RowMenuButton` with its row. `items`
 * maps that row to its entries when the menu opens (matMenuContent), so no row holds entries.
 */
@Component({
  selector: 'app-actions-menu',
  imports: [MatIconModule, MatMenuModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-menu>
      <ng-template matMenuContent let-row>
        @for (item of items()(row); track item.label) {
          @if (item.link; as link) {
            <a
              mat-menu-item
              [class.danger]="item.danger"
              [routerLink]="link.commands"
              [queryParams]="link.queryParams"
            >
              <mat-icon aria-hidden="true">{{ item.icon }}</mat-icon>
              <span>{{ item.label | translate }}</span>
            </a>
          } @else {
            <button mat-menu-item type="button" [class.danger]="item.danger" (click)="item.run?.()">
              <mat-icon aria-hidden="true">{{ item.icon }}</mat-icon>
              <span>{{ item.label | translate }}</span>
            </button>
          }
        }
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .danger {
      color: var(--mat-sys-error);
    }
  `,
})
export class ActionsMenu<T> {
  readonly items = input.required<(row: T) => readonly MenuItem[]>();
  /** The panel the rows' buttons open. */
  readonly menu = viewChild.required(MatMenu);
}
