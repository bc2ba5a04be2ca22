import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
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
 * The row-actions cell of the sessions grid: "Actions for session {id}". Navigation is always
 * offered; each action the session's status allows, disabled with the reason when this user lacks
 * the permission. While an action runs, the cell shows it and holds back the others.
 */
@Component({
  selector: 'app-session-actions-menu',
  imports: [
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    MatProgressSpinnerModule,
    MatTooltipModule,
    RouterLink,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let id = session().sessionId;
    @if (pending(); as running) {
      <mat-progress-spinner
        class="pending"
        mode="indeterminate"
        diameter="18"
        role="status"
        [attr.aria-label]="'actions.pending.' + running | translate: { id }"
        [matTooltip]="'actions.pending.' + running | translate: { id }"
      />
    }
    <button
      mat-icon-button
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'actions.menuLabel' | translate: { id }"
      [attr.aria-busy]="pending() ? 'true' : null"
      [matTooltip]="'actions.menuTooltip' | translate"
    >
      <mat-icon aria-hidden="true">more_vert</mat-icon>
    </button>
    <!-- Items rendered when the menu opens (matMenuContent): eager, they were ~17 components and
         4 router links per row, updated on every refresh. -->
    <mat-menu #menu="matMenu">
      <ng-template matMenuContent>
        <button mat-menu-item (click)="copyId()">
          <mat-icon aria-hidden="true">content_copy</mat-icon>
          <span>{{ 'actions.copyId' | translate }}</span>
        </button>
        @for (see of seeLinks(); track see.label) {
          <a mat-menu-item [routerLink]="see.link.commands" [queryParams]="see.link.queryParams">
            <mat-icon aria-hidden="true">{{ see.icon }}</mat-icon>
            <span>{{ see.label | translate }}</span>
          </a>
        }
        @if (shown().length > 0) {
          <mat-divider />
          @for (item of shown(); track item.action) {
            <!-- Refused for this user: shown disabled, with the reason as its description. -->
            <button
              mat-menu-item
              [disabled]="!!pending() || !!item.refused"
              [class.danger]="item.action !== 'pause' && item.action !== 'resume'"
              [attr.aria-description]="item.refused ?? null"
              (click)="run(item.action)"
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
    :host {
      display: inline-flex;
      align-items: center;
      gap: 2px;
    }
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
  /** The row's session, as the server last returned it. */
  readonly session = input.required<SessionRaw>();

  private readonly actions = inject(SessionActions);
  private readonly pendingActions = inject(PendingActions);
  private readonly clipboard = inject(CopyToClipboard);

  protected readonly icons = ACTION_ICONS;
  protected readonly shown = computed(() => this.actions.shown(this.session()));
  protected readonly pending = computed(() =>
    this.pendingActions.actionFor(this.session().sessionId),
  );
  /** The "See …" drill-downs, in menu order. */
  protected readonly seeLinks = computed((): readonly SeeLink[] => {
    const links = sessionLinks(this.session());
    return [
      { label: 'actions.seeSession', icon: 'visibility', link: { commands: links.session } },
      { label: 'actions.seeTasks', icon: 'task', link: links.tasks },
      { label: 'actions.seeResults', icon: 'inventory_2', link: links.results },
      { label: 'actions.seePartitions', icon: 'dns', link: links.partitions },
    ];
  });

  protected copyId(): void {
    this.clipboard.copy(this.session().sessionId, 'actions.idCopied');
  }

  protected run(action: SessionAction): void {
    this.actions.request(action, this.session());
  }
}
