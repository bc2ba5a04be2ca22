import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { equals } from '../../grid/grid-link';
import { lookOf } from '../../grid/status-lookup';
import { StatusChip } from '../../grid/ui/status-chip';
import { SESSION_STATUS_SET, type SessionAction, SessionActions } from '../../sessions';
import { tasksLink } from '../../tasks';
import {
  ATTENTION_ACTIONS,
  ATTENTION_KINDS,
  type Attention,
  type AttentionKind,
} from '../model/attention';
import { FAILED_KEYS, WAITING_KEYS } from '../../progress';
import type { AttentionEntry } from '../state/overview.store';
import { OverviewWords } from './overview-words';

/** Shown per reason before "and N more" (the list is for a person to read, not a report). */
const SHOWN = 10;

/**
 * Sessions that need a person, grouped by reason: each with its reason in plain words, links to
 * the session and to the tasks behind the numbers, and the one-click actions the rule table
 * allows for it (the same confirmations and executor as everywhere else).
 */
@Component({
  selector: 'app-attention-list',
  imports: [MatButtonModule, RouterLink, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (group of groups(); track group.kind) {
      <section class="kind" [attr.aria-labelledby]="'attention-' + group.kind">
        <h3 [id]="'attention-' + group.kind">
          {{ words.t('overview.attention.kinds.' + group.kind, { count: group.items.length }) }}
        </h3>
        <p class="rule">{{ words.t('overview.attention.rules.' + group.kind, rules()) }}</p>
        @if (group.items.length === 0) {
          <p class="none">{{ words.t('overview.attention.none') }}</p>
        } @else {
          <ul>
            @for (item of group.shown; track item.entry.session.sessionId) {
              <li>
                <a class="id" [routerLink]="['/sessions', item.entry.session.sessionId]">{{
                  item.entry.session.sessionId
                }}</a>
                <app-status-chip [look]="item.look" [label]="words.t(item.statusLabel)" />
                <span class="reason">{{ item.text }}</span>
                @if (item.tasks; as link) {
                  <a [routerLink]="link.commands" [queryParams]="link.queryParams">{{
                    words.t('overview.attention.seeTasks.' + group.kind)
                  }}</a>
                }
                <span class="actions">
                  @for (action of item.actions; track action) {
                    <button
                      mat-stroked-button
                      type="button"
                      [attr.aria-label]="
                        words.t('overview.attention.act', {
                          action: words.t('sessions.actionNames.' + action),
                          id: item.entry.session.sessionId,
                        })
                      "
                      (click)="act.emit({ action, entry: item.entry })"
                    >
                      {{ words.t('sessions.actionNames.' + action) }}
                    </button>
                  }
                </span>
              </li>
            }
          </ul>
          @if (group.items.length > group.shown.length) {
            <p class="more">
              {{
                words.t('overview.attention.more', {
                  count: group.items.length - group.shown.length,
                })
              }}
            </p>
          }
        }
      </section>
    }
  `,
  styles: `
    h3 {
      margin: 12px 0 0;
      font: var(--mat-sys-title-small);
    }
    .rule,
    .none,
    .more {
      margin: 2px 0 6px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    a {
      color: var(--mat-sys-primary);
    }
    .id {
      font-family: var(--app-mono, monospace);
    }
    .actions {
      display: inline-flex;
      gap: 6px;
      margin-left: auto;
    }
  `,
})
export class AttentionList {
  readonly entries = input.required<ReadonlyMap<string, AttentionEntry>>();
  /** The thresholds the rules use, said under each heading. */
  readonly rules = input.required<Record<string, number>>();
  readonly act = output<{ action: SessionAction; entry: AttentionEntry }>();

  protected readonly words = inject(OverviewWords);
  private readonly sessionActions = inject(SessionActions);

  protected readonly groups = computed(() => {
    const reasons = [...this.entries().values()].flatMap((entry) =>
      entry.reasons.map((reason) => ({ entry, reason })),
    );
    return ATTENTION_KINDS.map((kind) => {
      const items = reasons
        .filter(({ reason }) => reason.kind === kind)
        .map(({ entry, reason }) => this.item(kind, entry, reason));
      return { kind, items, shown: items.slice(0, SHOWN) };
    });
  });

  private item(kind: AttentionKind, entry: AttentionEntry, reason: Attention) {
    const session = entry.session;
    const look = lookOf(SESSION_STATUS_SET, session.status);
    const allowed = this.sessionActions.allowed(session);
    const scope = equals('sessionId', session.sessionId);
    return {
      entry,
      look,
      statusLabel: SESSION_STATUS_SET.label(look.key),
      text: this.words.reason(reason),
      tasks:
        kind === 'stuck'
          ? tasksLink(scope, WAITING_KEYS)
          : kind === 'failing'
            ? tasksLink(scope, FAILED_KEYS)
            : undefined,
      actions: ATTENTION_ACTIONS[kind].filter((action) => allowed.includes(action)),
    };
  }
}
