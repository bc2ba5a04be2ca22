import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';

import { CurrentUserStore } from '../api/current-user.store';
import { LanguageService } from '../i18n/language.service';
import { HealthIndicator } from './health-indicator';
import { provideTooltipDefaults } from '../tooltip-defaults';
import { ThemeService } from './theme.service';

/** Cluster version and health, the signed-in user, and the language and theme menus. */
@Component({
  selector: 'app-toolbar-status',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatTooltipModule,
    TranslatePipe,
    HealthIndicator,
  ],
  // Outside the routes, so outside the feature routes' parent that provides these.
  providers: [provideTooltipDefaults()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './toolbar-status.html',
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .user {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-body-medium);
    }
    .access {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .access mat-icon {
      font-size: 16px;
      width: 16px;
      height: 16px;
    }
    @media (max-width: 900px) {
      .user-name {
        display: none;
      }
    }
  `,
})
export class ToolbarStatus {
  protected readonly language = inject(LanguageService);
  protected readonly theme = inject(ThemeService);
  protected readonly currentUser = inject(CurrentUserStore);
}
