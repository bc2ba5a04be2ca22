import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { NotFoundPage } from '../../shared/not-found.page';
import { SessionActions } from '../actions/session-actions';
import { sessionLinks } from '../actions/session-links';
import { isTypingTarget } from '../actions/shortcuts';
import { ACTION_JOURNAL } from '../action-journal.port';
import { filterActivity } from '../activity-filter';
import { ActivityTable } from '../activity-table';
import { isActive } from '../session-rules';
import { ConnectPanel } from './connect-panel';
import { LifecycleTimeline } from './lifecycle-timeline';
import { SessionDetailStore } from './session-detail.store';
import { SessionEventsLog } from './session-events-log';
import { SessionEventsStore } from './session-events.store';
import { SessionFields } from './session-fields';
import { SessionHeader } from './session-header';
import { TaskStatusChart } from './task-status-chart';
import { SessionProgress } from '../../progress';

/** `/sessions/:id`: everything about one session, its actions, its live events and its journal. */
@Component({
  selector: 'app-session-inspect-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    TranslatePipe,
    ActivityTable,
    ConnectPanel,
    LifecycleTimeline,
    NotFoundPage,
    SessionEventsLog,
    SessionFields,
    SessionHeader,
    TaskStatusChart,
    SessionProgress,
  ],
  providers: [SessionDetailStore, SessionEventsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)' },
  templateUrl: './session-inspect.page.html',
  styleUrl: './session-inspect.page.scss',
})
export class SessionInspectPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly store = inject(SessionDetailStore);
  private readonly events = inject(SessionEventsStore);
  private readonly actions = inject(SessionActions);
  private readonly dialog = inject(MatDialog);
  private readonly journal = inject(ACTION_JOURNAL);

  protected readonly links = computed(() => {
    const session = this.store.session();
    return session ? sessionLinks(session) : undefined;
  });
  protected readonly ended = computed(() => {
    const session = this.store.session();
    return !!session && !isActive(session.status);
  });
  /** Deleted: the server said so (status Deleted), or no longer knows the id. */
  protected readonly gone = computed(() => {
    const state = this.store.state();
    return (
      state.kind === 'loaded' && (state.gone || state.session.status === SessionStatus.DELETED)
    );
  });
  protected readonly activity = computed(() =>
    filterActivity(this.journal.entries(), {
      text: '',
      action: '',
      outcome: '',
      sessionId: this.id(),
    }),
  );

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.store.load(id);
        this.events.listen(id);
      });
    });
    // New events change the task counts: re-count (throttled by the store).
    effect(() => {
      if (this.events.lastSeq() > 0) untracked(() => this.store.recount());
    });
    // A deleted session has no events left.
    effect(() => {
      if (this.gone() || this.store.state().kind === 'notFound')
        untracked(() => this.events.stop());
    });
  }

  /** Single-key shortcuts: the same rule check and confirmations as the buttons. */
  protected onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (isTypingTarget(event.target) || this.dialog.openDialogs.length > 0) return;
    const session = this.store.session();
    if (!session || this.gone()) return;
    if (event.key === 'r') {
      event.preventDefault();
      this.store.refresh();
      return;
    }
    // Runs the action, or says why not (status, permission): a key never silently does nothing.
    if (this.actions.shortcut(event.key, session)) event.preventDefault();
  }
}
