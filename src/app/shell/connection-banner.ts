import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

import { ClusterStatusStore, HEALTH_RETRY_MS } from './cluster-status.store';

/** Says plainly when the control plane cannot be reached; disappears by itself when it is back. */
@Component({
  selector: 'app-connection-banner',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (status.health(); as health) {
      @if (health.level === 'unreachable') {
        <div class="banner" role="alert">
          <mat-icon aria-hidden="true">cloud_off</mat-icon>
          <span>{{
            'shell.unreachable'
              | translate: { reason: health.error?.reason ?? '', seconds: retrySeconds }
          }}</span>
        </div>
      }
    }
  `,
  styles: `
    .banner {
      display: flex;
      gap: 8px;
      align-items: center;
      padding: 8px 24px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ConnectionBanner {
  protected readonly status = inject(ClusterStatusStore);
  protected readonly retrySeconds = HEALTH_RETRY_MS / 1000;
}
