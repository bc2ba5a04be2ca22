import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { statusLabelOf } from '../../grid/status-lookup';
import { LanguageService } from '../../i18n/language.service';
import { RESULT_STATUSES } from '../../results';
import { TASK_STATUSES } from '../../tasks';
import { EVENT_KINDS, type EventKind, type SessionEvent } from './session-event';
import { EVENT_BUFFER_LIMIT, SessionEventsStore } from './session-events.store';

const TASK_EVENTS: readonly EventKind[] = ['newTask', 'taskStatusUpdate'];

/** The seed's "Logs": the session's live events, pausable and filterable by type. */
@Component({
  selector: 'app-session-events-log',
  imports: [MatButtonModule, MatButtonToggleModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="controls">
      <mat-button-toggle-group
        multiple
        hideMultipleSelectionIndicator
        [attr.aria-label]="'inspect.events.typeFilter' | translate"
        [value]="selectedKinds()"
      >
        @for (kind of kinds; track kind) {
          <mat-button-toggle [value]="kind" (change)="events.toggleKind(kind)">
            {{ 'inspect.events.kinds.' + kind | translate }}
          </mat-button-toggle>
        }
      </mat-button-toggle-group>
      <span class="spacer"></span>
      @if (events.paused()) {
        <button mat-stroked-button (click)="events.resume()">
          <mat-icon aria-hidden="true">play_arrow</mat-icon>
          {{ 'inspect.events.resume' | translate: { count: events.unseen() } }}
        </button>
      } @else {
        <button mat-stroked-button (click)="events.pause()">
          <mat-icon aria-hidden="true">pause</mat-icon>
          {{ 'inspect.events.pause' | translate }}
        </button>
      }
      <button mat-button (click)="events.clear()">
        <mat-icon aria-hidden="true">clear_all</mat-icon>
        {{ 'inspect.events.clear' | translate }}
      </button>
    </div>

    <p class="state" role="status">
      @switch (state().kind) {
        @case ('listening') {
          <mat-icon aria-hidden="true" class="live">sensors</mat-icon>
          {{ 'inspect.events.listening' | translate: { count: events.received(), limit: limit } }}
        }
        @case ('reconnecting') {
          <mat-icon aria-hidden="true" class="warn">sync_problem</mat-icon>
          {{ 'inspect.events.reconnecting' | translate: reconnectParams() }}
        }
        @case ('gone') {
          <mat-icon aria-hidden="true">stop_circle</mat-icon>
          {{ 'inspect.events.gone' | translate }}
        }
        @case ('idle') {
          {{ 'inspect.events.idle' | translate }}
        }
      }
    </p>
    @if (ended() && state().kind !== 'gone') {
      <p class="ended" role="note">
        <mat-icon aria-hidden="true">flag</mat-icon>
        {{ 'inspect.events.ended' | translate }}
      </p>
    }
    @if (events.paused()) {
      <p class="paused">
        {{ 'inspect.events.pausedNotice' | translate: { count: events.unseen() } }}
      </p>
    }

    @if (events.visible().length === 0) {
      <p class="muted">{{ 'inspect.events.none' | translate }}</p>
    } @else {
      <ol class="events" [attr.aria-label]="'inspect.events.listLabel' | translate">
        @for (event of events.visible(); track event.seq) {
          <li>
            <time class="when">{{ time(event.at) }}</time>
            <span class="kind" [class]="event.kind">{{
              'inspect.events.kinds.' + event.kind | translate
            }}</span>
            <span class="mono id">{{ event.id }}</span>
            <span class="what">
              @if (event.kind === 'resultOwnerUpdate') {
                {{ event.previousOwner }} → {{ event.currentOwner }}
              } @else if (event.status !== undefined) {
                {{ statusKey(event) | translate }}
              }
            </span>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .spacer {
      flex: 1;
    }
    .state,
    .ended,
    .paused {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 8px 0;
    }
    .live {
      color: var(--app-success);
    }
    .warn,
    .ended {
      color: var(--app-warning);
    }
    .muted,
    .paused {
      color: var(--mat-sys-on-surface-variant);
    }
    .events {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 420px;
      overflow: auto;
      font: var(--mat-sys-body-small);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    li {
      display: grid;
      grid-template-columns: 90px 150px minmax(0, 1fr) minmax(0, 1fr);
      gap: 8px;
      padding: 3px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .when {
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
    .id {
      overflow-wrap: anywhere;
    }
    .kind.newTask,
    .kind.newResult {
      color: var(--app-info);
    }
  `,
})
export class SessionEventsLog {
  /** The session has ended (not Running or Paused): events may still trickle in from its last tasks. */
  readonly ended = input(false);

  protected readonly events = inject(SessionEventsStore);
  private readonly language = inject(LanguageService);
  protected readonly kinds = EVENT_KINDS;
  protected readonly limit = EVENT_BUFFER_LIMIT;
  protected readonly state = this.events.state;
  protected readonly selectedKinds = computed(() => [...this.events.kinds()]);

  /** Seconds until the next reconnection attempt, ticking. */
  private readonly now = signal(Date.now());
  protected readonly reconnectParams = computed(() => {
    const state = this.state();
    if (state.kind !== 'reconnecting') return {};
    return {
      seconds: Math.max(0, Math.ceil((state.retryAt - this.now()) / 1000)),
      attempt: state.attempt,
      reason: state.reason,
    };
  });

  constructor() {
    const timer = setInterval(() => {
      if (this.state().kind === 'reconnecting') this.now.set(Date.now());
    }, 500);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected time(at: number): string {
    return new Intl.DateTimeFormat(this.language.current(), { timeStyle: 'medium' }).format(at);
  }

  /** i18n key of the task or result status an event carries. */
  protected statusKey(event: SessionEvent): string {
    return statusLabelOf(
      TASK_EVENTS.includes(event.kind) ? TASK_STATUSES : RESULT_STATUSES,
      event.status ?? 0,
    );
  }
}
