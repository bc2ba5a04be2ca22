import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenu, MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import type { LinkTarget } from '../../grid/model/definition';
import { type SessionAction } from '../session-rules';
import { ACTION_ICONS } from './action-icons';
import { CopyToClipboard } from '../../shared/clipboard';
import { PendingActions } from './pending-actions.store';
import { SessionActions } from './session-actions';
import { sessionLinks } from './session-links';

/** A drill-down of the menu: the i18n key of its name, its icon, where it leads. */
interface SeeLink {
  readonly label: string;
  readonly icon: string;
  readonly link: LinkTarget;
}

/**
 * The sessions grid's row menu, one for the whole grid: each row's button opens it with its
 * session (`SessionActionsCell`). Navigation is always offered; each action the session's status
 * allows, disabled with the reason when this user lacks the permission or while an action on the
 * session is on the wire. Its items exist only while it is open (matMenuContent).
 */
@Component({
  selector: 'app-session-actions-menu',
  imports: [MatDividerModule, MatIconModule, MatMenuModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-menu>
      <ng-template matMenuContent let-session>
        @let pending = pendingActions.actionFor(session.sessionId);
        @let shown = actions.shown(session);
        <button mat-menu-item (click)="copyId(session)">
          <mat-icon aria-hidden="true">content_copy</mat-icon>
          <span>{{ 'actions.copyId' | translate }}</span>
        </button>
        @for (see of seeLinks(session); track see.label) {
          <a mat-menu-item [routerLink]="see.link.commands" [queryParams]="see.link.queryParams">
            <mat-icon aria-hidden="true">{{ see.icon }}</mat-icon>
            <span>{{ see.label | translate }}</span>
          </a>
        }
        @if (shown.length > 0) {
          <mat-divider />
          @for (item of shown; track item.action) {
            <!-- Refused for this user: shown disabled, with the reason as its description. -->
            <button
              mat-menu-item
              [disabled]="!!pending || !!item.refused"
              [class.danger]="item.action !== 'pause' && item.action !== 'resume'"
              [attr.aria-description]="item.refused ?? null"
              (click)="run(item.action, session)"
            >
              <mat-icon aria-hidden="true">{{ icons[item.action] }}</mat-icon>
              <span>{{ 'actions.names.' + item.action | translate }}</span>
              @if (item.refused) {
                <span class="refused">{{ item.refused }}</span>
              }
            </button>
          }
        }
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .danger:not([disabled]) mat-icon {
      color: var(--mat-sys-error);
    }
    .refused {
      display: block;
      max-width: 280px;
      white-space: normal;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SessionActionsMenu {
  /** The panel the rows' buttons open. */
  readonly menu = viewChild.required(MatMenu);

  protected readonly actions = inject(SessionActions);
  protected readonly pendingActions = inject(PendingActions);
  private readonly clipboard = inject(CopyToClipboard);

  protected readonly icons = ACTION_ICONS;

  /** The "See …" drill-downs, in menu order. */
  protected seeLinks(session: SessionRaw): readonly SeeLink[] {
    const links = sessionLinks(session);
    return [
      { label: 'actions.seeSession', icon: 'visibility', link: { commands: links.session } },
      { label: 'actions.seeTasks', icon: 'task', link: links.tasks },
      { label: 'actions.seeResults', icon: 'inventory_2', link: links.results },
      { label: 'actions.seePartitions', icon: 'dns', link: links.partitions },
    ];
  }

  protected copyId(session: SessionRaw): void {
    this.clipboard.copy(session.sessionId, 'actions.idCopied');
  }

  protected run(action: SessionAction, session: SessionRaw): void {
    this.actions.request(action, session);
  }
}
