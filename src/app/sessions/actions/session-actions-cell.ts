import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { type MatMenuPanel } from '@angular/material/menu';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@ngx-translate/core';

import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { RowMenuButton } from '../../grid/ui/row-menu-button';
import { PendingActions } from './pending-actions.store';

/**
 * The row-actions cell of the sessions grid: the "Actions for session {id}" button, which opens
 * the grid's one session menu (`menu`), and while an action on the session runs, what it is.
 */
@Component({
  selector: 'app-session-actions-cell',
  imports: [MatProgressSpinnerModule, RowMenuButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let id = session().sessionId;
    @if (pending(); as running) {
      @let says = 'actions.pending.' + running | translate: { id };
      <mat-progress-spinner
        class="pending"
        mode="indeterminate"
        diameter="18"
        role="status"
        [attr.aria-label]="says"
        [attr.data-tip]="says"
      />
    }
    <app-row-menu-button
      [menu]="menu()"
      [row]="session()"
      labelKey="actions.menuLabel"
      [id]="id"
      [busy]="!!pending()"
    />
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 2px;
    }
  `,
})
export class SessionActionsCell {
  /** The row's session, as the server last returned it. */
  readonly session = input.required<SessionRaw>();
  readonly menu = input.required<MatMenuPanel>();

  private readonly pendingActions = inject(PendingActions);
  protected readonly pending = computed(() =>
    this.pendingActions.actionFor(this.session().sessionId),
  );
}
