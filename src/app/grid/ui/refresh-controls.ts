import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';

import { REFRESH_INTERVALS } from '../model/preferences';
import { GridClock } from '../state/clock';
import { GridStore } from '../state/grid.store';

/** Refresh now, the auto-refresh period, and how fresh the rows are. */
@Component({
  selector: 'app-refresh-controls',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="updated">
      @if (age(); as age) {
        {{ age.key | translate: age.params }}
      }
    </span>
    <mat-form-field class="interval" appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ 'grid.refresh.interval' | translate }}</mat-label>
      <mat-select
        [value]="store.preferences.refreshMs()"
        (selectionChange)="setInterval($event.value)"
      >
        @for (ms of intervals; track ms) {
          <mat-option [value]="ms">{{
            intervalLabel(ms).key | translate: intervalLabel(ms).params
          }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <button mat-stroked-button type="button" (click)="store.refresh()">
      <mat-icon aria-hidden="true">refresh</mat-icon>
      {{ 'grid.refresh.now' | translate }}
    </button>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .updated {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      min-width: 9em;
      text-align: end;
    }
    .interval {
      width: 220px;
    }
  `,
})
export class RefreshControls {
  protected readonly store = inject(GridStore);
  private readonly clock = inject(GridClock);
  protected readonly intervals = REFRESH_INTERVALS;

  protected readonly age = computed(() => {
    const at = this.store.page().updatedAt;
    if (at === undefined) return undefined;
    const seconds = Math.max(0, Math.floor((this.clock.now() - at) / 1000));
    if (seconds < 60) return { key: 'grid.refresh.updatedSeconds', params: { seconds } };
    return { key: 'grid.refresh.updatedMinutes', params: { minutes: Math.floor(seconds / 60) } };
  });

  protected intervalLabel(ms: number): { key: string; params?: Record<string, number> } {
    if (ms === 0) return { key: 'grid.refresh.off' };
    return ms < 60_000
      ? { key: 'grid.refresh.seconds', params: { seconds: ms / 1000 } }
      : { key: 'grid.refresh.minutes', params: { minutes: ms / 60_000 } };
  }

  protected setInterval(ms: number): void {
    this.store.preferences.update({ refreshMs: ms });
  }
}
