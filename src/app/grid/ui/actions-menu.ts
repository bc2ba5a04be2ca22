import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
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
 * A row's "⋮" menu. `items` maps the row to its entries, so they are computed once per row
 * change; `label` is the i18n key of the button's accessible name, given `{{id}}`.
 */
@Component({
  selector: 'app-actions-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="label() | translate: { id: id() }"
    >
      <mat-icon aria-hidden="true">more_vert</mat-icon>
    </button>
    <!-- Items rendered when the menu opens (matMenuContent), not in every row of every refresh. -->
    <mat-menu #menu="matMenu">
      <ng-template matMenuContent>
        @for (item of entries(); track item.label) {
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
  readonly row = input.required<T>();
  /** The row's id, for the button's accessible name. */
  readonly id = input.required<string>();
  readonly label = input.required<string>();
  readonly items = input.required<(row: T) => readonly MenuItem[]>();

  protected readonly entries = computed(() => this.items()(this.row()));
}
