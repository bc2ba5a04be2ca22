import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { FilterGroup } from '../grid/model/filter-types';
import { tasksLink } from '../tasks';
import { HISTORY_MS, type Sample, estimate, recentRate, throughputSeries } from './progress';
import { FINISHED_KEYS, WAITING_KEYS } from './task-groups';
import { ProgressWords } from './progress-words';

const W = 240;
const H = 56;

/**
 * Throughput (tasks finished per minute) and backlog (tasks waiting) of a scope over the last
 * 15 minutes, drawn by hand in SVG with theme colours; its text alternative is a sentence (the
 * SVG's accessible name) and a table of the readings. The ETA is said in words beside it.
 */
@Component({
  selector: 'app-progress-chart',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="figures">
      <span>
        {{ words.t('overview.progress.throughput') }}
        <a [routerLink]="finishedLink().commands" [queryParams]="finishedLink().queryParams">
          {{ rateText() }}
        </a>
      </span>
      <span>
        {{ words.t('overview.progress.backlog') }}
        <a [routerLink]="waitingLink().commands" [queryParams]="waitingLink().queryParams">
          {{ backlogText() }}
        </a>
      </span>
    </div>
    <svg
      [attr.viewBox]="'0 0 ' + width + ' ' + height"
      role="img"
      [attr.aria-label]="summary()"
      preserveAspectRatio="none"
    >
      <line
        class="axis"
        x1="0"
        [attr.y1]="height - 0.5"
        [attr.x2]="width"
        [attr.y2]="height - 0.5"
      />
      <polyline class="backlog" [attr.points]="backlogPoints()" />
      <polyline class="throughput" [attr.points]="throughputPoints()" />
    </svg>
    <div class="legend" aria-hidden="true">
      <span class="key throughput"></span>{{ words.t('overview.progress.throughputLegend') }}
      <span class="key backlog"></span>{{ words.t('overview.progress.backlogLegend') }}
    </div>
    <p class="eta" role="status">{{ etaText() }}</p>
    @if (rows().length > 0) {
      <details>
        <summary>{{ words.t('overview.progress.readings') }}</summary>
        <table>
          <caption class="visually-hidden">
            {{
              words.t('overview.progress.readingsCaption', { scope: scopeName() })
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ words.t('overview.progress.time') }}</th>
              <th scope="col">{{ words.t('overview.progress.throughputLegend') }}</th>
              <th scope="col">{{ words.t('overview.progress.backlogLegend') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.at) {
              <tr>
                <td>{{ row.time }}</td>
                <td>{{ row.rate }}</td>
                <td>{{ row.waiting }}</td>
              </tr>
            }
          </tbody>
        </table>
      </details>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
    a {
      color: var(--mat-sys-primary);
      font-variant-numeric: tabular-nums;
    }
    svg {
      display: block;
      width: 100%;
      max-width: 480px;
      height: 56px;
      margin: 6px 0 2px;
      background: var(--mat-sys-surface-container-low);
      border-radius: 4px;
    }
    polyline {
      fill: none;
      stroke-width: 1.5;
      vector-effect: non-scaling-stroke;
    }
    .throughput {
      stroke: var(--mat-sys-primary);
    }
    .backlog {
      stroke: var(--mat-sys-tertiary);
      stroke-dasharray: 4 3;
    }
    .axis {
      stroke: var(--mat-sys-outline-variant);
    }
    .legend {
      display: flex;
      align-items: center;
      gap: 6px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .key {
      display: inline-block;
      width: 16px;
      height: 0;
      border-top: 2px solid var(--mat-sys-primary);
    }
    .key.backlog {
      border-top: 2px dashed var(--mat-sys-tertiary);
      margin-left: 10px;
    }
    .eta {
      margin: 6px 0 0;
    }
    details {
      margin-top: 4px;
      font: var(--mat-sys-body-small);
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      padding: 2px 10px 2px 0;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ProgressChart {
  readonly history = input.required<readonly Sample[]>();
  /** The tasks this chart is about (conditions on the tasks grid's columns). */
  readonly scope = input.required<FilterGroup>();
  readonly scopeName = input.required<string>();

  protected readonly words = inject(ProgressWords);
  protected readonly width = W;
  protected readonly height = H;

  private readonly series = computed(() => throughputSeries(this.history()));
  private readonly end = computed(() => this.history().at(-1)?.at ?? 0);
  private readonly x = (at: number) => ((at - (this.end() - HISTORY_MS)) / HISTORY_MS) * W;
  private readonly rate = computed(() => recentRate(this.history()));

  protected readonly throughputPoints = computed(() => {
    const series = this.series();
    const max = Math.max(1, ...series.map((p) => p.perMinute));
    return series
      .map(
        (p) => `${this.x(p.at).toFixed(1)},${(H - 2 - (p.perMinute / max) * (H - 6)).toFixed(1)}`,
      )
      .join(' ');
  });
  protected readonly backlogPoints = computed(() => {
    const history = this.history();
    const max = Math.max(1, ...history.map((s) => s.waiting));
    return history
      .map((s) => `${this.x(s.at).toFixed(1)},${(H - 2 - (s.waiting / max) * (H - 6)).toFixed(1)}`)
      .join(' ');
  });

  protected readonly rateText = computed(() => {
    const rate = this.rate();
    return rate
      ? this.words.t('overview.progress.perMinute', { rate: this.words.rate(rate.perMinute) })
      : this.words.t('overview.progress.notYet');
  });
  protected readonly backlogText = computed(() => {
    const last = this.history().at(-1);
    return last
      ? this.words.t('overview.progress.tasks', { count: this.words.number(last.waiting) })
      : '—';
  });
  protected readonly etaText = computed(() => this.words.eta(estimate(this.history())));

  /** The chart in one sentence: its accessible name. */
  protected readonly summary = computed(() => {
    const series = this.series();
    const [first] = this.history();
    const now = series.at(-1);
    if (!first || !now)
      return this.words.t('overview.progress.summaryEmpty', { scope: this.scopeName() });
    const rates = series.map((p) => p.perMinute);
    return this.words.t('overview.progress.summary', {
      scope: this.scopeName(),
      span: this.words.duration(this.end() - first.at),
      min: this.words.rate(Math.min(...rates)),
      max: this.words.rate(Math.max(...rates)),
      now: this.words.rate(now.perMinute),
      first: this.words.number(first.waiting),
      last: this.words.number(now.waiting),
    });
  });

  protected readonly rows = computed(() => {
    const series = this.series();
    return series
      .map((p) => ({
        at: p.at,
        time: new Date(p.at).toLocaleTimeString(),
        rate: this.words.rate(p.perMinute),
        waiting: this.words.number(p.waiting),
      }))
      .reverse();
  });

  protected readonly finishedLink = computed(() => tasksLink(this.scope(), FINISHED_KEYS));
  protected readonly waitingLink = computed(() => tasksLink(this.scope(), WAITING_KEYS));
}
