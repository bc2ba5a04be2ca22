import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { formatDuration } from '../model/duration';
import { ConsoleLocale } from '../../shared/console-locale';
import type { TimelineStep } from '../model/timeline';

/**
 * The console's one timeline (tasks, results, sessions): each event, when it happened, and how
 * long after the previous one; a dot per event, or the icon the page gives for it.
 */
@Component({
  selector: 'app-timeline-view',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline" [attr.aria-label]="label() | translate">
      @for (step of steps(); track step.event; let last = $last) {
        <li [class.last]="last">
          @if (icons()?.[step.event]; as icon) {
            <mat-icon class="icon" aria-hidden="true">{{ icon }}</mat-icon>
          } @else {
            <span class="dot" aria-hidden="true"></span>
          }
          <span class="event">{{ labelPrefix() + step.event | translate }}</span>
          <time [attr.datetime]="iso(step.at)">{{ date(step.at) }}</time>
          @if (step.sincePrevious !== undefined) {
            <span class="since">{{
              'breadcrumbs.timeline.after' | translate: { duration: duration(step.sincePrevious) }
            }}</span>
          }
        </li>
      } @empty {
        <li class="none">{{ 'breadcrumbs.timeline.empty' | translate }}</li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      position: relative;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: baseline;
      padding: 0 0 12px 20px;
      border-left: 2px solid var(--mat-sys-outline-variant);
      margin-left: 5px;
    }
    li.last {
      border-left-color: transparent;
    }
    .dot {
      position: absolute;
      left: -7px;
      top: 4px;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .icon {
      position: absolute;
      left: -13px;
      top: 0;
      width: 24px;
      height: 24px;
      font-size: 24px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
    }
    .event {
      font-weight: 500;
      min-width: 11em;
    }
    time {
      font-variant-numeric: tabular-nums;
    }
    .since {
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
    .none {
      border: none;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TimelineView {
  private readonly locale = inject(ConsoleLocale);
  readonly steps = input.required<readonly TimelineStep[]>();
  /** i18n key of the list's accessible name. */
  readonly label = input.required<string>();
  /** i18n prefix of the event names: `tasks.timeline.` + `created`. */
  readonly labelPrefix = input.required<string>();
  /** Optional Material Symbols name per event token, shown instead of the dot. */
  readonly icons = input<Readonly<Record<string, string>>>();

  protected date(at: number): string {
    return this.locale.date(at);
  }

  protected iso(at: number): string {
    return new Date(at).toISOString();
  }

  protected duration(ms: number): string {
    return formatDuration(ms);
  }
}
