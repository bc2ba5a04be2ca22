import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { LanguageService } from '../../i18n/language.service';
import { TASK_STATUSES, TASK_STATUS_LOOKS } from '../../tasks';
import { sessionTasksLink } from '../actions/session-links';
import { totalOf } from '../actions/session-task-counts';
import { formatCount } from '../../shared/format';
import { type CountsState } from './session-detail.store';

/** The session's tasks by status: numbers and bars, each bar a link to those tasks. */
@Component({
  selector: 'app-task-status-chart',
  imports: [MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (counts().kind) {
      @case ('loading') {
        <p class="muted">{{ 'inspect.tasks.loading' | translate }}</p>
      }
      @case ('failed') {
        <p class="error" role="alert">
          {{ 'inspect.tasks.failed' | translate: { reason: reason() } }}
        </p>
      }
      @case ('loaded') {
        <p class="total">{{ 'inspect.tasks.total' | translate: { count: format(total()) } }}</p>
        @if (bars().length > 0) {
          <ul class="bars" [attr.aria-label]="'inspect.tasks.chartLabel' | translate">
            @for (bar of bars(); track bar.status) {
              <li>
                <a [routerLink]="bar.link.commands" [queryParams]="bar.link.queryParams">
                  <!-- Named by its visible words ("Pending 12"), so voice control users can say what they see. -->
                  <span class="label">{{ bar.label | translate }}</span>
                  <span class="track" aria-hidden="true">
                    <span class="bar" [class]="bar.tone" [style.width.%]="bar.percent"></span>
                  </span>
                  <span class="count">{{ bar.text }}</span>
                </a>
              </li>
            }
          </ul>
        }
      }
    }
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .total {
      font: var(--mat-sys-title-small);
    }
    .bars {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 2px;
    }
    a {
      display: grid;
      grid-template-columns: 110px 1fr 80px;
      gap: 8px;
      align-items: center;
      padding: 3px 6px;
      border-radius: 6px;
      color: inherit;
      text-decoration: none;
    }
    a:hover,
    a:focus-visible {
      background: var(--mat-sys-surface-container-high);
    }
    .track {
      height: 12px;
      background: var(--mat-sys-surface-container-highest);
      border-radius: 6px;
      overflow: hidden;
    }
    .bar {
      display: block;
      height: 100%;
      min-width: 2px;
      background: var(--app-neutral);
    }
    .bar.info {
      background: var(--app-info);
    }
    .bar.success {
      background: var(--app-success);
    }
    .bar.warning {
      background: var(--app-warning);
    }
    .bar.danger {
      background: var(--mat-sys-error);
    }
    .count {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class TaskStatusChart {
  readonly sessionId = input.required<string>();
  readonly counts = input.required<CountsState>();
  private readonly language = inject(LanguageService);

  protected readonly total = computed(() => {
    const state = this.counts();
    return state.kind === 'loaded' ? totalOf(state.counts) : 0;
  });

  protected readonly reason = computed(() => {
    const state = this.counts();
    return state.kind === 'failed' ? state.error.reason : '';
  });

  protected readonly bars = computed(() => {
    const state = this.counts();
    if (state.kind !== 'loaded') return [];
    const max = Math.max(1, ...state.counts.values());
    const locale = this.language.current();
    // Statuses in the tasks grid's order, with its tones; only those that have tasks.
    return TASK_STATUS_LOOKS.filter((look) => (state.counts.get(look.value) ?? 0) > 0).map(
      (look) => {
        const count = state.counts.get(look.value) ?? 0;
        return {
          status: look.value,
          tone: look.tone,
          label: TASK_STATUSES.label(look.key),
          text: formatCount(count, locale),
          percent: (count / max) * 100,
          link: sessionTasksLink(this.sessionId(), [look.key]),
        };
      },
    );
  });

  protected format(value: number): string {
    return formatCount(value, this.language.current());
  }
}
