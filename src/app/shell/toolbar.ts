import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { ToolbarStatus } from './toolbar-status';

/**
 * Product name and navigation render at once; the cluster status and preference menus are
 * deferred until the browser is idle, which keeps the protobuf runtime, the overlay and the
 * menus out of the initial bundle. The bar and its links are plain elements styled with the
 * Material 3 system tokens (the look of mat-toolbar and text buttons): MatToolbar and MatButton
 * would bring the button, ripple and focus-monitor code (≈ 25 kB gzip) into that bundle.
 */
@Component({
  selector: 'app-toolbar',
  imports: [MatIconModule, RouterLink, RouterLinkActive, TranslatePipe, ToolbarStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './toolbar.html',
  styleUrl: './toolbar.scss',
})
export class Toolbar {
  protected readonly links = [
    { path: '/overview', label: 'nav.overview' },
    { path: '/sessions', label: 'nav.sessions' },
    { path: '/tasks', label: 'nav.tasks' },
    { path: '/results', label: 'nav.results' },
    { path: '/partitions', label: 'nav.partitions' },
    { path: '/applications', label: 'nav.applications' },
    { path: '/activity', label: 'activity.title' },
  ] as const;
}
