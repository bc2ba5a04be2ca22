import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

import { ToolbarStatus } from './toolbar-status';

/**
 * Product name and navigation render at once; the cluster status and preference menus are
 * deferred until the browser is idle, which keeps the protobuf runtime, the overlay and the
 * menus out of the initial bundle.
 */
@Component({
  selector: 'app-toolbar',
  imports: [
    MatToolbarModule,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    ToolbarStatus,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './toolbar.html',
  styleUrl: './toolbar.scss',
})
export class Toolbar {
  protected readonly links = [
    { path: '/sessions', label: 'nav.sessions' },
    { path: '/tasks', label: 'nav.tasks' },
    { path: '/results', label: 'nav.results' },
    { path: '/partitions', label: 'nav.partitions' },
    { path: '/applications', label: 'nav.applications' },
    { path: '/activity', label: 'activity.title' },
  ] as const;
}
