import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { TimelineView } from '../../grid/ui/timeline-view';
import { LanguageService } from '../../i18n/language.service';
import { formatDateTime, formatDuration } from '../../shared/format';
import { lifecycleOf } from './lifecycle';

const ICONS = {
  created: 'add_circle',
  cancelled: 'cancel',
  closed: 'lock',
  purged: 'delete_sweep',
  deleted: 'delete_forever',
} as const;

/**
 * Created → cancelled/closed → purged → deleted on the console's one timeline, then the session's
 * start, end and (live) duration.
 */
@Component({
  selector: 'app-lifecycle-timeline',
  imports: [TimelineView, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let life = lifecycle();
    <app-timeline-view
      [steps]="life.steps"
      label="inspect.sections.lifecycle"
      labelPrefix="inspect.lifecycle."
      [icons]="icons"
    />
    <dl class="summary">
      <dt>{{ 'inspect.lifecycle.start' | translate }}</dt>
      <dd>{{ life.start !== undefined ? when(life.start) : ('inspect.notYet' | translate) }}</dd>
      <dt>{{ 'inspect.lifecycle.end' | translate }}</dt>
      <dd>
        {{ life.end !== undefined ? when(life.end) : ('inspect.lifecycle.notEnded' | translate) }}
      </dd>
      <dt>{{ 'inspect.lifecycle.duration' | translate }}</dt>
      <dd>
        {{
          life.durationMs !== undefined ? duration(life.durationMs) : ('inspect.notYet' | translate)
        }}
        @if (life.live) {
          <span class="live">{{ 'inspect.lifecycle.live' | translate }}</span>
        }
      </dd>
    </dl>
  `,
  styles: `
    .summary {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 12px 0 0;
    }
    dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .live {
      margin-left: 6px;
      font: var(--mat-sys-label-small);
      color: var(--app-success);
    }
  `,
})
export class LifecycleTimeline {
  readonly session = input.required<SessionRaw>();
  private readonly language = inject(LanguageService);
  protected readonly icons = ICONS;

  /** Ticks every second so a running session's duration is live. */
  private readonly now = signal(Date.now());
  protected readonly lifecycle = computed(() => lifecycleOf(this.session(), this.now()));

  constructor() {
    const timer = setInterval(() => {
      if (this.lifecycle().live) this.now.set(Date.now());
    }, 1_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected when(at: number): string {
    return formatDateTime(new Date(at), this.language.current());
  }

  protected duration(ms: number): string {
    return formatDuration(ms, this.language.current());
  }
}
