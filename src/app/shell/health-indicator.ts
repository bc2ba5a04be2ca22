import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

import { ClusterStatusStore } from './cluster-status.store';

const ICONS = {
  healthy: 'check_circle',
  degraded: 'warning',
  unhealthy: 'error',
  unreachable: 'cloud_off',
} as const;

/** Cluster version and health, with each service's own message on hover. */
@Component({
  selector: 'app-health-indicator',
  imports: [MatIconModule, MatTooltipModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (status.versions(); as v) {
      <span class="version" [matTooltip]="'shell.apiVersion' | translate: { api: v.api }">
        {{ 'shell.coreVersion' | translate: { core: v.core } }}
      </span>
    }
    @if (status.health(); as health) {
      <span
        class="health"
        [class]="health.level"
        role="status"
        [attr.aria-label]="label()"
        [matTooltip]="details()"
      >
        <mat-icon aria-hidden="true">{{ icons[health.level] }}</mat-icon>
        <span class="health-text">{{ 'shell.health.' + health.level | translate }}</span>
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 12px;
      font: var(--mat-sys-body-medium);
    }
    .health {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .healthy mat-icon {
      color: var(--app-success, #2e7d32);
    }
    .degraded mat-icon {
      color: var(--app-warning, #b26a00);
    }
    .unhealthy mat-icon,
    .unreachable mat-icon {
      color: var(--mat-sys-error);
    }
    @media (max-width: 1100px) {
      .health-text,
      .version {
        display: none;
      }
    }
  `,
})
export class HealthIndicator {
  protected readonly status = inject(ClusterStatusStore);
  private readonly translate = inject(TranslateService);
  protected readonly icons = ICONS;

  protected readonly label = computed(() => {
    const health = this.status.health();
    return health
      ? (this.translate.instant('shell.healthLabel', {
          state: this.translate.instant(`shell.health.${health.level}`) as string,
        }) as string)
      : '';
  });

  protected readonly details = computed(() => {
    const health = this.status.health();
    if (!health) return '';
    if (health.error) return health.error.reason;
    return health.services.map((s) => `${s.name}: ${s.message}`).join('\n');
  });
}
