import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { REFRESH_INTERVALS } from '../model/preferences';
import { GridClock } from '../state/clock';
import { GridStore } from '../state/grid.store';
import { elementId } from '../../shared/element-id';

/**
 * Refresh now, the auto-refresh period, and how fresh the rows are. The period is a native
 * <select> in an outlined field (_outlined-field.scss): MatSelect and MatFormField were on the first
 * view for it and two other fields. Its role (combobox), name (its label) and keys are the browser's.
 */
@Component({
  selector: 'app-refresh-controls',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="updated">
      @if (age(); as age) {
        {{ age.key | translate: age.params }}
      }
    </span>
    <div class="interval">
      <label class="field-label" [for]="id">{{ 'grid.refresh.interval' | translate }}</label>
      <select class="field-control" [id]="id" (change)="chosen($event)">
        @for (ms of intervals; track ms) {
          <option [value]="ms" [selected]="ms === store.preferences.refreshMs()">
            {{ intervalLabel(ms).key | translate: intervalLabel(ms).params }}
          </option>
        }
      </select>
    </div>
    <button mat-stroked-button type="button" (click)="store.refresh()">
      <mat-icon aria-hidden="true">refresh</mat-icon>
      {{ 'grid.refresh.now' | translate }}
    </button>
  `,
  styles: `
    @use 'outlined-field' as field;

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
      @include field.select-field;
      width: 220px;
    }
  `,
})
export class RefreshControls {
  protected readonly store = inject(GridStore);
  private readonly clock = inject(GridClock);
  protected readonly intervals = REFRESH_INTERVALS;
  protected readonly id = elementId('refresh-interval');

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

  protected chosen(event: Event): void {
    const ms = Number((event.target as HTMLSelectElement).value);
    if ((this.intervals as readonly number[]).includes(ms))
      this.store.preferences.update({ refreshMs: ms });
  }
}
