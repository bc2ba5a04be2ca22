import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';

import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { LanguageService } from '../../i18n/language.service';
import { Breadcrumbs, sessionTrail } from '../../grid/ui/breadcrumbs';
import { ACTION_ICONS } from '../actions/action-icons';
import { CopyToClipboard } from '../../shared/clipboard';
import { PendingActions } from '../actions/pending-actions.store';
import { SessionActions } from '../actions/session-actions';
import { ACTION_SHORTCUTS } from '../actions/shortcuts';
import { type SessionAction, isActive } from '../session-rules';
import { SessionStatusCell } from '../session-status-cell';
import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { formatDateTime } from '../../shared/format';
import { AUTO_REFRESH_CHOICES, SessionDetailStore } from './session-detail.store';

/** Id with copy, status, the offered actions, refresh, auto-refresh and share. */
@Component({
  selector: 'app-session-header',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatTooltipModule,
    TranslatePipe,
    Breadcrumbs,
    SessionStatusCell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-header.html',
  styleUrl: './session-header.scss',
})
export class SessionHeader {
  readonly session = input.required<SessionRaw>();
  /** The session was deleted: no action, no refresh. */
  readonly gone = input(false);

  protected readonly store = inject(SessionDetailStore);
  private readonly actions = inject(SessionActions);
  private readonly pendingActions = inject(PendingActions);
  private readonly clipboard = inject(CopyToClipboard);
  private readonly language = inject(LanguageService);

  protected readonly icons = ACTION_ICONS;
  protected readonly shortcuts = ACTION_SHORTCUTS;
  protected readonly refreshChoices = AUTO_REFRESH_CHOICES;
  protected readonly trail = computed(() => sessionTrail(this.session().sessionId));
  protected readonly allowed = computed(() =>
    this.gone() ? [] : this.actions.shown(this.session()),
  );
  protected readonly pending = computed(() =>
    this.pendingActions.actionFor(this.session().sessionId),
  );
  /** "Active — paused", "Finished — closed": HobbyFarm's plain statement. */
  protected readonly activity = computed(() =>
    isActive(this.session().status) ? 'active' : 'finished',
  );
  protected readonly paused = computed(() => this.session().status === SessionStatus.PAUSED);
  protected readonly updated = computed(() => {
    const at = this.store.lastRefresh();
    return at === undefined ? '' : formatDateTime(new Date(at), this.language.current());
  });

  protected run(action: SessionAction): void {
    this.actions.request(action, this.session());
  }

  protected copyId(): void {
    this.clipboard.copy(this.session().sessionId, 'actions.idCopied');
  }

  protected share(): void {
    this.clipboard.copy(globalThis.location.href, 'inspect.linkCopied');
  }

  protected refreshLabel(ms: number): string {
    return ms === 0 ? 'inspect.autoRefresh.off' : 'inspect.autoRefresh.every';
  }
}
