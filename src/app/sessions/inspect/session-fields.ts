import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { LanguageService } from '../../i18n/language.service';
import { partitionsLink } from '../actions/session-links';
import { SessionStatusCell } from '../session-status-cell';
import { formatCount, formatDateTime, formatDuration, toDate, toMillis } from '../../shared/format';
import { KeyValueTable } from './key-value-table';

/** Every field of the session, its task options and its custom options. */
@Component({
  selector: 'app-session-fields',
  imports: [RouterLink, TranslatePipe, KeyValueTable, SessionStatusCell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = session();
    <dl class="fields">
      <dt>{{ 'inspect.fields.sessionId' | translate }}</dt>
      <dd class="mono">{{ s.sessionId }}</dd>
      <dt>{{ 'inspect.fields.status' | translate }}</dt>
      <dd><app-session-status-cell [row]="s" /></dd>
      <dt>{{ 'inspect.fields.clientSubmission' | translate }}</dt>
      <dd>{{ (s.clientSubmission ? 'inspect.open' : 'inspect.stopped') | translate }}</dd>
      <dt>{{ 'inspect.fields.workerSubmission' | translate }}</dt>
      <dd>{{ (s.workerSubmission ? 'inspect.open' : 'inspect.stopped') | translate }}</dd>
      <dt>{{ 'inspect.fields.partitionIds' | translate }}</dt>
      <dd>
        @for (partition of partitions(); track $index) {
          <a
            class="mono partition"
            [routerLink]="partition.link.commands"
            [queryParams]="partition.link.queryParams"
            [attr.aria-label]="'inspect.partitionLink' | translate: { id: partition.id }"
            >{{ partition.id }}</a
          >
        } @empty {
          {{ 'inspect.none' | translate }}
        }
      </dd>
      @for (date of dates(); track date[0]) {
        <dt>{{ date[0] | translate }}</dt>
        <dd>{{ date[1] || ('inspect.notYet' | translate) }}</dd>
      }
      <dt>{{ 'inspect.fields.duration' | translate }}</dt>
      <dd>{{ duration() || ('inspect.notYet' | translate) }}</dd>
    </dl>
    <h3>{{ 'inspect.taskOptions' | translate }}</h3>
    <app-key-value-table
      [entries]="taskOptions()"
      caption="inspect.taskOptions"
      [translateKeys]="true"
    />
    <h3>{{ 'inspect.customOptions' | translate }}</h3>
    <app-key-value-table
      [entries]="customOptions()"
      caption="inspect.customOptions"
      emptyKey="inspect.noCustomOptions"
    />
  `,
  styles: `
    .fields {
      display: grid;
      grid-template-columns: minmax(140px, max-content) 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .partition + .partition {
      margin-left: 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
  `,
})
export class SessionFields {
  readonly session = input.required<SessionRaw>();
  private readonly language = inject(LanguageService);

  protected readonly dates = computed(() => {
    const s = this.session();
    const locale = this.language.current();
    const at = (value: SessionRaw['createdAt']) => formatDateTime(toDate(value), locale);
    return [
      ['inspect.fields.createdAt', at(s.createdAt)],
      ['inspect.fields.cancelledAt', at(s.cancelledAt)],
      ['inspect.fields.closedAt', at(s.closedAt)],
      ['inspect.fields.purgedAt', at(s.purgedAt)],
      ['inspect.fields.deletedAt', at(s.deletedAt)],
    ] as const;
  });

  protected readonly duration = computed(() =>
    formatDuration(toMillis(this.session().duration), this.language.current()),
  );

  protected readonly taskOptions = computed((): (readonly [string, string])[] => {
    const o = this.session().options;
    const locale = this.language.current();
    if (!o) return [];
    return [
      ['inspect.options.maxDuration', formatDuration(toMillis(o.maxDuration), locale)],
      ['inspect.options.maxRetries', formatCount(o.maxRetries, locale)],
      ['inspect.options.priority', formatCount(o.priority, locale)],
      ['inspect.options.partitionId', o.partitionId],
      ['inspect.options.applicationName', o.applicationName],
      ['inspect.options.applicationVersion', o.applicationVersion],
      ['inspect.options.applicationNamespace', o.applicationNamespace],
      ['inspect.options.applicationService', o.applicationService],
      ['inspect.options.engineType', o.engineType],
    ];
  });

  protected readonly customOptions = computed(() =>
    Object.entries(this.session().options?.options ?? {}).sort(([a], [b]) => a.localeCompare(b)),
  );

  protected readonly partitions = computed(() =>
    this.session().partitionIds.map((id) => ({ id, link: partitionsLink([id]) })),
  );
}
