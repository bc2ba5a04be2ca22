import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { SessionStatus } from '../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { LanguageService } from '../i18n/language.service';
import { formatDateTime } from '../shared/format';
import { type ActivityEntry } from './action-journal.port';
import { statusLabelKey } from './actions/status-label';

/** The journal as a table. Every value from the server or storage is interpolated as text. */
@Component({
  selector: 'app-activity-table',
  imports: [MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length === 0) {
      <p class="empty">{{ emptyKey() | translate }}</p>
    } @else {
      <div class="scroll" tabindex="0" [attr.aria-label]="caption() | translate">
        <table>
          <caption class="visually-hidden">
            {{
              caption() | translate
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'activity.columns.at' | translate }}</th>
              <th scope="col">{{ 'activity.columns.user' | translate }}</th>
              @if (showSession()) {
                <th scope="col">{{ 'activity.columns.session' | translate }}</th>
              }
              <th scope="col">{{ 'activity.columns.action' | translate }}</th>
              <th scope="col">{{ 'activity.columns.outcome' | translate }}</th>
              <th scope="col">{{ 'activity.columns.message' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (entry of shown(); track entry.id) {
              <tr [class]="entry.outcome">
                <td class="when">{{ when(entry.at) }}</td>
                <td>{{ entry.user || ('activity.unknownUser' | translate) }}</td>
                @if (showSession()) {
                  <td class="mono">
                    <a [routerLink]="['/sessions', entry.sessionId]">{{ entry.sessionId }}</a>
                  </td>
                }
                <td>
                  {{ 'actions.names.' + entry.action | translate }}
                  @if (entry.detail) {
                    <span class="detail"
                      >({{ 'activity.stopDetail.' + entry.detail | translate }})</span
                    >
                  }
                  @if (entry.origin !== 'single') {
                    <span class="origin">{{ 'activity.origin.' + entry.origin | translate }}</span>
                  }
                </td>
                <td class="outcome">
                  <mat-icon aria-hidden="true">{{ icons[entry.outcome] }}</mat-icon>
                  {{ 'activity.outcome.' + entry.outcome | translate }}
                  @if (entry.checked) {
                    <span class="detail">{{ 'activity.checked' | translate }}</span>
                  }
                </td>
                <td class="message">
                  @if (entry.code) {
                    <strong>{{ 'errors.codes.' + entry.code | translate }}</strong>
                    {{ entry.message }}
                  } @else if (entry.status) {
                    {{
                      'activity.nowStatus'
                        | translate: { status: (statusKey(entry.status) | translate) }
                    }}
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (entries().length > shown().length) {
        <p class="more">
          {{ 'activity.more' | translate: { shown: shown().length, total: entries().length } }}
        </p>
      }
    }
  `,
  styles: `
    .scroll {
      overflow: auto;
      max-height: 60vh;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      text-align: left;
      padding: 6px 10px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    th {
      position: sticky;
      top: 0;
      background: var(--mat-sys-surface-container-high);
    }
    .when {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .message {
      overflow-wrap: anywhere;
    }
    .outcome {
      white-space: nowrap;
    }
    .outcome mat-icon {
      vertical-align: middle;
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    tr.succeeded .outcome {
      color: var(--app-success);
    }
    tr.failed .outcome {
      color: var(--mat-sys-error);
    }
    tr.unknown .outcome {
      color: var(--app-warning);
    }
    .detail,
    .origin {
      color: var(--mat-sys-on-surface-variant);
      margin-left: 4px;
    }
    .origin {
      font: var(--mat-sys-label-small);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      padding: 0 4px;
    }
    .empty,
    .more {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ActivityTable {
  /** Entries to show, newest first. */
  readonly entries = input.required<readonly ActivityEntry[]>();
  readonly showSession = input(true);
  readonly caption = input('activity.title');
  /** What an empty table says: a filter with no match is not an empty journal. */
  readonly emptyKey = input('activity.empty');
  /** Rendering is bounded; the export always has everything. */
  readonly limit = input(500);

  private readonly language = inject(LanguageService);
  protected readonly icons = { succeeded: 'check_circle', failed: 'error', unknown: 'help' };
  protected readonly shown = computed(() => this.entries().slice(0, this.limit()));

  /** The stored status is the API's enum name (`PAUSED`): show its translated label. */
  protected statusKey(status: string): string {
    const value = SessionStatus[status as keyof typeof SessionStatus];
    return value === undefined ? status : statusLabelKey(value);
  }

  protected when(at: string): string {
    return formatDateTime(new Date(at), this.language.current());
  }
}
