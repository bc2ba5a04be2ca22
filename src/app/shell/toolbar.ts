import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { CurrentUserStore } from '../api/current-user.store';
import { LanguageService } from '../i18n/language.service';
import { HealthIndicator } from './health-indicator';
import { ThemeService } from './theme.service';

/** Product name, navigation, cluster identity and the user's display preferences. */
@Component({
  selector: 'app-toolbar',
  imports: [
    MatToolbarModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatTooltipModule,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    HealthIndicator,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './toolbar.html',
  styleUrl: './toolbar.scss',
})
export class Toolbar {
  protected readonly language = inject(LanguageService);
  protected readonly theme = inject(ThemeService);
  protected readonly currentUser = inject(CurrentUserStore);
  protected readonly links = [
    { path: '/sessions', label: 'nav.sessions' },
    { path: '/tasks', label: 'nav.tasks' },
    { path: '/results', label: 'nav.results' },
    { path: '/partitions', label: 'nav.partitions' },
    { path: '/applications', label: 'nav.applications' },
  ] as const;
}
