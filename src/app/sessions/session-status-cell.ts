import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import type { SessionRaw } from '../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import type { ColumnDef, StatusSet } from '../grid/model/definition';
import { lookOf } from '../grid/status-lookup';
import { GridI18n } from '../grid/ui/grid-i18n';
import { StatusChip } from '../grid/ui/status-chip';
import { CurrentUserStore } from '../api/current-user.store';
import { allowedActions } from './session-rules';
import { SESSION_STATUSES } from './session-status';

/** The session status enum for chips, filters and the quick status chips. */
export const SESSION_STATUS_SET = {
  looks: SESSION_STATUSES,
  label: (key: string) => `sessions.status.${key}`,
  meaning: (key: string) => `sessions.statusMeaning.${key}`,
} satisfies StatusSet;

/**
 * The sessions grid's status renderer: the generic chip, with a tooltip saying what the status
 * means and which actions remain, from the one status → actions table (session-rules.ts).
 */
@Component({
  selector: 'app-session-status-cell',
  imports: [StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-status-chip [look]="look()" [label]="label()" [tooltip]="tooltip()" />`,
})
export class SessionStatusCell {
  private readonly i18n = inject(GridI18n);
  private readonly user = inject(CurrentUserStore);
  readonly row = input.required<unknown>();
  readonly column = input<ColumnDef>();
  readonly value = input<unknown>();

  private readonly session = computed(() => this.row() as SessionRaw);
  protected readonly look = computed(() =>
    lookOf(SESSION_STATUS_SET, this.session().status ?? SessionStatus.UNSPECIFIED),
  );
  protected readonly label = computed(() => this.i18n.t(SESSION_STATUS_SET.label(this.look().key)));
  protected readonly tooltip = computed(() => {
    const session = this.session();
    const meaning = this.i18n.t(SESSION_STATUS_SET.meaning(this.look().key));
    // What the status still allows this user (the menu shows the others disabled, with why).
    const actions = allowedActions(session, (permission) => this.user.can(permission)).map(
      (action) => this.i18n.t(`sessions.actionNames.${action}`),
    );
    return actions.length > 0
      ? this.i18n.t('sessions.statusTooltip', { meaning, actions: actions.join(', ') })
      : this.i18n.t('sessions.statusTooltipNone', { meaning });
  });
}
